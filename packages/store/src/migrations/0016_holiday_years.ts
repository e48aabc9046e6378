/**
 * The holiday years an operator added (src/calendar/): `holiday_years` is the `holiday-years` projection,
 * one row per `HolidayCalendar.YearAdded` event, derived from the events alone and replayed by a rebuild.
 * A replaced year keeps its earlier rows: the current arrangement of a year is its row with the highest
 * `addition` (the event's stream version). `arrangement` is the year as the domain's `HolidayYear` encodes
 * it, canonical JSON; `replaced` the document numbers of what it replaced, canonical JSON, or NULL.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE holiday_years (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    calendar_id TEXT NOT NULL,
    addition BIGINT NOT NULL CHECK (addition >= 1),
    year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
    document_number TEXT NOT NULL,
    arrangement TEXT NOT NULL,
    replaced TEXT,
    reason TEXT,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    PRIMARY KEY (agency_id, calendar_id, addition)
  )`;
  yield* sql`CREATE INDEX holiday_years_by_year ON holiday_years (agency_id, calendar_id, year)`;
});
