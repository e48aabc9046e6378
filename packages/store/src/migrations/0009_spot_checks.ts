/**
 * Spot checks (IF.4 区局法治科应加强检查、抽查). Every row carries agency_id.
 *
 * `spot_checks` and `spot_check_items` are the `spot-checks` projection (src/spot-checks/spot-check-projection.ts):
 * derived from the `SpotCheck.*` events and the records' `RecordSpotChecked` steps, cleared and replayed by a
 * rebuild. `population` is the committed population as canonical JSON (RFC 8785).
 *
 * `spot_check_seeds` is not derived from the log: it keeps a commitment's secret seed between the commitment
 * and the draw, when the seed enters the log and its row is deleted. Written in the commitment's transaction,
 * so a commitment is never logged without its seed kept. A rebuild leaves it alone.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE spot_checks (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    draw_id TEXT NOT NULL,
    sampler TEXT NOT NULL,
    seed_hash TEXT NOT NULL CHECK (length(seed_hash) = 64),
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    population TEXT NOT NULL,
    population_digest TEXT NOT NULL CHECK (length(population_digest) = 64),
    records_requested BIGINT NOT NULL CHECK (records_requested >= 0),
    handlers_requested BIGINT NOT NULL CHECK (handlers_requested >= 0),
    purpose TEXT,
    committed_on TEXT NOT NULL,
    committed_by TEXT NOT NULL,
    committed_at TEXT NOT NULL,
    commit_leaf_index BIGINT NOT NULL CHECK (commit_leaf_index >= 0),
    seed TEXT CHECK (seed IS NULL OR length(seed) = 64),
    anchor_tree_size BIGINT,
    anchor_root_hash TEXT,
    drawn_on TEXT,
    drawn_by TEXT,
    drawn_at TEXT,
    version BIGINT NOT NULL CHECK (version >= 1),
    PRIMARY KEY (agency_id, draw_id)
  )`;
  yield* sql`CREATE INDEX spot_checks_by_commit ON spot_checks (agency_id, commit_leaf_index)`;

  yield* sql`CREATE TABLE spot_check_items (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    draw_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('record', 'handler')),
    item_id TEXT NOT NULL,
    position BIGINT NOT NULL CHECK (position >= 1),
    checked_on TEXT,
    checked_by TEXT,
    outcome TEXT,
    note TEXT,
    PRIMARY KEY (agency_id, draw_id, kind, item_id)
  )`;

  yield* sql`CREATE TABLE spot_check_seeds (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    draw_id TEXT NOT NULL,
    seed TEXT NOT NULL CHECK (length(seed) = 64),
    PRIMARY KEY (agency_id, draw_id)
  )`;
});
