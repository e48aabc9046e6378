/**
 * PostgreSQL, for several server processes sharing one database (@effect/sql-pg over node-postgres).
 * Appends of one agency queue on its log_heads row lock (event-log.ts), whichever process makes them.
 */
import type { SqlClient } from "@effect/sql";
import { PgClient } from "@effect/sql-pg";
import { Layer, Redacted } from "effect";
import type { EventLog } from "../event-log/event-log.js";
import { type StoreError, type StoreOptions, storeLayer } from "../store.js";

export interface PostgresStoreOptions extends StoreOptions {
  /** e.g. postgres://liuhen@db.internal:5432/liuhen */
  readonly url: string | Redacted.Redacted;
  readonly maxConnections?: number | undefined;
}

export const postgresStoreLayer = (
  options: PostgresStoreOptions,
): Layer.Layer<EventLog | SqlClient.SqlClient | PgClient.PgClient, StoreError> =>
  storeLayer(options).pipe(
    Layer.provideMerge(
      PgClient.layer({
        url: Redacted.isRedacted(options.url) ? options.url : Redacted.make(options.url),
        maxConnections: options.maxConnections,
        applicationName: "liuhen",
      }),
    ),
  );
