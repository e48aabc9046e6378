/**
 * The working-day calendar periods are counted on: the years whose holiday arrangement is known, each from
 * its notice. A day in a year the calendar does not hold is `CalendarOutOfRange`, never a guess from weekdays
 * (holiday packages that guess treat next year's Spring Festival as ordinary working days).
 */
import { Either, Schema } from "effect";
import { AdjustedWorkingDay, type CalendarDay, isWorking, StatutoryRestDay } from "./calendar-day.js";
import { CalendarOutOfRange } from "./calendar-out-of-range.js";
import { HolidayYear } from "./holiday-year.js";
import { type IsoDate, isWeekend, yearOf } from "./iso-date.js";

const yearsInOrder = (years: ReadonlyArray<HolidayYear>): Array<Schema.FilterIssue> =>
  years.flatMap((y, i) => {
    const previous = years[i - 1];
    return previous !== undefined && y.year <= previous.year
      ? [
          {
            path: ["years", i, "year"],
            message: `${y.year} follows ${previous.year}: list each year once, in order`,
          },
        ]
      : [];
  });

interface CalendarIndex {
  readonly years: ReadonlyMap<number, HolidayYear>;
  readonly special: ReadonlyMap<string, CalendarDay>;
}

// Built once per calendar and kept beside it, not in it, so equality and encoding see only the data.
const indexes = new WeakMap<HolidayCalendar, CalendarIndex>();

const buildIndex = (calendar: HolidayCalendar): CalendarIndex => {
  const special = new Map<string, CalendarDay>();
  for (const year of calendar.years) {
    for (const holiday of year.holidays) {
      for (const date of holiday.restDays)
        special.set(date, StatutoryRestDay.make({ date, holiday: holiday.name }));
      for (const date of holiday.adjustedWorkingDays)
        special.set(date, AdjustedWorkingDay.make({ date, holiday: holiday.name }));
    }
  }
  return { years: new Map(calendar.years.map((y) => [y.year, y])), special };
};

const indexOf = (calendar: HolidayCalendar): CalendarIndex => {
  const cached = indexes.get(calendar);
  if (cached !== undefined) return cached;
  const built = buildIndex(calendar);
  indexes.set(calendar, built);
  return built;
};

export class HolidayCalendar extends Schema.Class<HolidayCalendar>("HolidayCalendar")(
  Schema.Struct({
    /** Stable id, e.g. `china-mainland`. */
    id: Schema.NonEmptyTrimmedString,
    name: Schema.NonEmptyTrimmedString,
    /** One arrangement per year, in ascending order. */
    years: Schema.NonEmptyArray(HolidayYear),
  }).pipe(Schema.filter((c) => yearsInOrder(c.years))),
) {
  get firstYear(): number {
    return this.years[0].year;
  }

  get lastYear(): number {
    return this.years[this.years.length - 1]?.year ?? this.firstYear;
  }

  get knownYears(): ReadonlyArray<number> {
    return this.years.map((y) => y.year);
  }

  /** The arrangement for a year, if the calendar holds it. */
  holidayYear(year: number): HolidayYear | undefined {
    return indexOf(this).years.get(year);
  }

  covers(date: IsoDate): boolean {
    return indexOf(this).years.has(yearOf(date));
  }

  outOfRange(date: IsoDate): CalendarOutOfRange {
    return new CalendarOutOfRange({ date, calendar: this.id, knownYears: this.knownYears }, true);
  }

  /** What the day is: a statutory rest day or an adjusted working day from the notice, else by weekday. */
  day(date: IsoDate): Either.Either<CalendarDay, CalendarOutOfRange> {
    if (!this.covers(date)) return Either.left(this.outOfRange(date));
    const special = indexOf(this).special.get(date);
    if (special !== undefined) return Either.right(special);
    // `date` is an IsoDate already, so the day is written as the plain value its Schema's `make` would give,
    // without checking it again or merging defaults: this is the hot path of every period.
    const day: CalendarDay = isWeekend(date)
      ? { _tag: "Weekend", date }
      : { _tag: "OrdinaryWorkingDay", date };
    return Either.right(day);
  }

  isWorkingDay(date: IsoDate): Either.Either<boolean, CalendarOutOfRange> {
    return Either.map(this.day(date), isWorking);
  }

  /** A new calendar holding `year`, replacing the arrangement the calendar had for that year, if any. */
  withYear(year: HolidayYear): HolidayCalendar {
    const years: [HolidayYear, ...Array<HolidayYear>] = [
      year,
      ...this.years.filter((y) => y.year !== year.year),
    ];
    years.sort((a, b) => a.year - b.year);
    return new HolidayCalendar({ id: this.id, name: this.name, years });
  }
}
