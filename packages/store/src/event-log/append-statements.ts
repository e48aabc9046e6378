/**
 * What an append says to the database inside its transaction, in as few statements as each dialect allows:
 * the fewer there are while the agency's lock is held, the sooner the next append of the agency can start.
 *
 * SQLite: the lock's statement also reads the stream's version (the write lock is the whole database's, so
 * what the statement reads is current), then the events, the completed subtrees and the head are written,
 * one statement each; where the head is still where this process's last append left it, the first statement
 * moves it (`advanceHead`), and only the events and subtrees are left to write.
 *
 * PostgreSQL: the lock's statement cannot read the version (a subquery of the statement that waited for the
 * row lock sees the data as of before the wait), so the version is read by the one statement that then writes
 * events, subtrees and head if it is the expected one, and writes nothing if not.
 */
import type { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Effect, Schema } from "effect";
import type { LogCorrupted } from "./errors.js";
import type { AgencyId, StreamId } from "./identifiers.js";
import { DbInt, decodeRows, type eventRow } from "./rows.js";
import type { RunStatement } from "./transaction-statements.js";

/** The head as the lock's statement found it. */
export interface LockedHead {
  readonly size: number;
  /** `log_heads.frontier` (migration 0015): the tree's edge, if kept. */
  readonly frontier: string | null;
  /** The stream's version, where the lock's statement can read it (SQLite); else the write checks it. */
  readonly version: number | undefined;
}

/** What an append writes once its events are hashed into the tree. */
export interface AppendWrite {
  readonly agencyId: AgencyId;
  readonly streamId: StreamId;
  readonly expectedVersion: number;
  readonly events: ReadonlyArray<EventColumns>;
  readonly nodes: ReadonlyArray<{
    readonly level: number;
    readonly node_index: number;
    readonly hash: string;
  }>;
  /** The new head; undefined where `advanceHead` has written it. */
  readonly head: HeadAt | undefined;
}

/** A head as `log_heads` keeps it: the size and the edge's text (migration 0015). */
export interface HeadAt {
  readonly size: number;
  readonly frontier: string;
}

/** An `events` row. */
export type EventColumns = ReturnType<typeof eventRow>;

export interface AppendStatements {
  /** Makes the transaction READ COMMITTED where the database could have another default (PostgreSQL). */
  readonly readCommitted: (run: RunStatement) => Effect.Effect<void, SqlError>;
  /** Creates or touches the agency's head row, which locks it until commit, and reads it. */
  readonly lockHead: (
    run: RunStatement,
    agencyId: AgencyId,
    streamId: StreamId,
  ) => Effect.Effect<LockedHead, LogCorrupted | SqlError>;
  /** The stream's version, read after the lock. */
  readonly streamVersion: (
    run: RunStatement,
    agencyId: AgencyId,
    streamId: StreamId,
  ) => Effect.Effect<number, LogCorrupted | SqlError>;
  /**
   * Moves the agency's head from `from` to `to` if it is still at `from`, which takes the lock as `lockHead`
   * does, and returns the stream's version; undefined, writing nothing, if the head is elsewhere. Only where
   * one statement can both write the head and read the version as of the lock (SQLite).
   */
  readonly advanceHead:
    | ((
        run: RunStatement,
        move: {
          readonly agencyId: AgencyId;
          readonly streamId: StreamId;
          readonly from: HeadAt;
          readonly to: HeadAt;
        },
      ) => Effect.Effect<number | undefined, LogCorrupted | SqlError>)
    | undefined;
  /**
   * Writes the events, subtrees and head. Where the lock did not read the version, only if the stream is at
   * `expectedVersion`, and returns the version it found; otherwise returns undefined.
   */
  readonly write: (
    run: RunStatement,
    append: AppendWrite,
  ) => Effect.Effect<number | undefined, LogCorrupted | SqlError>;
}

const SizeAndEdge = { tree_size: DbInt, frontier: Schema.NullOr(Schema.String) };
const SqliteHeadRow = Schema.Struct({ ...SizeAndEdge, version: DbInt });
const PgHeadRow = Schema.Struct(SizeAndEdge);
const VersionRow = Schema.Struct({ version: DbInt });

const firstVersion = (rows: ReadonlyArray<typeof VersionRow.Type>) => rows[0]?.version ?? 0;

