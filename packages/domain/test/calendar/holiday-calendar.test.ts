import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { CalendarOutOfRange } from "../../src/calendar/calendar-out-of-range.js";
import { chinaMainland } from "../../src/calendar/china-mainland.js";
import { HolidayCalendar } from "../../src/calendar/holiday-calendar.js";
import { decodeHolidayYear } from "../../src/calendar/holiday-year.js";
import { IsoDate } from "../../src/calendar/iso-date.js";
import { madeUp2027 } from "./made-up-2027.js";

const d = (s: string) => IsoDate.make(s);
const working = (s: string, calendar = chinaMainland) => Either.getOrThrow(calendar.isWorkingDay(d(s)));
const outOfRange = (s: string, calendar = chinaMainland) => {
  const result = calendar.isWorkingDay(d(s));
  if (Either.isRight(result)) throw new Error(`${s} should be out of range`);
  return result.left;
};

describe("the China mainland calendar", () => {
  it("knows 2020 through 2026", () => {
    expect(chinaMainland.firstYear).toBe(2020);
    expect(chinaMainland.lastYear).toBe(2026);
    expect(chinaMainland.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("counts 29 September 2024, a Sunday, as a working day (国办发明电〔2023〕7号: 9月29日（星期日）上班)", () => {
    expect(working("2024-09-28")).toBe(false);
    expect(working("2024-09-29")).toBe(true);
    expect(working("2024-10-01")).toBe(false);
    expect(working("2024-10-07")).toBe(false);
    expect(working("2024-10-12")).toBe(true);
  });

  it("extends the 2020 Spring Festival to 2 February (国办发明电〔2020〕1号), so Saturday 1 February is not worked", () => {
    expect(working("2020-01-19")).toBe(true);
    expect(working("2020-01-31")).toBe(false);
    expect(working("2020-02-01")).toBe(false);
    expect(working("2020-02-02")).toBe(false);
    expect(working("2020-02-03")).toBe(true);
    expect(chinaMainland.holidayYear(2020)?.documentNumbers).toEqual([
      "国办发明电〔2019〕16号",
      "国办发明电〔2020〕1号",
    ]);
  });

  it("treats 除夕 2024 (9 February) as a working day: the notice only encourages leave", () => {
    expect(working("2024-02-09")).toBe(true);
    expect(working("2024-02-10")).toBe(false);
    expect(working("2024-02-18")).toBe(true);
  });

  it("has 除夕 off from 2025, under the revised holiday measures", () => {
    expect(working("2025-01-28")).toBe(false);
    expect(working("2026-02-16")).toBe(false);
  });

  it("names the holiday of a rest day and of an adjusted working day", () => {
    expect(Either.getOrThrow(chinaMainland.day(d("2024-10-03")))).toEqual({
      _tag: "StatutoryRestDay",
      date: "2024-10-03",
      holiday: "国庆节",
    });
    expect(Either.getOrThrow(chinaMainland.day(d("2026-01-04")))).toEqual({
      _tag: "AdjustedWorkingDay",
      date: "2026-01-04",
      holiday: "元旦",
    });
    expect(Either.getOrThrow(chinaMainland.day(d("2024-09-28")))._tag).toBe("Weekend");
    expect(Either.getOrThrow(chinaMainland.day(d("2024-09-27")))._tag).toBe("OrdinaryWorkingDay");
  });

  it("refuses a day after 2026 rather than guess from its weekday", () => {
    const error = outOfRange("2027-01-04");
    expect(error).toBeInstanceOf(CalendarOutOfRange);
    expect(error._tag).toBe("CalendarOutOfRange");
    expect(error.date).toBe("2027-01-04");
    expect(error.calendar).toBe("china-mainland");
    expect([error.firstYear, error.lastYear]).toEqual([2020, 2026]);
    expect(error.message).toContain("2020–2026");
  });

  it("refuses a day before 2020", () => {
    expect(outOfRange("2019-12-31").date).toBe("2019-12-31");
  });

  it("encodes to JSON and decodes back to the same calendar", () => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(HolidayCalendar)(chinaMainland)));
    const decoded = Schema.decodeUnknownSync(HolidayCalendar)(json);
    expect(decoded.knownYears).toEqual(chinaMainland.knownYears);
    expect(working("2020-02-01", decoded)).toBe(false);
    expect(working("2024-09-29", decoded)).toBe(true);
  });

  it("rejects years listed out of order or twice, naming the field", () => {
    const json = Schema.encodeSync(HolidayCalendar)(chinaMainland);
    const [y2020, y2021, ...rest] = json.years;
    const result = Schema.decodeUnknownEither(HolidayCalendar)({ ...json, years: [y2021, y2020, ...rest] });
    expect(Either.isLeft(result)).toBe(true);
    if (Either.isLeft(result)) expect(result.left.message).toContain('["years"][1]["year"]');
  });
});

describe("HolidayCalendar.withYear", () => {
  const year2027 = Either.getOrThrow(decodeHolidayYear(madeUp2027()));

  it("makes 2027 computable once an operator adds a (made-up) 2027 year, leaving the original unchanged", () => {
    const extended = chinaMainland.withYear(year2027);
    expect(extended.lastYear).toBe(2027);
    expect(working("2027-01-01", extended)).toBe(false);
    expect(working("2027-01-04", extended)).toBe(true);
    expect(working("2027-02-14", extended)).toBe(true);
    expect(outOfRange("2027-01-04").date).toBe("2027-01-04");
  });

  it("replaces the arrangement of a year it already holds", () => {
    const corrected = chinaMainland
      .withYear(year2027)
      .withYear(Either.getOrThrow(decodeHolidayYear({ ...madeUp2027(), holidays: [] })));
    expect(corrected.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(working("2027-01-01", corrected)).toBe(true);
  });

  it("keeps a missing year out of range when a later one is added", () => {
    const skipped = chinaMainland.withYear(
      Either.getOrThrow(decodeHolidayYear({ ...madeUp2027(), year: 2028, holidays: [] })),
    );
    expect(working("2028-01-03", skipped)).toBe(true);
    const error = outOfRange("2027-06-01", skipped);
    expect(error.message).toContain("2020–2026, 2028");
  });
});
