/**
 * The due date of a period the regulation sets, read as the regime configures it (REGIMES.md, Periods):
 *
 * - WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理。 Default: 2 working days after acceptance.
 * - WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定。
 *   Default: 1 calendar month after the order, rolled forward off a rest day.
 *
 * The civil-law conventions these readings follow (民法典):
 * - 第二百零一条 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。
 * - 第二百零二条 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。
 * - 第二百零三条 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
 *
 * The result explains itself in steps; every day looked at must lie in the calendar's years, else
 * `CalendarOutOfRange`.
 */
import { Either } from "effect";
import type { CalendarDay } from "../calendar/calendar-day.js";
import type { CalendarOutOfRange } from "../calendar/calendar-out-of-range.js";
import type { HolidayCalendar } from "../calendar/holiday-calendar.js";
import { addDays, addMonths, type IsoDate, isoDateParts, yearOf } from "../calendar/iso-date.js";
import type { CitationId } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";
import { PeriodResult } from "./period-result.js";
import type { CalendarDays, CalendarMonths, PeriodRule, WorkingDays } from "./period-rule.js";
import { addWorkingDays, nextWorkingDayOnOrAfter } from "./working-days.js";

// Plain loops over the days, as in `calendarStep` below.
const datesOf = (days: ReadonlyArray<CalendarDay>, tag: CalendarDay["_tag"]): Array<string> => {
  const dates: Array<string> = [];
  for (const d of days) if (d._tag === tag) dates.push(d.date);
  return dates;
};

/** The holidays the days belong to, each once, in the order first met; only the days of `tag` when given. */
const holidaysOf = (days: ReadonlyArray<CalendarDay>, tag?: CalendarDay["_tag"]): Array<string> => {
  const holidays: Array<string> = [];
  for (const d of days)
    if ((tag === undefined || d._tag === tag) && "holiday" in d && !holidays.includes(d.holiday))
      holidays.push(d.holiday);
  return holidays;
};

/** The rest days passed over, split into statutory rest days (with their holidays) and plain weekends. */
const skippedInputs = (skipped: ReadonlyArray<CalendarDay>) => ({
  statutoryRestDays: datesOf(skipped, "StatutoryRestDay"),
  holidays: holidaysOf(skipped, "StatutoryRestDay"),
  weekendDays: datesOf(skipped, "Weekend"),
});

/** Which notices the computation rests on: those of every year from the start to the last day looked at. */
const calendarStep = (
  citation: CitationId,
  calendar: HolidayCalendar,
  from: IsoDate,
  to: IsoDate,
): BasisStep => {
  // Plain loops: this runs for every period computed, and the array helpers showed in profiles.
  const years: Array<string> = [];
  const notices: Array<string> = [];
  for (let year = yearOf(from), last = yearOf(to); year <= last; year++) {
    const y = calendar.holidayYear(year);
    if (y === undefined) continue;
    years.push(String(y.year));
    notices.push(...y.documentNumbers);
  }
  return step(citation, "period.holiday-calendar", true, { calendar: calendar.id, years, notices });
};

/** A due date with the steps that explain it, as plain data: the fields of a `PeriodResult`. */
export type DuePeriod = ConstructorParameters<typeof PeriodResult>[0];

const startStep = (citation: CitationId, start: IsoDate): BasisStep =>
  step(citation, "period.start-day-excluded", true, { start });

