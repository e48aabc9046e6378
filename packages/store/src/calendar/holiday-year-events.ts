/**
 * A holiday year an operator added to the calendar its agency's periods are counted on (ARCHITECTURE.md,
 * Periods: calendar data is data, updatable without a release), as an event in the agency's log, so the due
 * dates the log records can be checked against the arrangement they were counted on. A year replaced later
 * keeps its event: the replacement is a new event naming what it replaced and why.
 *
 * WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理。
 * WC.10.3 区局党委……可以在1个月内责令重新组织调查并作出处理决定。
 *
 * Stream: `holiday-calendar/<calendar id>`, e.g. `holiday-calendar/china-mainland`.
 */
import { citation, HolidayYear } from "@liuhen/domain";
import { Schema } from "effect";
import { eventFamily } from "../event-log/event-family.js";

const STREAM_PREFIX = "holiday-calendar/";

/** The operator's words on an addition; required to replace a year the calendar already knew. */
export const AdditionReason = Schema.NonEmptyTrimmedString.pipe(
  Schema.maxLength(2000, { message: () => "at most 2,000 characters" }),
);

/** What an added year took the place of: the arrangement's notices, and where it came from. */
export const HolidayYearReplacement = Schema.Struct({
  /** The document numbers of the arrangement replaced, its notice first. */
  documentNumbers: Schema.NonEmptyArray(Schema.String),
  /** Whether it was one of the years released with Liuhen, or one added before. */
  source: Schema.Literal("built-in", "added"),
});
export type HolidayYearReplacement = typeof HolidayYearReplacement.Type;

export const HolidayYearAdded = Schema.TaggedStruct("HolidayYearAdded", {
  calendarId: Schema.NonEmptyTrimmedString,
  /** Which addition to this calendar it is, from 1: the stream version. */
  addition: Schema.Int.pipe(Schema.positive()),
  /** The year as the notice arranges it, checked by the domain's own Schema. */
  year: HolidayYear,
  /** Null for a year the calendar did not know. */
  replaces: Schema.NullOr(HolidayYearReplacement),
  reason: Schema.NullOr(AdditionReason),
}).pipe(
  Schema.filter((e) =>
    e.replaces === null || e.reason !== null
      ? true
      : { path: ["reason"], message: "a year the calendar knew is replaced only with a reason" },
  ),
);
export type HolidayYearAdded = typeof HolidayYearAdded.Type;

export const HolidayCalendarEvent = HolidayYearAdded;
export type HolidayCalendarEvent = typeof HolidayCalendarEvent.Type;

export const HOLIDAY_CALENDAR_EVENT_PREFIX = "HolidayCalendar.";

const holidayCalendarEvents = eventFamily({
  what: "holiday calendar change",
  payload: HolidayCalendarEvent,
  prefix: HOLIDAY_CALENDAR_EVENT_PREFIX,
  names: { HolidayYearAdded: "HolidayCalendar.YearAdded" },
  // The calendar is what the regulation's periods are counted on.
  citations: [citation("WC.10.1"), citation("WC.10.3")],
});

export const holidayYearAddedType = holidayCalendarEvents.types.HolidayYearAdded;

export const {
  change: holidayCalendarChange,
  is: isHolidayCalendarEvent,
  decode: decodeHolidayCalendarEvent,
} = holidayCalendarEvents;

export const holidayCalendarStreamId = (calendarId: string): string => `${STREAM_PREFIX}${calendarId}`;
