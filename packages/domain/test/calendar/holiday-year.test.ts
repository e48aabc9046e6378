import { Either, ParseResult } from "effect";
import { describe, expect, it } from "vitest";
import { decodeHolidayYear } from "../../src/calendar/holiday-year.js";
import { madeUp2027 } from "./made-up-2027.js";

const issuesOf = (input: unknown) => {
  const result = decodeHolidayYear(input);
  if (Either.isRight(result)) throw new Error("expected the year to be rejected");
  return ParseResult.ArrayFormatter.formatErrorSync(result.left).map((i) => ({
    path: i.path.join("."),
    message: i.message,
  }));
};

describe("HolidayYear, decoded from an operator's JSON", () => {
  it("decodes a year typed from its notice, with adjusted working days defaulting to none", () => {
    const year = Either.getOrThrow(decodeHolidayYear(madeUp2027()));
    expect(year.year).toBe(2027);
    expect(year.holidays[0]?.adjustedWorkingDays).toEqual([]);
    expect(year.amendments).toEqual([]);
    expect(year.documentNumbers).toEqual(["国办发明电〔2026〕99号"]);
  });

  it("names the field of a rest day outside the year", () => {
    const input = madeUp2027();
    input.holidays[0]?.restDays.push("2026-12-31");
    expect(issuesOf(input)).toEqual([
      { path: "holidays.0.restDays.3", message: "2026-12-31 is not in 2027" },
    ]);
  });

  it("names the field of an adjusted working day that is not a Saturday or Sunday", () => {
    const input = madeUp2027();
    input.holidays[1]?.adjustedWorkingDays?.push("2027-02-15");
    expect(issuesOf(input)).toEqual([
      {
        path: "holidays.1.adjustedWorkingDays.2",
        message: "2027-02-15 is not a Saturday or Sunday: only a weekend day can be worked instead",
      },
    ]);
  });

  it("names the field of a day that is both a rest day and an adjusted working day", () => {
    const input = madeUp2027();
    input.holidays[1]?.adjustedWorkingDays?.push("2027-02-07");
    expect(issuesOf(input)).toEqual([
      {
        path: "holidays.1.adjustedWorkingDays.2",
        message: "2027-02-07 is both a rest day of 春节 and an adjusted working day",
      },
    ]);
  });

  it("names the field of a rest day listed twice", () => {
    const input = madeUp2027();
    input.holidays[1]?.restDays.push("2027-01-02");
    expect(issuesOf(input)).toEqual([
      { path: "holidays.1.restDays.7", message: "2027-01-02 is already a rest day of 元旦" },
    ]);
  });

  it("names the field of a day that is not a real date", () => {
    const input = madeUp2027();
    input.holidays[1]?.restDays.push("2027-02-29");
    expect(issuesOf(input)).toEqual([
      { path: "holidays.1.restDays.7", message: "2027-02-29 is not a day of the calendar" },
    ]);
  });

  it("rejects a field it does not know, so a typo never passes silently", () => {
    const input = { ...madeUp2027(), adjustedWorkDays: [] };
    expect(issuesOf(input).map((i) => i.path)).toEqual(["adjustedWorkDays"]);
  });

  it("requires the notice's document number", () => {
    const input = madeUp2027();
    const { documentNumber: _, ...notice } = input.notice;
    expect(issuesOf({ ...input, notice }).map((i) => i.path)).toEqual(["notice.documentNumber"]);
  });
});
