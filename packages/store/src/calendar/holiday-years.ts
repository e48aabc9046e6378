/**
 * The holiday years of an agency's calendar: those released with Liuhen and those its operator added, and
 * the adding. `add` decodes the year with the domain's own `HolidayYear` Schema (dates inside the year, a
 * rest day never also a working day, a worked day a weekend day), so a bad file is refused naming its
 * field and nothing is written. A year the calendar already has, built in or added, is replaced only with
 * a reason, which the event keeps with the document numbers of what it replaced.
 *
 * ```ts
 * const years = yield* HolidayYears;
 * yield* years.add({ agencyId, year: JSON.parse(file), reason: null, actor: "account:…" });
 * years.regimeOf(agencyId).calendar.lastYear; // the added year, from the next request on
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { decodeHolidayYear, type HolidayYear, type Regime, type RegimeRegistry } from "@liuhen/domain";
import { Context, Effect, Either, Layer, ParseResult, Schema } from "effect";
import { InvalidEvent } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import type { AgencyCalendars } from "./agency-calendars.js";
import { HolidayYearKnown } from "./errors.js";
import {
  AdditionReason,
  type HolidayYearReplacement,
  holidayCalendarChange,
  holidayCalendarStreamId,
} from "./holiday-year-events.js";
import {
  type AddedHolidayYear,
  HOLIDAY_YEARS_PROJECTION,
  listAddedHolidayYears,
  loadAgencyCalendars,
} from "./holiday-year-projection.js";

export const AddHolidayYear = Schema.Struct({
  agencyId: AgencyId,
  /** The year as JSON gives it; decoded here with `HolidayYear`. */
  year: Schema.Unknown,
  /** Why the year is added; required to replace a year the calendar has. */
  reason: Schema.NullOr(AdditionReason),
  actor: Actor,
});
export type AddHolidayYear = typeof AddHolidayYear.Encoded;

const decodeAdd = decodeRequest(AddHolidayYear);

/** A year of the calendar, where it came from, and for an added one, its latest addition. */
export interface KnownHolidayYear {
  readonly year: HolidayYear;
  readonly source: "built-in" | "added";
  readonly added: AddedHolidayYear | null;
}

/** The first problem of the year's file, as an InvalidEvent naming its field under `year`. */
const invalidYear = (error: ParseResult.ParseError): InvalidEvent => {
  const [issue] = ParseResult.ArrayFormatter.formatErrorSync(error);
  const path = ["year", ...(issue?.path ?? [])];
  return new InvalidEvent({
    field: path
      .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${String(key)}`))
      .join(""),
    message: issue?.message ?? ParseResult.TreeFormatter.formatErrorSync(error),
  });
};

export interface HolidayYearsService {
  /** Adds (or, with a reason, replaces) a year of the agency's calendar; the year as the calendar now has it. */
  readonly add: (
    request: AddHolidayYear,
  ) => Effect.Effect<KnownHolidayYear, InvalidEvent | HolidayYearKnown | AppendFailure | ProjectionError>;
  /** Every year of the agency's calendar, in order, built in and added. */
  readonly list: (
    agencyId: string,
  ) => Effect.Effect<ReadonlyArray<KnownHolidayYear>, ProjectionOutOfStep | SqlError>;
  /** The regimes the agency's periods are counted under, its added years included. */
  readonly registryOf: (agencyId: string) => RegimeRegistry;
  readonly regimeOf: (agencyId: string) => Regime;
  /** Reads the added years again: what another server process sharing the database added meanwhile. */
  readonly refresh: Effect.Effect<void, ProjectionOutOfStep | SqlError>;
}

export const makeHolidayYears = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
  calendars: AgencyCalendars,
): HolidayYearsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const list: HolidayYearsService["list"] = (agencyId) =>
    Effect.gen(function* () {
      // Read again: another server process on the database may have added a year.
      yield* withSql(loadAgencyCalendars(calendars, agencyId));
      const calendar = calendars.regimeOf(agencyId).calendar;
      const rows = yield* withSql(listAddedHolidayYears(agencyId, calendar.id));
      const latest = new Map(rows.map((row) => [row.arrangement.year, row]));
      const added = calendars.addedYears(agencyId, calendar.id);
      return calendar.years.map((year) => ({
        year,
        source: added.has(year.year) ? ("added" as const) : ("built-in" as const),
        added: added.has(year.year) ? (latest.get(year.year) ?? null) : null,
      }));
    });

  const add: HolidayYearsService["add"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, reason, actor, year: given } = yield* decodeAdd(request);
      const year = yield* Either.mapLeft(decodeHolidayYear(given), invalidYear);
      // What another server process added meanwhile counts too: a year is never replaced unawares.
      yield* withSql(loadAgencyCalendars(calendars, agencyId));
      const calendar = calendars.regimeOf(agencyId).calendar;
      const known = calendar.holidayYear(year.year);
      const source = calendars.addedYears(agencyId, calendar.id).has(year.year) ? "added" : "built-in";
      if (known !== undefined && reason === null) {
        return yield* new HolidayYearKnown({
          year: year.year,
          calendar: calendar.id,
          source,
          documentNumbers: known.documentNumbers,
        });
      }
      const streamId = holidayCalendarStreamId(calendar.id);
      const before = yield* withSql(listAddedHolidayYears(agencyId, calendar.id));
      const replaces: HolidayYearReplacement | null =
        known === undefined
          ? null
          : {
              documentNumbers: [
                known.notice.documentNumber,
                ...known.amendments.map((n) => n.documentNumber),
              ],
              source,
            };
      yield* log
        .append(
          {
            agencyId,
            streamId,
            expectedVersion: before.length,
            events: [
              holidayCalendarChange(
                {
                  _tag: "HolidayYearAdded",
                  calendarId: calendar.id,
                  addition: before.length + 1,
                  year,
                  replaces,
                  reason,
                },
                actor,
              ),
            ],
          },
          projections.project,
        )
        .pipe(
          // The projection records the year in memory before the commit: a failed commit reads them again.
          Effect.tapError(() => Effect.ignore(withSql(loadAgencyCalendars(calendars, agencyId)))),
        );
      const listed = yield* list(agencyId);
      const now = listed.find((y) => y.year.year === year.year && y.added?.addition === before.length + 1);
      if (now === undefined) {
        return yield* new ProjectionOutOfStep({
          projection: HOLIDAY_YEARS_PROJECTION,
          agencyId,
          streamId,
          detail:
            "the year is not in the calendar after its addition: is the holiday-years projection registered?",
        });
      }
      return now;
    });

  return {
    add,
    list,
    registryOf: (agencyId) => calendars.registryOf(agencyId),
    regimeOf: calendars.regimeOf,
    refresh: withSql(loadAgencyCalendars(calendars)),
  };
};

export class HolidayYears extends Context.Tag("@liuhen/store/HolidayYears")<
  HolidayYears,
  HolidayYearsService
>() {
  /** Over `calendars`, which the proceeding projections count with; the added years are read at start. */
  static readonly layer = (
    calendars: AgencyCalendars,
  ): Layer.Layer<HolidayYears, never, EventLog | Projections | SqlClient.SqlClient> =>
    Layer.effect(
      HolidayYears,
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        // A table that cannot be read at start is a store to repair (rebuild), not a request to refuse.
        yield* Effect.orDie(loadAgencyCalendars(calendars));
        return makeHolidayYears(sql, yield* EventLog, yield* Projections, calendars);
      }),
    );
}