const workingDaysDue = (
  rule: WorkingDays,
  start: IsoDate,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<DuePeriod, CalendarOutOfRange> =>
  Either.map(addWorkingDays(start, rule.count, calendar), ({ due, counted, skipped }) => {
    const adjusted = datesOf(counted, "AdjustedWorkingDay");
    return {
      start,
      due,
      unit: "working-days",
      steps: [
        startStep(citation, start),
        step(citation, "period.working-days", true, {
          count: rule.count,
          start,
          due,
          counted: counted.map((d) => d.date),
        }),
        step(citation, "period.rest-days-skipped", skipped.length > 0, skippedInputs(skipped)),
        step(citation, "period.adjusted-working-days", adjusted.length > 0, {
          dates: adjusted,
          holidays: holidaysOf(counted, "AdjustedWorkingDay"),
        }),
        calendarStep(citation, calendar, start, due),
      ],
    };
  });

/**
 * The end of a calendar period, moved to the next working day when the rule rolls forward. The calendar is
 * consulted for the end day even without rolling forward, so a due date always lies in the calendar's years.
 */
const rollForward = (
  end: IsoDate,
  rule: CalendarDays | CalendarMonths,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<{ due: IsoDate; step: BasisStep }, CalendarOutOfRange> => {
  if (!rule.rollForward)
    return Either.map(calendar.isWorkingDay(end), (working) => ({
      due: end,
      step: step(citation, "period.roll-forward", false, {
        rollForward: false,
        end,
        endIsWorkingDay: working,
      }),
    }));
  return Either.map(nextWorkingDayOnOrAfter(end, calendar), ({ day, skipped }) => ({
    due: day,
    step: step(citation, "period.roll-forward", skipped.length > 0, {
      rollForward: true,
      end,
      due: day,
      ...skippedInputs(skipped),
    }),
  }));
};

const calendarDaysDue = (
  rule: CalendarDays,
  start: IsoDate,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<DuePeriod, CalendarOutOfRange> => {
  if (!calendar.covers(start)) return Either.left(calendar.outOfRange(start));
  const end = addDays(start, rule.count);
  return Either.map(rollForward(end, rule, calendar, citation), ({ due, step: rolled }) => ({
    start,
    due,
    unit: "calendar-days",
    steps: [
      startStep(citation, start),
      step(citation, "period.calendar-days", true, { count: rule.count, start, end }),
      rolled,
      calendarStep(citation, calendar, start, due),
    ],
  }));
};

const calendarMonthsDue = (
  rule: CalendarMonths,
  start: IsoDate,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<DuePeriod, CalendarOutOfRange> => {
  if (!calendar.covers(start)) return Either.left(calendar.outOfRange(start));
  const end = addMonths(start, rule.count);
  const clamped = isoDateParts(end).day !== isoDateParts(start).day;
  return Either.map(rollForward(end, rule, calendar, citation), ({ due, step: rolled }) => ({
    start,
    due,
    unit: "calendar-month",
    steps: [
      step(citation, "period.calendar-month", true, { count: rule.count, start, end }),
      // 民法典 第二百零二条: no corresponding day in the target month (31 January + 1 month) means its last day.
      step(citation, "period.month-end", clamped, { dayOfMonth: isoDateParts(start).day, end }),
      rolled,
      calendarStep(citation, calendar, start, due),
    ],
  }));
};

/** The due date of `rule` counted from `start` on `calendar`, explained by steps citing `citation`, as plain data. */
// A switch rather than `Match.valueTags`, which builds its matcher on every call: every period `assess` computes
// comes through here. Still exhaustive: a new kind of rule leaves a path without a return, which fails to compile.
export const duePeriod = (
  rule: PeriodRule,
  start: IsoDate,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<DuePeriod, CalendarOutOfRange> => {
  switch (rule._tag) {
    case "WorkingDays":
      return workingDaysDue(rule, start, calendar, citation);
    case "CalendarDays":
      return calendarDaysDue(rule, start, calendar, citation);
    case "CalendarMonths":
      return calendarMonthsDue(rule, start, calendar, citation);
  }
};

/**
 * `duePeriod` as a `PeriodResult`, the Schema class callers encode and keep. Built from a start already decoded
 * and days the calendar gave, it cannot fail its Schema, so it is constructed unchecked.
 */
export const dueDate = (
  rule: PeriodRule,
  start: IsoDate,
  calendar: HolidayCalendar,
  citation: CitationId,
): Either.Either<PeriodResult, CalendarOutOfRange> =>
  Either.map(duePeriod(rule, start, calendar, citation), (fields) => new PeriodResult(fields, true));
