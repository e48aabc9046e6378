/**
 * An append's statements, run on its transaction's connection as the client compiles them. As `sql` Effects,
 * each statement also opened a tracing span and a scope and looked its connection up again: over the few
 * statements of an append that was more time than the database took to run them.
 */
import { SqlClient, type Statement } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Effect } from "effect";

/** Runs a statement, returning its rows as the driver gives them (to be decoded by the caller). */
export type RunStatement = (
  statement: Statement.Statement<unknown>,
) => Effect.Effect<ReadonlyArray<unknown>, SqlError>;

/** The runner of the transaction this is called in; outside one, a defect (a bug in the caller). */
export const transactionStatements: Effect.Effect<RunStatement> = Effect.flatMap(
  Effect.serviceOption(SqlClient.TransactionConnection),
  (connection) =>
    connection._tag === "Some"
      ? Effect.succeed((statement) => {
          const [text, params] = statement.compile();
          return connection.value[0].execute(text, params, undefined);
        })
      : Effect.dieMessage("an append's statements run inside its transaction"),
);
