import { Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareIsoDates,
  dateRange,
  dayNumber,
  daysBetween,
  fromDayNumber,
  IsoDate,
  isoDateInShanghai,
  weekday,
} from "../../src/calendar/iso-date.js";

const d = (s: string) => IsoDate.make(s);
const decode = Schema.decodeUnknownEither(IsoDate);

// Days from 1900-01-01 to 2100-12-31, as day numbers, for properties.
const dayNumbers = fc.integer({ min: dayNumber(d("1900-01-01")), max: dayNumber(d("2100-12-31")) });

describe("IsoDate", () => {
  it("accepts a real day written YYYY-MM-DD, including 29 February of a leap year", () => {
    expect(Either.isRight(decode("2024-02-29"))).toBe(true);
    expect(Either.isRight(decode("2000-02-29"))).toBe(true);
  });

  it("rejects 2023-02-29, 1900-02-29 and other days the calendar does not have", () => {
    for (const s of [
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "0000-01-01",
    ])
      expect(Either.isLeft(decode(s)), s).toBe(true);
  });

  it("rejects other spellings of a day", () => {
    for (const s of ["2024-9-27", "2024/09/27", "20240927", "2024-09-27T00:00:00Z", " 2024-09-27", 20240927])
      expect(Either.isLeft(decode(s)), String(s)).toBe(true);
  });
});

describe("date arithmetic on the string", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29");
    expect(addDays(d("2023-02-28"), 1)).toBe("2023-03-01");
    expect(addDays(d("2024-12-31"), 1)).toBe("2025-01-01");
    expect(addDays(d("2025-01-01"), -1)).toBe("2024-12-31");
    expect(addDays(d("2024-01-01"), 366)).toBe("2025-01-01");
  });

  it("adds months, clamping to the month's last day where it has no such day", () => {
    expect(addMonths(d("2024-01-31"), 1)).toBe("2024-02-29");
    expect(addMonths(d("2023-01-31"), 1)).toBe("2023-02-28");
    expect(addMonths(d("2024-03-31"), 1)).toBe("2024-04-30");
    expect(addMonths(d("2024-03-31"), -1)).toBe("2024-02-29");
    expect(addMonths(d("2024-02-29"), 12)).toBe("2025-02-28");
    expect(addMonths(d("2024-11-15"), 2)).toBe("2025-01-15");
    expect(addMonths(d("2024-09-27"), 1)).toBe("2024-10-27");
  });

  it("knows the weekday: 1 Monday to 7 Sunday", () => {
    expect(weekday(d("1970-01-01"))).toBe(4);
    expect(weekday(d("1969-12-31"))).toBe(3);
    expect(weekday(d("2024-09-27"))).toBe(5);
    expect(weekday(d("2024-09-29"))).toBe(7);
    expect(weekday(d("2024-10-12"))).toBe(6);
    expect(weekday(d("2024-02-29"))).toBe(4);
  });

  it("compares and counts days between", () => {
    expect(compareIsoDates(d("2024-09-27"), d("2024-09-30"))).toBe(-1);
    expect(compareIsoDates(d("2024-09-30"), d("2024-09-30"))).toBe(0);
    expect(compareIsoDates(d("2025-01-01"), d("2024-12-31"))).toBe(1);
    expect(daysBetween(d("2024-02-01"), d("2024-03-01"))).toBe(29);
    expect(daysBetween(d("2023-02-01"), d("2023-03-01"))).toBe(28);
  });

  it("lists the days of a range, both ends included", () => {
    expect(dateRange(d("2024-02-27"), d("2024-03-01"))).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect(dateRange(d("2024-03-01"), d("2024-02-27"))).toEqual([]);
  });

  it("agrees with the UTC calendar of the platform on every day of 1900–2100 (property)", () => {
    fc.assert(
      fc.property(dayNumbers, (n) => {
        const utc = new Date(n * 86_400_000);
        const date = fromDayNumber(n);
        expect(date).toBe(utc.toISOString().slice(0, 10));
        expect(dayNumber(date)).toBe(n);
        expect(weekday(date) % 7).toBe(utc.getUTCDay());
        expect(Either.isRight(decode(date))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("adds a month to the corresponding day or the month's last day, never beyond (property)", () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -24, max: 24 }), (n, months) => {
        const start = fromDayNumber(n);
        const end = addMonths(start, months);
        const [sy, sm, sd] = start.split("-").map(Number) as [number, number, number];
        const [ey, em, ed] = end.split("-").map(Number) as [number, number, number];
        expect(ey * 12 + em - (sy * 12 + sm)).toBe(months);
        expect(ed === sd || (ed < sd && addDays(end, 1).endsWith("-01"))).toBe(true);
      }),
    );
  });
});

describe("the day in Beijing", () => {
  it("is taken at UTC+8 whatever the process's time zone", () => {
    expect(isoDateInShanghai(Date.UTC(2024, 8, 30, 15, 59, 59, 999))).toBe("2024-09-30");
    expect(isoDateInShanghai(Date.UTC(2024, 8, 30, 16, 0, 0, 0))).toBe("2024-10-01");
    expect(isoDateInShanghai(Date.UTC(2019, 11, 31, 23, 0, 0, 0))).toBe("2020-01-01");
  });
});
