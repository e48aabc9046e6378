/**
 * Cross-check of Liuhen's own table against the `chinese-days` package (dev-only: src never imports it),
 * every day of 2020–2026.
 *
 * Findings, kept here so a reviewer need not rerun them:
 * - Working or not: the two agree on every one of the 2,557 days.
 * - Adjusted working days (调休上班): the same 46 days.
 * - Rest days: `chinese-days` also marks 2022-12-31 as 元旦. That day is off under the 2023 notice
 *   (国办发明电〔2022〕16号: 元旦：2022年12月31日至2023年1月2日放假调休), but it lies in 2022 and is a
 *   Saturday, so our 2023 year cannot list it and need not: both call it a rest day. No error on either side.
 * - Names: `chinese-days` splits a joint holiday (2023-09-29 中秋 then 国庆节; 2025-10-06 中秋) where the
 *   notice names one holiday 中秋节、国庆节; we keep the notice's name. Names are not compared.
 * - `chinese-days`'s functions are wrong west of UTC: it builds its tables and reads its arguments by
 *   parsing a date string as UTC midnight and formatting it with local getters, so under
 *   TZ=America/New_York every holiday moves a day earlier (isWorkday("2024-09-28"), a Saturday, is true).
 *   This test therefore reads the package's prebuilt `dist/chinese-days.json`, which does not depend on
 *   the zone the test runs in. (The STACK-NOTES rule again: strings, never a `Date` in the process's zone.)
 */
import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { chinaMainland } from "../../src/calendar/china-mainland.js";
import { dateRange, IsoDate } from "../../src/calendar/iso-date.js";

const days = dateRange(IsoDate.make("2020-01-01"), IsoDate.make("2026-12-31"));

const holidays: Record<string, string | undefined> = data.holidays;
const workdays: Record<string, string | undefined> = data.workdays;

/** `chinese-days`'s own rule: a listed workday works, a listed holiday rests, else Monday to Friday work. */
const theirs = (date: IsoDate) => {
  const utcWeekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return {
    working:
      workdays[date] !== undefined || (utcWeekday >= 1 && utcWeekday <= 5 && holidays[date] === undefined),
    rest: holidays[date] !== undefined,
    adjusted: workdays[date] !== undefined,
  };
};

const ours = (date: IsoDate) => Either.getOrThrow(chinaMainland.day(date));

describe("the China mainland calendar against chinese-days, every day of 2020–2026", () => {
  it("covers 2,557 days", () => {
    expect(days.length).toBe(366 + 365 + 365 + 365 + 366 + 365 + 365);
  });

  it("agrees on whether each day is a working day", () => {
    const disagreements = days.filter(
      (date) => Either.getOrThrow(chinaMainland.isWorkingDay(date)) !== theirs(date).working,
    );
    expect(disagreements).toEqual([]);
  });

  it("agrees on the adjusted working days (调休上班)", () => {
    const mine = days.filter((date) => ours(date)._tag === "AdjustedWorkingDay");
    expect(mine).toEqual(days.filter((date) => theirs(date).adjusted));
    expect(mine.length).toBe(46);
  });

  it("agrees on the statutory rest days, except 2022-12-31 (a Saturday granted by the 2023 notice)", () => {
    const mine = days.filter((date) => ours(date)._tag === "StatutoryRestDay");
    const other = days.filter((date) => theirs(date).rest);
    expect(other.filter((date) => !mine.includes(date))).toEqual(["2022-12-31"]);
    expect(mine.filter((date) => !other.includes(date))).toEqual([]);
  });
});
