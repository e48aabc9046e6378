/**
 * The `holiday-years` projection: one `holiday_years` row per added year (`HolidayCalendar.YearAdded`),
 * derived from the events alone, so a rebuild reproduces it row for row; and, as each is applied, the year
 * recorded in the agency's calendars (agency-calendars.ts), so the periods counted after it use it.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { HolidayYear } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import type { InvalidEvent } from "../event-log/errors.js";
import type { RecordedEvent } from "../event-log/event.js";
import { canonicalJson, type JsonValue } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import type { AgencyCalendars } from "./agency-calendars.js";
import {
  decodeHolidayCalendarEvent,
  type HolidayYearAdded,
  holidayCalendarStreamId,
  isHolidayCalendarEvent,
} from "./holiday-year-events.js";

export const HOLIDAY_YEARS_PROJECTION = "holiday-years";

/** One addition as its row holds it. */
export class AddedHolidayYear extends Schema.Class<AddedHolidayYear>("AddedHolidayYear")({
  calendarId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("calendar_id")),
  addition: DbInt,
  arrangement: Schema.parseJson(HolidayYear),
  /** The document numbers of the arrangement it replaced; null for a year the calendar did not know. */
  replaced: Schema.NullOr(Schema.parseJson(Schema.Array(Schema.String))),
  /** The operator's words on the addition; there whenever it replaced a year. */
  reason: Schema.NullOr(Schema.String),
  addedBy: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("added_by")),
  /** When the log recorded it, and where. */
  addedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("added_at")),
  leafIndex: Schema.propertySignature(DbInt).pipe(Schema.fromKey("leaf_index")),
}) {}

const COLUMNS = "calendar_id, addition, arrangement, replaced, reason, added_by, added_at, leaf_index";

const { outOfStep, decodeRows } = projectionRows(HOLIDAY_YEARS_PROJECTION);
const decodeAdded = decodeRows(AddedHolidayYear, "a holiday year row");

/** The additions to one calendar of the agency, in order, replaced ones included. */
export const listAddedHolidayYears = (
  agencyId: string,
  calendarId: string,
): Effect.Effect<ReadonlyArray<AddedHolidayYear>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM holiday_years
      WHERE agency_id = ${agencyId} AND calendar_id = ${calendarId} ORDER BY addition`;
    return yield* decodeAdded(agencyId, holidayCalendarStreamId(calendarId))(rows);
  });

const AgencyRow = Schema.Struct({ agency_id: Schema.String });
const decodeAgencies = decodeRows(AgencyRow, "an agency row");

/** Every addition of the agency (or of every agency), read into `calendars` in order. */
export const loadAgencyCalendars = (
  calendars: AgencyCalendars,
  agencyId?: string,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const agencies =
      agencyId === undefined
        ? (yield* decodeAgencies(
            "(every agency)",
            "(holiday years)",
          )(yield* sql`SELECT DISTINCT agency_id FROM holiday_years ORDER BY agency_id`)).map(
            (row) => row.agency_id,
          )
        : [agencyId];
    for (const agency of agencies) {
      const rows = yield* decodeAdded(
        agency,
        "(holiday years)",
      )(
        yield* sql`SELECT ${sql.literal(COLUMNS)} FROM holiday_years
          WHERE agency_id = ${agency} ORDER BY calendar_id, addition`,
      );
      // In one step, so no period is counted on a calendar half read.
      calendars.forget(agency);
      for (const row of rows) calendars.record(agency, row.calendarId, row.arrangement, row.addition);
    }
  });

const encodeYear = Schema.encodeSync(HolidayYear);

const applyAdded = (
  calendars: AgencyCalendars,
  event: RecordedEvent,
  added: HolidayYearAdded,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const streamId = holidayCalendarStreamId(added.calendarId);
    if (event.streamId !== streamId || added.addition !== event.streamVersion) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} is version ${event.streamVersion} of ${event.streamId} but says it is addition ${added.addition} to ${streamId}`,
      );
    }
    const [before] = yield* sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM holiday_years
      WHERE agency_id = ${event.agencyId} AND calendar_id = ${added.calendarId}`;
    if (Number(before?.n ?? 0) !== event.streamVersion - 1) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `the calendar has ${before?.n ?? 0} additions, but event ${event.id} is version ${event.streamVersion}`,
      );
    }
    yield* sql`INSERT INTO holiday_years ${sql.insert({
      agency_id: event.agencyId,
      calendar_id: added.calendarId,
      addition: added.addition,
      year: added.year.year,
      document_number: added.year.notice.documentNumber,
      arrangement: canonicalJson(encodeYear(added.year) as unknown as JsonValue),
      replaced:
        added.replaces === null
          ? null
          : canonicalJson(added.replaces.documentNumbers as unknown as JsonValue),
      reason: added.reason,
      added_by: event.actor,
      added_at: event.occurredAt,
      leaf_index: event.leafIndex,
    })}`;
    yield* Effect.sync(() => calendars.record(event.agencyId, added.calendarId, added.year, added.addition));
  });

/** The holiday-years projection over `calendars`, ready for `Projections.layer`. */
export const holidayYearsProjection = (calendars: AgencyCalendars): ProjectionDefinition => ({
  name: HOLIDAY_YEARS_PROJECTION,
  tables: ["holiday_years"],
  apply: (event): Effect.Effect<void, ProjectionOutOfStep | InvalidEvent | SqlError, SqlClient.SqlClient> =>
    isHolidayCalendarEvent(event)
      ? Effect.flatMap(decodeHolidayCalendarEvent(event), (added) => applyAdded(calendars, event, added))
      : Effect.void,
});
