/**
 * A calendar date written `YYYY-MM-DD`, as the State Council's notices and the regulation count days: a day
 * in China, with no time and no zone. Arithmetic works on the string's own year, month and day through a
 * day number (days since 1970-01-01 in the proleptic Gregorian calendar), never through a `Date` in the
 * process's time zone, so a server in UTC and a browser in Beijing compute the same due date.
 */
import { Order, Schema } from "effect";

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? Number.NaN);

// Dates are read digit by digit rather than by a regular expression and `Number` of slices: every date of every
// request and every day a period counts goes through here, and the match arrays and substrings showed in profiles.
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const isDigitAt = (s: string, i: number): boolean => {
  const d = digit(s, i);
  return d >= 0 && d <= 9;
};
const twoDigits = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);
const fourDigits = (s: string, i: number): number => twoDigits(s, i) * 100 + twoDigits(s, i + 2);

/** `YYYY-MM-DD`, as `ISO_DATE_PATTERN` says. */
const isIsoDateShape = (s: string): boolean =>
  s.length === 10 &&
  s.charCodeAt(4) === 45 &&
  s.charCodeAt(7) === 45 &&
  isDigitAt(s, 0) &&
  isDigitAt(s, 1) &&
  isDigitAt(s, 2) &&
  isDigitAt(s, 3) &&
  isDigitAt(s, 5) &&
  isDigitAt(s, 6) &&
  isDigitAt(s, 8) &&
  isDigitAt(s, 9);

const isRealDate = (s: string): boolean => {
  if (!isIsoDateShape(s)) return false;
  const year = fourDigits(s, 0);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const IsoDate = Schema.String.pipe(
  Schema.pattern(ISO_DATE_PATTERN, { message: () => "a date is written YYYY-MM-DD, e.g. 2024-09-27" }),
  Schema.filter((s) => isRealDate(s) || `${s} is not a day of the calendar`),
  Schema.brand("IsoDate"),
  Schema.annotations({ identifier: "IsoDate", description: "a calendar day in China, YYYY-MM-DD" }),
);
export type IsoDate = typeof IsoDate.Type;

export interface IsoDateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** The year, month and day written in the string (an `IsoDate` is always well-formed). */
// Digit by digit where the string has the shape an `IsoDate` has; a string cast to one without it reads as before.
export const isoDateParts = (date: IsoDate): IsoDateParts =>
  isIsoDateShape(date)
    ? { year: fourDigits(date, 0), month: twoDigits(date, 5), day: twoDigits(date, 8) }
    : { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };

export const yearOf = (date: IsoDate): number =>
  isIsoDateShape(date) ? fourDigits(date, 0) : Number(date.slice(0, 4));

// Day numbers after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms": integer arithmetic on the
// civil calendar, with the year starting in March so that the leap day is the year's last.
const dayNumberOf = ({ year, month, day }: IsoDateParts): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

const partsOfDayNumber = (dayNumber: number): IsoDateParts => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Written from parts known to be a real day (computed here, never from input). */
const fromParts = ({ year, month, day }: IsoDateParts): IsoDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;

/** Days since 1970-01-01 (negative before it). */
export const dayNumber = (date: IsoDate): number => dayNumberOf(isoDateParts(date));

export const fromDayNumber = (n: number): IsoDate => fromParts(partsOfDayNumber(n));

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/**
 * `months` calendar months after `date`, on the same day of the month; where the target month has no such
 * day (31 January + 1 month), its last day.
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const { year, month, day } = isoDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
};

/** Days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO weekday: 1 Monday … 6 Saturday, 7 Sunday. Day 0 (1970-01-01) was a Thursday. */
export const weekday = (date: IsoDate): IsoWeekday =>
  (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;

export const isWeekend = (date: IsoDate): boolean => weekday(date) >= 6;

// `YYYY-MM-DD` strings of four-digit years sort as the days they name.
export const IsoDateOrder: Order.Order<IsoDate> = Order.string;

export const compareIsoDates = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => IsoDateOrder(a, b);

/** Every day from `first` to `last`, both included; empty when `last` is before `first`. */
export const dateRange = (first: IsoDate, last: IsoDate): ReadonlyArray<IsoDate> => {
  const from = dayNumber(first);
  return Array.from({ length: Math.max(0, dayNumber(last) - from + 1) }, (_, i) => fromDayNumber(from + i));
};

// Mainland China has kept UTC+8 all year, without daylight saving, since 1992.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The day in Beijing time at an instant (milliseconds since the epoch), whatever the process's zone. */
export const isoDateInShanghai = (epochMillis: number): IsoDate =>
  fromDayNumber(Math.floor((epochMillis + SHANGHAI_OFFSET_MS) / DAY_MS));
