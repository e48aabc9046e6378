/**
 * `isoDateParts`, `yearOf` and the `IsoDate` check read a date digit by digit (src/calendar/iso-date.ts): they
 * must read what `Number` of the string's slices and the `YYYY-MM-DD` pattern read.
 */
import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { fromDayNumber, IsoDate, isoDateParts, yearOf } from "../../src/index.js";

const bySlices = (s: string) => ({
  year: Number(s.slice(0, 4)),
  month: Number(s.slice(5, 7)),
  day: Number(s.slice(8, 10)),
});

describe("dates read digit by digit", () => {
  it("every day from 1900 to 2100 has the parts its slices name", () => {
    for (let n = -25567; n <= 47482; n++) {
      const date = fromDayNumber(n);
      expect(isoDateParts(date)).toEqual(bySlices(date));
      expect(yearOf(date)).toBe(Number(date.slice(0, 4)));
    }
  });

  it("a string of another shape, cast to a date, reads as its slices do", () => {
    for (const s of ["2024-1-05", "２０２４-01-01", "2024/01/05", "", "20a4-01-01"]) {
      expect(isoDateParts(s as IsoDate)).toEqual(bySlices(s));
      expect(yearOf(s as IsoDate)).toEqual(Number(s.slice(0, 4)));
    }
  });

  it("the IsoDate check accepts a real day of the pattern and nothing else", () => {
    const decode = Schema.decodeUnknownEither(IsoDate);
    for (const s of ["2024-02-29", "2000-02-29", "0001-01-01", "2026-12-31"])
      expect(Either.isRight(decode(s))).toBe(true);
    for (const s of [
      "2023-02-29",
      "1900-02-29",
      "0000-01-01",
      "2024-13-01",
      "2024-00-10",
      "2024-04-31",
      "2024-1-05",
    ])
      expect(Either.isLeft(decode(s))).toBe(true);
  });
});
