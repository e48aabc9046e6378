/**
 * Personnel actions against staff (IF.9), a projection (src/personnel-actions/personnel-action-projection.ts):
 * derived from the `PersonnelAction.*` events, cleared and replayed by a rebuild. `protection` is canonical
 * JSON (RFC 8785) of what the protection check found, so two rebuilds write the same text; `leaf_index`
 * orders the actions as the log took them.
 *
 * `kind` has no CHECK: the event's Schema checks it, and a new kind then needs no table rebuild on SQLite.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE personnel_actions (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    action_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    action_date TEXT NOT NULL,
    statutory_cause TEXT NOT NULL,
    statutory_procedure TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    protection TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    PRIMARY KEY (agency_id, action_id)
  )`;
  yield* sql`CREATE INDEX personnel_actions_by_person ON personnel_actions (agency_id, person_id, leaf_index)`;
});
