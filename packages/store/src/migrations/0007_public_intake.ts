/**
 * Reports from the public (WC.10.1 任何人均有权举报或投诉), without an account. Every row carries agency_id.
 *
 * `public_receipts` and `intake_messages` are the `public-intake` projection (src/intake/intake-projection.ts):
 * derived from the `Intake.*` events, cleared and replayed by a rebuild. A receipt is known by the SHA-256 of
 * its code only, unique within the agency; the code itself is never stored.
 *
 * `intake_attempts` holds the public channel's submissions and receipt look-ups in the throttling window,
 * per client address (src/intake/intake-throttle.ts). It is not derived from the log and names no agency:
 * one client trying codes at many agencies is one client.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE public_receipts (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    proceeding_id TEXT NOT NULL,
    receipt_hash TEXT NOT NULL CHECK (length(receipt_hash) = 64),
    issued_at TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    PRIMARY KEY (agency_id, proceeding_id),
    UNIQUE (agency_id, receipt_hash)
  )`;

  yield* sql`CREATE TABLE intake_messages (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    proceeding_id TEXT NOT NULL,
    seq BIGINT NOT NULL CHECK (seq >= 2),
    sender TEXT NOT NULL CHECK (sender IN ('reporter', 'legal-section')),
    by_person TEXT,
    body TEXT NOT NULL,
    posted_on TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    PRIMARY KEY (agency_id, proceeding_id, seq)
  )`;

  yield* sql`CREATE TABLE intake_attempts (
    attempt_id TEXT NOT NULL PRIMARY KEY,
    address TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('submit', 'lookup')),
    attempted_at TEXT NOT NULL
  )`;
  yield* sql`CREATE INDEX intake_attempts_by_address ON intake_attempts (address, action, attempted_at)`;
});
