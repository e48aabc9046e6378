/**
 * Projections: tables derived from the log, kept in step with it and rebuildable from it. The log is the
 * record (全程留痕，有据可查); a projection is a convenience for reading it, so it may always be thrown away
 * and replayed.
 *
 * A projection names the tables it owns and says how one event updates them. `Projections` runs every
 * registered projection over the events of each append inside the append's transaction (the `project`
 * hook of `EventLog.append`), so a projection refusing an event (a domain refusal, say) undoes the append,
 * and `rebuild` clears the tables and replays the log through the same code, so live and rebuilt tables
 * agree row for row.
 *
 * Extension point: the server adds its own projections (people, notifications) by passing them to
 * `Projections.layer` next to `proceedingProjections(…)`, with a migration for their tables. A projection
 * must ignore the event types it does not know and derive every column from the events alone (no clock,
 * no randomness), or a rebuild would not reproduce it.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import type { CalendarOutOfRange, DateOutOfOrder, IllegalTransition } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Schema } from "effect";
import { type InvalidEvent, LogCorrupted, type StreamConflict } from "../event-log/errors.js";
import type { AppendRequest, RecordedEvent } from "../event-log/event.js";
import { type Appended, EventLog } from "../event-log/event-log.js";
import { AgencyId } from "../event-log/identifiers.js";

/**
 * A projection's table row disagrees with the log: its stream version is not the one before the event being
 * applied (events reached the stream without the projection), or the row fails its Schema. Nothing was
 * written; `rebuildProjections` repairs the tables from the log.
 */
export class ProjectionOutOfStep extends Schema.TaggedError<ProjectionOutOfStep>()("ProjectionOutOfStep", {
  projection: Schema.String,
  agencyId: Schema.String,
  streamId: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `projection ${this.projection} is out of step with stream ${this.streamId} of ${this.agencyId}: ${this.detail}; rebuild the projections from the log`;
  }
}

/**
 * A rebuild met an event its projection refuses: the log holds a step the current rules (or regime) do not
 * accept where it stands. The rebuild is rolled back; the tables stay as they were.
 */
export class ProjectionReplayFailed extends Schema.TaggedError<ProjectionReplayFailed>()(
  "ProjectionReplayFailed",
  {
    projection: Schema.String,
    agencyId: Schema.String,
    leafIndex: Schema.Number,
    eventId: Schema.String,
    reason: Schema.String,
  },
) {
  override get message(): string {
    return `projection ${this.projection} cannot replay event ${this.eventId} at leaf ${this.leafIndex} of ${this.agencyId}: ${this.reason}`;
  }
}

/** Why a projection can refuse an event: the domain's refusals, a row out of step, a payload that fails. */
export type ProjectionError =
  | IllegalTransition
  | DateOutOfOrder
  | CalendarOutOfRange
  | ProjectionOutOfStep
  | InvalidEvent
  | SqlError;

/** A table derived from the log. */
export interface ProjectionDefinition {
  /** e.g. `wrong-case-proceedings`. */
  readonly name: string;
  /** The tables it owns and nobody else writes, children before parents: a rebuild clears them in this order. */
  readonly tables: ReadonlyArray<string>;
  /**
   * Brings the tables up to date with one event, inside the append's (or the rebuild's) transaction. Events
   * of kinds it does not project are ignored.
   */
  readonly apply: (event: RecordedEvent) => Effect.Effect<void, ProjectionError, SqlClient.SqlClient>;
}

export interface RebuildReport {
  /** Each agency replayed, with the number of events read. */
  readonly agencies: ReadonlyArray<{ readonly agencyId: AgencyId; readonly events: number }>;
}

export type AppendFailure = StreamConflict | InvalidEvent | LogCorrupted | SqlError;

export interface ProjectionsService {
  readonly definitions: ReadonlyArray<ProjectionDefinition>;
  /** The `project` hook for `EventLog.append`: every projection over every event, in order. */
  readonly project: (
    events: ReadonlyArray<RecordedEvent>,
  ) => Effect.Effect<void, ProjectionError, SqlClient.SqlClient>;
  /** `EventLog.append` with every projection updated in its transaction. */
  readonly append: (request: AppendRequest) => Effect.Effect<Appended, AppendFailure | ProjectionError>;
  /**
   * Clears the projection tables (of one agency, or all) and replays the log into them, in one transaction
   * that holds back the agency's appends meanwhile.
   */
  readonly rebuild: (
    agencyId?: AgencyId,
  ) => Effect.Effect<RebuildReport, ProjectionReplayFailed | LogCorrupted | SqlError>;
}

// How many events a rebuild reads at a time.
const REBUILD_PAGE = 500;

const AgencyRow = Schema.Struct({ agency_id: AgencyId });

const describe = (error: Exclude<ProjectionError, SqlError>): string => `${error._tag}: ${error.message}`;

