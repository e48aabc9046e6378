/**
 * Where today stands against a due date, in working days, for a deadline scheduler: "one working day left"
 * is `NotYetDue` with `workingDaysLeft` 1; the due day itself is `DueToday`; after it, `Overdue`.
 */
import { Either, Schema } from "effect";
import type { CalendarOutOfRange } from "../calendar/calendar-out-of-range.js";
import type { HolidayCalendar } from "../calendar/holiday-calendar.js";
import { compareIsoDates, daysBetween, IsoDate } from "../calendar/iso-date.js";
import { workingDaysBetween } from "./working-days.js";

const Days = Schema.Int.pipe(Schema.nonNegative());

export const NotYetDue = Schema.TaggedStruct("NotYetDue", {
  due: IsoDate,
  today: IsoDate,
  /** Working days after today up to and including the due day. */
  workingDaysLeft: Days,
  calendarDaysLeft: Days,
});
export const DueToday = Schema.TaggedStruct("DueToday", { due: IsoDate, today: IsoDate });
export const Overdue = Schema.TaggedStruct("Overdue", {
  due: IsoDate,
  today: IsoDate,
  /** Working days after the due day up to and including today. */
  workingDaysOverdue: Days,
  calendarDaysOverdue: Days,
});

export const DeadlineStatus = Schema.Union(NotYetDue, DueToday, Overdue);
export type DeadlineStatus = typeof DeadlineStatus.Type;

export const deadlineStatus = (
  due: IsoDate,
  today: IsoDate,
  calendar: HolidayCalendar,
): Either.Either<DeadlineStatus, CalendarOutOfRange> => {
  const order = compareIsoDates(today, due);
  if (order === 0) return Either.map(calendar.day(today), () => DueToday.make({ due, today }));
  if (order < 0)
    return Either.map(workingDaysBetween(today, due, calendar), (workingDaysLeft) =>
      NotYetDue.make({ due, today, workingDaysLeft, calendarDaysLeft: daysBetween(today, due) }),
    );
  return Either.map(workingDaysBetween(due, today, calendar), (workingDaysOverdue) =>
    Overdue.make({ due, today, workingDaysOverdue, calendarDaysOverdue: daysBetween(due, today) }),
  );
};
