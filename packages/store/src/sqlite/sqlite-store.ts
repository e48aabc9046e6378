/**
 * The embedded default: one SQLite file in WAL mode (better-sqlite3 through @effect/sql-sqlite-node).
 * One connection per process, its transactions queued; another process on the same file waits on the
 * database's write lock (busy timeout 5 s) instead of interleaving its appends.
 */
import { SqlClient } from "@effect/sql";
import { SqliteClient } from "@effect/sql-sqlite-node";
import { type ConfigError, Effect, Layer } from "effect";
import type { EventLog } from "../event-log/event-log.js";
import { type StoreError, type StoreOptions, storeLayer } from "../store.js";

export interface SqliteStoreOptions extends StoreOptions {
  /** The database file; made if missing. */
  readonly filename: string;
}

// Enforces the REFERENCES clauses, which SQLite ignores unless told otherwise on each connection.
const pragmas = Layer.effectDiscard(
  Effect.flatMap(SqlClient.SqlClient, (sql) => sql`PRAGMA foreign_keys = ON`),
);

export const sqliteStoreLayer = (
  options: SqliteStoreOptions,
): Layer.Layer<
  EventLog | SqlClient.SqlClient | SqliteClient.SqliteClient,
  StoreError | ConfigError.ConfigError
> =>
  storeLayer(options).pipe(
    Layer.provideMerge(Layer.provideMerge(pragmas, SqliteClient.layer({ filename: options.filename }))),
  );