export const makeProjections = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  definitions: ReadonlyArray<ProjectionDefinition>,
): ProjectionsService => {
  const project: ProjectionsService["project"] = (events) =>
    Effect.forEach(events, (event) => Effect.forEach(definitions, (d) => d.apply(event), { discard: true }), {
      discard: true,
    });

  const append: ProjectionsService["append"] = (request) => log.append(request, project);

  /** Holds back appends of the agency (or of every agency) until the rebuild commits. */
  const lockOut = (agencyId: AgencyId | undefined) =>
    agencyId === undefined
      ? sql.onDialectOrElse({
          // An append's first statement writes log_heads, which EXCLUSIVE mode makes wait; reads go on.
          pg: () => sql`LOCK TABLE log_heads IN EXCLUSIVE MODE`,
          // Any write takes the database's write lock, which appends in every process wait for.
          orElse: () => sql`UPDATE log_heads SET tree_size = tree_size`,
        })
      : // The same row lock an append takes first (event-log.ts).
        sql`INSERT INTO log_heads (agency_id, tree_size) VALUES (${agencyId}, 0)
          ON CONFLICT (agency_id) DO UPDATE SET tree_size = log_heads.tree_size`;

  const replayAgency = (agencyId: AgencyId) =>
    Effect.gen(function* () {
      let next = 0;
      for (;;) {
        const page = yield* log.read(agencyId, { fromIndex: next, limit: REBUILD_PAGE });
        for (const event of page) {
          if (event.leafIndex !== next) {
            return yield* new LogCorrupted({
              agencyId,
              detail: `leaf ${next} is missing: the next event read is at leaf ${event.leafIndex}`,
            });
          }
          for (const definition of definitions) {
            yield* definition.apply(event).pipe(
              Effect.catchIf(
                (error): error is Exclude<ProjectionError, SqlError> => error._tag !== "SqlError",
                (error) =>
                  new ProjectionReplayFailed({
                    projection: definition.name,
                    agencyId,
                    leafIndex: event.leafIndex,
                    eventId: event.id,
                    reason: describe(error),
                  }),
              ),
            );
          }
          next += 1;
        }
        if (page.length < REBUILD_PAGE) return { agencyId, events: next };
      }
    });

  const rebuild: ProjectionsService["rebuild"] = (agencyId) =>
    Effect.gen(function* () {
      const nested = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection));
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          // As for an append: with the agency locked, each statement must see what committed before it.
          if (!nested) {
            yield* sql.onDialectOrElse({
              pg: () => sql`SET TRANSACTION ISOLATION LEVEL READ COMMITTED`,
              orElse: () => Effect.void,
            });
          }
          yield* lockOut(agencyId);
          for (const definition of definitions) {
            for (const table of definition.tables) {
              yield* agencyId === undefined
                ? sql`DELETE FROM ${sql(table)}`
                : sql`DELETE FROM ${sql(table)} WHERE agency_id = ${agencyId}`;
            }
          }
          const agencies =
            agencyId === undefined
              ? yield* sql`SELECT agency_id FROM log_heads ORDER BY agency_id`.pipe(
                  Effect.flatMap(Schema.decodeUnknown(Schema.Array(AgencyRow))),
                  Effect.map((rows) => rows.map((row) => row.agency_id)),
                  Effect.catchTag(
                    "ParseError",
                    (error) =>
                      new LogCorrupted({
                        agencyId: "(all)",
                        detail: `a log head row fails its Schema: ${error.message}`,
                      }),
                  ),
                )
              : [agencyId];
          return { agencies: yield* Effect.forEach(agencies, replayAgency) };
        }),
      );
    }).pipe(Effect.provideService(SqlClient.SqlClient, sql));

  return { definitions, project, append, rebuild };
};

export class Projections extends Context.Tag("@liuhen/store/Projections")<Projections, ProjectionsService>() {
  /** Runs `definitions` on every append made through it, and rebuilds them on demand. */
  static readonly layer = (
    definitions: ReadonlyArray<ProjectionDefinition>,
  ): Layer.Layer<Projections, never, EventLog | SqlClient.SqlClient> =>
    Layer.effect(
      Projections,
      Effect.gen(function* () {
        const names = definitions.map((d) => d.name);
        const tables = definitions.flatMap((d) => d.tables);
        if (new Set(names).size !== names.length || new Set(tables).size !== tables.length) {
          return yield* Effect.dieMessage(
            `projections must have distinct names and own distinct tables: ${names.join(", ")}`,
          );
        }
        return makeProjections(yield* SqlClient.SqlClient, yield* EventLog, definitions);
      }),
    );
}

/** Clears the projection tables of one agency (or all) and replays the log into them. */
export const rebuildProjections = (
  agencyId?: AgencyId,
): Effect.Effect<RebuildReport, ProjectionReplayFailed | LogCorrupted | SqlError, Projections> =>
  Effect.flatMap(Projections, (projections) => projections.rebuild(agencyId));