const sqliteStatements = (sql: SqlClient.SqlClient): AppendStatements => ({
  readCommitted: () => Effect.void,
  lockHead: (run, agencyId, streamId) =>
    run(sql`INSERT INTO log_heads (agency_id, tree_size) VALUES (${agencyId}, 0)
      ON CONFLICT (agency_id) DO UPDATE SET tree_size = log_heads.tree_size
      RETURNING tree_size, frontier, (SELECT COALESCE(MAX(stream_version), 0) FROM events
        WHERE agency_id = ${agencyId} AND stream_id = ${streamId}) AS version`).pipe(
      Effect.flatMap(decodeRows(SqliteHeadRow, agencyId, "log head")),
      Effect.map(([row]) => ({
        size: row?.tree_size ?? 0,
        frontier: row?.frontier ?? null,
        version: row?.version ?? 0,
      })),
    ),
  streamVersion: (run, agencyId, streamId) => streamVersion(sql, run, agencyId, streamId),
  advanceHead: (run, { agencyId, streamId, from, to }) =>
    run(sql`UPDATE log_heads SET tree_size = ${to.size}, frontier = ${to.frontier}
      WHERE agency_id = ${agencyId} AND tree_size = ${from.size} AND frontier = ${from.frontier}
      RETURNING (SELECT COALESCE(MAX(stream_version), 0) FROM events
        WHERE agency_id = ${agencyId} AND stream_id = ${streamId}) AS version`).pipe(
      Effect.flatMap(decodeRows(VersionRow, agencyId, "stream version")),
      Effect.map(([row]) => row?.version),
    ),
  write: (run, append) =>
    Effect.gen(function* () {
      yield* run(sql`INSERT INTO events ${sql.insert(append.events)}`);
      if (append.nodes.length > 0) {
        yield* run(
          sql`INSERT INTO merkle_nodes ${sql.insert(
            append.nodes.map((node) => ({ agency_id: append.agencyId, ...node })),
          )}`,
        );
      }
      if (append.head !== undefined) {
        yield* run(sql`UPDATE log_heads SET tree_size = ${append.head.size}, frontier = ${append.head.frontier}
          WHERE agency_id = ${append.agencyId}`);
      }
      return undefined;
    }),
});

const column = <K extends keyof EventColumns>(events: ReadonlyArray<EventColumns>, key: K) =>
  events.map((event) => event[key]);

const pgStatements = (sql: SqlClient.SqlClient): AppendStatements => ({
  readCommitted: (run) => Effect.asVoid(run(sql`SET TRANSACTION ISOLATION LEVEL READ COMMITTED`)),
  lockHead: (run, agencyId) =>
    run(sql`INSERT INTO log_heads (agency_id, tree_size) VALUES (${agencyId}, 0)
      ON CONFLICT (agency_id) DO UPDATE SET tree_size = log_heads.tree_size
      RETURNING tree_size, frontier`).pipe(
      Effect.flatMap(decodeRows(PgHeadRow, agencyId, "log head")),
      Effect.map(([row]) => ({
        size: row?.tree_size ?? 0,
        frontier: row?.frontier ?? null,
        version: undefined,
      })),
    ),
  streamVersion: (run, agencyId, streamId) => streamVersion(sql, run, agencyId, streamId),
  // A statement that waited for the row lock would read the version as of before the wait.
  advanceHead: undefined,
  // One statement: each part sees the data as of its start, after the lock, and none sees the others' rows.
  write: (run, append) => {
    const { agencyId, streamId, expectedVersion, events, nodes, head } = append;
    if (head === undefined) return Effect.dieMessage("PostgreSQL appends write the head with the events");
    const atExpected = sql`(SELECT version FROM found) = ${expectedVersion}`;
    return run(sql`WITH found AS (
        SELECT COALESCE(MAX(stream_version), 0) AS version FROM events
        WHERE agency_id = ${agencyId} AND stream_id = ${streamId}
      ), new_events AS (
        INSERT INTO events (id, agency_id, stream_id, stream_version, type, actor, occurred_at, citations,
          payload, leaf_index, leaf_hash)
        SELECT * FROM unnest(${column(events, "id")}::text[], ${column(events, "agency_id")}::text[],
          ${column(events, "stream_id")}::text[], ${column(events, "stream_version")}::bigint[],
          ${column(events, "type")}::text[], ${column(events, "actor")}::text[],
          ${column(events, "occurred_at")}::text[], ${column(events, "citations")}::text[],
          ${column(events, "payload")}::text[], ${column(events, "leaf_index")}::bigint[],
          ${column(events, "leaf_hash")}::text[])
        WHERE ${atExpected}
      ), new_nodes AS (
        INSERT INTO merkle_nodes (agency_id, level, node_index, hash)
        SELECT ${agencyId}::text, * FROM unnest(${nodes.map((n) => n.level)}::integer[],
          ${nodes.map((n) => n.node_index)}::bigint[], ${nodes.map((n) => n.hash)}::text[])
        WHERE ${atExpected}
      ), new_head AS (
        UPDATE log_heads SET tree_size = ${head.size}, frontier = ${head.frontier}
        WHERE agency_id = ${agencyId} AND ${atExpected}
      )
      SELECT version FROM found`).pipe(
      Effect.flatMap(decodeRows(VersionRow, agencyId, "stream version")),
      Effect.map(firstVersion),
    );
  },
});

const streamVersion = (sql: SqlClient.SqlClient, run: RunStatement, agencyId: AgencyId, streamId: StreamId) =>
  run(sql`SELECT COALESCE(MAX(stream_version), 0) AS version FROM events
    WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`).pipe(
    Effect.flatMap(decodeRows(VersionRow, agencyId, "stream version")),
    Effect.map(firstVersion),
  );

/** The statements for the client's database. */
export const appendStatements = (sql: SqlClient.SqlClient): AppendStatements =>
  sql.onDialectOrElse({ pg: () => pgStatements(sql), orElse: () => sqliteStatements(sql) });
