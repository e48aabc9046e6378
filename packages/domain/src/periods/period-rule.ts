/**
 * How a regime reads a period of the regulation (REGIMES.md, Periods). The reading is configuration: the
 * default reads WC.10.1's "2日" as working days and WC.10.3's "1个月" as a calendar month rolled forward off a
 * rest day; another agency may read them as calendar days.
 */
import { Schema } from "effect";

const Count = Schema.Int.pipe(
  Schema.between(1, 9999, { message: () => "a period counts a whole number of units from 1 to 9999" }),
);

/**
 * Working days after the start: the start day is not counted, statutory rest days and weekends are skipped,
 * and weekend days worked instead (调休上班) count. The convention of 行政处罚法 (2021) 第八十五条:
 * 本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。
 */
export const WorkingDays = Schema.TaggedStruct("WorkingDays", { count: Count });
export type WorkingDays = typeof WorkingDays.Type;

/** Calendar days after the start, the start day not counted; with `rollForward` a rest day moves to the next working day. */
export const CalendarDays = Schema.TaggedStruct("CalendarDays", {
  count: Count,
  rollForward: Schema.Boolean,
});
export type CalendarDays = typeof CalendarDays.Type;

/**
 * Calendar months from the start, to the same day of the month, or the month's last day where it has no such
 * day; with `rollForward` a rest day moves to the next working day.
 */
export const CalendarMonths = Schema.TaggedStruct("CalendarMonths", {
  count: Count,
  rollForward: Schema.Boolean,
});
export type CalendarMonths = typeof CalendarMonths.Type;

export const PeriodRule = Schema.Union(WorkingDays, CalendarDays, CalendarMonths);
export type PeriodRule = typeof PeriodRule.Type;

export const PeriodUnit = Schema.Literal("working-days", "calendar-days", "calendar-month");
export type PeriodUnit = typeof PeriodUnit.Type;

const UNITS: { readonly [K in PeriodRule["_tag"]]: PeriodUnit } = {
  WorkingDays: "working-days",
  CalendarDays: "calendar-days",
  CalendarMonths: "calendar-month",
};

export const unitOf = (rule: PeriodRule): PeriodUnit => UNITS[rule._tag];
