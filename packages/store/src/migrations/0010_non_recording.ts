/**
 * Failures to record interference (IF.12b 不记录或者不如实记录). Every row carries agency_id.
 *
 * `non_recording_violations` is the `non-recording` projection (src/non-recording/non-recording-projection.ts):
 * derived from the `NonRecording.Registered` events, cleared and replayed by a rebuild. `ordinal` is the
 * handler's count at the registration (the stream version), unique per handler; `consequence` is the domain's
 * consequence as logged, canonical JSON; `refer_discipline` repeats its flag for queries.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE non_recording_violations (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    violation_id TEXT NOT NULL,
    handler TEXT NOT NULL,
    ordinal BIGINT NOT NULL CHECK (ordinal >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('not-recorded', 'untruthful')),
    case_ref TEXT NOT NULL,
    record_id TEXT,
    facts TEXT NOT NULL,
    occurred_on TEXT,
    instructed_by TEXT,
    registered_on TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    refer_discipline INTEGER NOT NULL CHECK (refer_discipline IN (0, 1)),
    consequence TEXT NOT NULL,
    PRIMARY KEY (agency_id, violation_id),
    UNIQUE (agency_id, handler, ordinal)
  )`;
  yield* sql`CREATE INDEX non_recording_by_order ON non_recording_violations (agency_id, leaf_index)`;
});
