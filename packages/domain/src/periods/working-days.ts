/**
 * Counting working days on a holiday calendar: statutory rest days and weekends are skipped, weekend days
 * worked instead (调休上班) count. Every day looked at must lie in the calendar's years.
 */
import { Either } from "effect";
import type { CalendarDay } from "../calendar/calendar-day.js";
import { isWorking } from "../calendar/calendar-day.js";
import type { CalendarOutOfRange } from "../calendar/calendar-out-of-range.js";
import type { HolidayCalendar } from "../calendar/holiday-calendar.js";
import { addDays, compareIsoDates, type IsoDate } from "../calendar/iso-date.js";

export interface WorkingDayCount {
  /** The day the count reached its end. */
  readonly due: IsoDate;
  /** The working days counted, in order (the last is `due`). */
  readonly counted: ReadonlyArray<CalendarDay>;
  /** The rest days passed over, in order. */
  readonly skipped: ReadonlyArray<CalendarDay>;
}

/** The day `count` working days after `start`; the start day itself is not counted. */
export const addWorkingDays = (
  start: IsoDate,
  count: number,
  calendar: HolidayCalendar,
): Either.Either<WorkingDayCount, CalendarOutOfRange> => {
  if (!calendar.covers(start)) return Either.left(calendar.outOfRange(start));
  const counted: Array<CalendarDay> = [];
  const skipped: Array<CalendarDay> = [];
  let date = start;
  while (counted.length < count) {
    date = addDays(date, 1);
    const day = calendar.day(date);
    if (Either.isLeft(day)) return Either.left(day.left);
    (isWorking(day.right) ? counted : skipped).push(day.right);
  }
  return Either.right({ due: date, counted, skipped });
};

export interface RollForward {
  /** The first working day on or after the date asked about. */
  readonly day: IsoDate;
  /** The rest days passed over to reach it, in order; empty when the date was a working day. */
  readonly skipped: ReadonlyArray<CalendarDay>;
}

/** The date itself if it is a working day, else the first working day after it. */
export const nextWorkingDayOnOrAfter = (
  date: IsoDate,
  calendar: HolidayCalendar,
): Either.Either<RollForward, CalendarOutOfRange> => {
  const skipped: Array<CalendarDay> = [];
  let current = date;
  for (;;) {
    const day = calendar.day(current);
    if (Either.isLeft(day)) return Either.left(day.left);
    if (isWorking(day.right)) return Either.right({ day: current, skipped });
    skipped.push(day.right);
    current = addDays(current, 1);
  }
};

/**
 * The working days after `from` up to and including `to`; 0 when `to` is not after `from`. Both ends and
 * every day between must lie in the calendar's years.
 */
export const workingDaysBetween = (
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar,
): Either.Either<number, CalendarOutOfRange> => {
  if (!calendar.covers(from)) return Either.left(calendar.outOfRange(from));
  let n = 0;
  for (let date = addDays(from, 1); compareIsoDates(date, to) <= 0; date = addDays(date, 1)) {
    const working = calendar.isWorkingDay(date);
    if (Either.isLeft(working)) return Either.left(working.left);
    if (working.right) n += 1;
  }
  return Either.right(n);
};
