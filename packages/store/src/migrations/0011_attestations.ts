/**
 * Monthly attestations of interference records (IF.3, IF.12b) and the agency settings that switch them on or
 * off. Every row carries agency_id.
 *
 * `attestations` and `agency_settings` are the `attestations` projection
 * (src/attestations/attestation-projection.ts): derived from the `Attestation.Made` and
 * `AgencySettings.Changed` events, cleared and replayed by a rebuild. `record_ids` is canonical JSON. An
 * agency with no `agency_settings` row has the defaults (attestation on).
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE attestations (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    handler TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7),
    kind TEXT NOT NULL CHECK (kind IN ('records', 'none')),
    record_ids TEXT NOT NULL,
    attested_on TEXT NOT NULL,
    attested_at TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    PRIMARY KEY (agency_id, handler, month)
  )`;
  yield* sql`CREATE INDEX attestations_by_month ON attestations (agency_id, month)`;

  yield* sql`CREATE TABLE agency_settings (
    agency_id TEXT NOT NULL PRIMARY KEY REFERENCES log_heads (agency_id),
    monthly_attestation INTEGER NOT NULL CHECK (monthly_attestation IN (0, 1)),
    version BIGINT NOT NULL CHECK (version >= 1),
    updated_at TEXT NOT NULL
  )`;
});
