/**
 * The tables the statistics projection owns (src/statistics/): narrow facts per interference record and per
 * wrong-case proceeding, and counters kept up to date with every append, so the figures for the legal
 * section and the head are read by summing a few hundred counter rows instead of decoding every record.
 * Derived from the log and rebuilt from it like every projection.
 *
 * `interference_counts` holds, per agency, channel flag, month and breakdown, how many records fall in each
 * value; a counter that falls to zero is deleted, so live and rebuilt tables agree row for row.
 * `reported_js` is 1 when the handler reported the record to the judicial supervision (IF.3). Who the record
 * names (`interference_subjects`) decides the rest of its route at read time, from the roles held then.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE interference_facts (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7),
    handler TEXT NOT NULL,
    method TEXT,
    recorded TEXT NOT NULL,
    finding TEXT NOT NULL,
    reported_js INTEGER NOT NULL CHECK (reported_js IN (0, 1)),
    PRIMARY KEY (agency_id, stream_id)
  )`;
  yield* sql`CREATE INDEX interference_facts_by_month ON interference_facts (agency_id, reported_js, month)`;

  yield* sql`CREATE TABLE interference_subjects (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (agency_id, stream_id, person_id)
  )`;
  yield* sql`CREATE INDEX interference_subjects_by_person ON interference_subjects (agency_id, person_id, stream_id)`;

  yield* sql`CREATE TABLE interference_counts (
    agency_id TEXT NOT NULL,
    reported_js INTEGER NOT NULL CHECK (reported_js IN (0, 1)),
    month TEXT NOT NULL CHECK (length(month) = 7),
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL CHECK (count > 0),
    PRIMARY KEY (agency_id, reported_js, month, dimension, value)
  )`;
  // The figures sum the counters per breakdown: in this order, with the count, the sum reads the index
  // alone and needs no sort (the bench's statistics row: SQLite, 1,000,000 records).
  yield* sql`CREATE INDEX interference_counts_by_value
    ON interference_counts (agency_id, reported_js, dimension, value, month, count)`;

  yield* sql`CREATE TABLE wrong_case_facts (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    month TEXT NOT NULL CHECK (length(month) = 7),
    trigger_kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (agency_id, stream_id)
  )`;
  yield* sql`CREATE INDEX wrong_case_facts_by_month ON wrong_case_facts (agency_id, month)`;

  // One row per stage a proceeding entered; left_on and days once it moved on.
  yield* sql`CREATE TABLE wrong_case_stage_spans (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    stage TEXT NOT NULL,
    entered_on TEXT NOT NULL,
    left_on TEXT,
    days BIGINT,
    PRIMARY KEY (agency_id, stream_id, seq)
  )`;
  yield* sql`CREATE INDEX wrong_case_stage_spans_by_entry ON wrong_case_stage_spans (agency_id, entered_on)`;

  // Every period a proceeding ran (WC.10.1, WC.10.3): running, met, missed, or lapsed (made moot).
  yield* sql`CREATE TABLE period_runs (
    agency_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    period TEXT NOT NULL,
    start_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    ended_on TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('running', 'met', 'missed', 'lapsed')),
    PRIMARY KEY (agency_id, stream_id, period, start_date)
  )`;
  yield* sql`CREATE INDEX period_runs_by_due ON period_runs (agency_id, due_date)`;
});
