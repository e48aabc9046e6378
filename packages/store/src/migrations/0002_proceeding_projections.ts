/**
 * The tables the proceeding projections own (src/projections/). They are derived from the log and can be
 * cleared and replayed from it at any time (`rebuildProjections`), so unlike the log's own tables they may
 * be updated and deleted.
 *
 * `state` is the domain's state Schema encoded as canonical JSON (RFC 8785), so two rebuilds write the same
 * text; `version` is the stream version of the last step applied; `updated_at` is that step's `occurred_at`.
 * People and notifications are the server's projections and come with their own migration.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  for (const table of ["wrong_case_proceedings", "interference_records"]) {
    yield* sql`CREATE TABLE ${sql(table)} (
      agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
      stream_id TEXT NOT NULL,
      stage TEXT NOT NULL,
      state TEXT NOT NULL,
      version BIGINT NOT NULL CHECK (version >= 1),
      last_leaf_index BIGINT NOT NULL CHECK (last_leaf_index >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (agency_id, stream_id)
    )`;
    yield* sql`CREATE INDEX ${sql(`${table}_by_stage`)} ON ${sql(table)} (agency_id, stage)`;
  }

  // One row per period running in a wrong-case proceeding (WC.10.1 transfer, WC.10.3 re-investigation).
  yield* sql`CREATE TABLE deadlines (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('WC.10.1', 'WC.10.3')),
    opened_by TEXT NOT NULL,
    start_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    PRIMARY KEY (agency_id, stream_id, period),
    FOREIGN KEY (agency_id, stream_id) REFERENCES wrong_case_proceedings (agency_id, stream_id) ON DELETE CASCADE
  )`;
  yield* sql`CREATE INDEX deadlines_by_due_date ON deadlines (agency_id, due_date)`;
});
