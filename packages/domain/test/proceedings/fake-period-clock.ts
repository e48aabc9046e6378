/**
 * A period clock for tests: WC.10.1 as 2 calendar days, WC.10.3 as one calendar month (clamped to the month's
 * last day). It knows the years 2020–2029 only; outside them it fails with its own error, which the machines
 * must pass through untouched.
 */
import { Either } from "effect";
import type { PeriodClock, ProceedingPeriod } from "../../src/proceedings/index.js";

export interface FakeCalendarOutOfRange {
  readonly _tag: "FakeCalendarOutOfRange";
  readonly date: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (s: string) => ({
  y: Number(s.slice(0, 4)),
  m: Number(s.slice(5, 7)),
  d: Number(s.slice(8, 10)),
});
const fromUtc = (t: Date) =>
  `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;

export const addDays = (date: string, days: number): string => {
  const { y, m, d } = ymd(date);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + days)));
};

export const addMonth = (date: string): string => {
  const { y, m, d } = ymd(date);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m, Math.min(d, last))));
};

export const fakeClock: PeriodClock<FakeCalendarOutOfRange> = {
  due: (period: ProceedingPeriod, start: string) => {
    const year = Number(start.slice(0, 4));
    if (year < 2020 || year > 2029) return Either.left({ _tag: "FakeCalendarOutOfRange", date: start });
    return Either.right(period === "WC.10.1" ? addDays(start, 2) : addMonth(start));
  },
};
