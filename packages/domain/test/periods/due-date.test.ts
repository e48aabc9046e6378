import { Either, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarOutOfRange } from "../../src/calendar/calendar-out-of-range.js";
import { chinaMainland } from "../../src/calendar/china-mainland.js";
import { decodeHolidayYear } from "../../src/calendar/holiday-year.js";
import { addDays, compareIsoDates, dayNumber, fromDayNumber, IsoDate } from "../../src/calendar/iso-date.js";
import { citation } from "../../src/citation/citation-id.js";
import { BasisInput } from "../../src/explanation/basis.js";
import { dueDate } from "../../src/periods/due-date.js";
import { PeriodResult } from "../../src/periods/period-result.js";
import { CalendarDays, CalendarMonths, type PeriodRule, WorkingDays } from "../../src/periods/period-rule.js";
import { workingDaysBetween } from "../../src/periods/working-days.js";
import { madeUp2027 } from "../calendar/made-up-2027.js";

const d = (s: string) => IsoDate.make(s);
const WC_10_1 = citation("WC.10.1");
const WC_10_3 = citation("WC.10.3");
// The default readings of REGIMES.md, Periods.
const twoWorkingDays = WorkingDays.make({ count: 2 });
const oneMonthRolled = CalendarMonths.make({ count: 1, rollForward: true });

const due = (rule: PeriodRule, start: string, calendar = chinaMainland) =>
  Either.getOrThrow(dueDate(rule, d(start), calendar, rule._tag === "WorkingDays" ? WC_10_1 : WC_10_3));

const refused = (rule: PeriodRule, start: string, calendar = chinaMainland) => {
  const result = dueDate(rule, d(start), calendar, WC_10_1);
  if (Either.isRight(result)) throw new Error(`expected CalendarOutOfRange, got ${result.right.due}`);
  return result.left;
};

const stepOf = (result: PeriodResult, rule: string) => {
  const found = result.steps.find((s) => s.rule === rule);
  if (found === undefined) throw new Error(`no step ${rule}`);
  return found;
};

describe("WC.10.1: transfer within 2 working days of acceptance", () => {
  it("WC.10.1: two working days after a Friday acceptance before National Day 2024 (29 Sep is an adjusted working day)", () => {
    const result = due(twoWorkingDays, "2024-09-27");
    expect(result.due).toBe("2024-09-30");
    expect(result.unit).toBe("working-days");
    expect(stepOf(result, "period.working-days").inputs.counted).toEqual(["2024-09-29", "2024-09-30"]);
    expect(stepOf(result, "period.rest-days-skipped").inputs.weekendDays).toEqual(["2024-09-28"]);
    const adjusted = stepOf(result, "period.adjusted-working-days");
    expect(adjusted.holds).toBe(true);
    expect(adjusted.inputs).toEqual({ dates: ["2024-09-29"], holidays: ["国庆节"] });
    expect(result.steps.every((s) => s.citation === "WC.10.1")).toBe(true);
  });

  it("WC.10.1: an acceptance on the Monday before National Day 2024 skips the seven days off", () => {
    const result = due(twoWorkingDays, "2024-09-30");
    expect(result.due).toBe("2024-10-09");
    const skipped = stepOf(result, "period.rest-days-skipped");
    expect(skipped.holds).toBe(true);
    expect(skipped.inputs.statutoryRestDays).toEqual([
      "2024-10-01",
      "2024-10-02",
      "2024-10-03",
      "2024-10-04",
      "2024-10-05",
      "2024-10-06",
      "2024-10-07",
    ]);
    expect(skipped.inputs.holidays).toEqual(["国庆节"]);
    expect(stepOf(result, "period.adjusted-working-days").holds).toBe(false);
  });

  it("WC.10.1: the Spring Festival 2024 is skipped and the Sunday worked after it (18 Feb) counts", () => {
    expect(due(twoWorkingDays, "2024-02-08").due).toBe("2024-02-18");
  });

  it("WC.10.1: the Spring Festival 2020 runs to 2 February under the extension (国办发明电〔2020〕1号)", () => {
    const result = due(twoWorkingDays, "2020-01-23");
    // Without the extension the Friday 31 January and the Saturday 1 February would have been worked.
    expect(result.due).toBe("2020-02-04");
    expect(stepOf(result, "period.holiday-calendar").inputs.notices).toEqual([
      "国办发明电〔2019〕16号",
      "国办发明电〔2020〕1号",
    ]);
  });

  it("WC.10.1: a period across the new year rests on both years' notices", () => {
    const result = due(twoWorkingDays, "2023-12-29");
    expect(result.due).toBe("2024-01-03");
    expect(stepOf(result, "period.holiday-calendar").inputs).toEqual({
      calendar: "china-mainland",
      years: ["2023", "2024"],
      notices: ["国办发明电〔2022〕16号", "国办发明电〔2023〕7号"],
    });
  });

  it("WC.10.1: an acceptance on a rest day counts from the next working day", () => {
    expect(due(twoWorkingDays, "2024-10-03").due).toBe("2024-10-09");
  });

  it("WC.10.1: says the start day is not counted", () => {
    const result = due(twoWorkingDays, "2024-09-27");
    expect(stepOf(result, "period.start-day-excluded")).toMatchObject({
      holds: true,
      inputs: { start: "2024-09-27" },
    });
  });
});

describe("WC.10.3: a new decision within 1 calendar month of the order", () => {
  it("WC.10.3: 31 January 2024 plus one month is 29 February 2024, the month's last day in a leap year", () => {
    const result = due(oneMonthRolled, "2024-01-31");
    expect(result.due).toBe("2024-02-29");
    expect(result.unit).toBe("calendar-month");
    expect(stepOf(result, "period.month-end")).toMatchObject({
      holds: true,
      inputs: { dayOfMonth: 31, end: "2024-02-29" },
    });
    expect(stepOf(result, "period.roll-forward").holds).toBe(false);
  });

  it("WC.10.3: 31 January 2023 plus one month is 28 February 2023", () => {
    expect(due(oneMonthRolled, "2023-01-31").due).toBe("2023-02-28");
  });

  it("WC.10.3: 31 March plus one month is 30 April", () => {
    expect(due(oneMonthRolled, "2025-03-31").due).toBe("2025-04-30");
  });

  it("WC.10.3: a due date in the Spring Festival 2024 moves to the Sunday worked after it", () => {
    const result = due(oneMonthRolled, "2024-01-12");
    expect(result.due).toBe("2024-02-18");
    const rolled = stepOf(result, "period.roll-forward");
    expect(rolled.holds).toBe(true);
    expect(rolled.inputs.end).toBe("2024-02-12");
    expect(rolled.inputs.statutoryRestDays).toEqual([
      "2024-02-12",
      "2024-02-13",
      "2024-02-14",
      "2024-02-15",
      "2024-02-16",
      "2024-02-17",
    ]);
    expect(rolled.inputs.holidays).toEqual(["春节"]);
  });

  it("WC.10.3: a due date on 1 October 2024 moves to 8 October", () => {
    expect(due(oneMonthRolled, "2024-09-01").due).toBe("2024-10-08");
  });

  it("WC.10.3: a due date in the joint National Day and Mid-Autumn holiday of 2025 moves to 9 October", () => {
    const result = due(oneMonthRolled, "2025-09-05");
    expect(result.due).toBe("2025-10-09");
    expect(stepOf(result, "period.roll-forward").inputs.holidays).toEqual(["国庆节、中秋节"]);
  });

  it("WC.10.3: a due date on a Saturday before 端午节 2024 moves past the weekend and the holiday", () => {
    const result = due(oneMonthRolled, "2024-05-08");
    expect(result.due).toBe("2024-06-11");
    expect(stepOf(result, "period.roll-forward").inputs).toMatchObject({
      weekendDays: ["2024-06-08", "2024-06-09"],
      statutoryRestDays: ["2024-06-10"],
    });
  });

  it("WC.10.3: a due date on an ordinary working day stays", () => {
    const result = due(oneMonthRolled, "2024-09-27");
    expect(result.due).toBe("2024-10-28");
    expect(stepOf(result, "period.month-end").holds).toBe(false);
  });

  it("WC.10.3: 29 February plus twelve months is 28 February of the next year", () => {
    expect(due(CalendarMonths.make({ count: 12, rollForward: true }), "2024-02-29").due).toBe("2025-02-28");
  });

  it("WC.10.3: without rolling forward, a due date on a holiday stays and the step says so", () => {
    const result = due(CalendarMonths.make({ count: 1, rollForward: false }), "2024-09-01");
    expect(result.due).toBe("2024-10-01");
    expect(stepOf(result, "period.roll-forward")).toMatchObject({
      holds: false,
      inputs: { rollForward: false, end: "2024-10-01", endIsWorkingDay: false },
    });
  });
});

describe("calendar days, another agency's reading", () => {
  it("two calendar days after a Friday fall on the Sunday", () => {
    const result = due(CalendarDays.make({ count: 2, rollForward: false }), "2024-09-27");
    expect(result.due).toBe("2024-09-29");
    expect(result.unit).toBe("calendar-days");
  });

  it("ten calendar days rolled forward move off National Day 2024", () => {
    expect(due(CalendarDays.make({ count: 10, rollForward: true }), "2024-09-25").due).toBe("2024-10-08");
  });

  it("count 366 days across 29 February 2024", () => {
    expect(due(CalendarDays.make({ count: 366, rollForward: false }), "2024-01-01").due).toBe("2025-01-01");
  });
});

describe("the calendar's edges", () => {
  it("a working-day period running past 2026-12-31 is CalendarOutOfRange at 2027-01-01", () => {
    const error = refused(twoWorkingDays, "2026-12-30");
    expect(error).toBeInstanceOf(CalendarOutOfRange);
    expect(error.date).toBe("2027-01-01");
    expect([error.firstYear, error.lastYear]).toEqual([2020, 2026]);
  });

  it("a working-day period ending on 2026-12-31 is still computable", () => {
    expect(due(twoWorkingDays, "2026-12-29").due).toBe("2026-12-31");
  });

  it("a month landing in 2027 is CalendarOutOfRange", () => {
    expect(refused(oneMonthRolled, "2026-12-01").date).toBe("2027-01-01");
    expect(refused(CalendarMonths.make({ count: 1, rollForward: false }), "2026-12-01").date).toBe(
      "2027-01-01",
    );
    expect(due(oneMonthRolled, "2026-11-30").due).toBe("2026-12-30");
  });

  it("calendar days landing in 2027 are CalendarOutOfRange", () => {
    expect(refused(CalendarDays.make({ count: 1, rollForward: false }), "2026-12-31").date).toBe(
      "2027-01-01",
    );
  });

  it("a start before 2020-01-01 is CalendarOutOfRange, for every reading", () => {
    for (const rule of [twoWorkingDays, oneMonthRolled, CalendarDays.make({ count: 5, rollForward: true })])
      expect(refused(rule, "2019-12-31").date).toBe("2019-12-31");
  });

  it("a (made-up) 2027 year added by an operator makes the period across the new year computable", () => {
    const extended = chinaMainland.withYear(Either.getOrThrow(decodeHolidayYear(madeUp2027())));
    // 31 Dec 2026 counts; 1–3 Jan 2027 are off in the made-up notice; Monday 4 Jan counts.
    expect(due(twoWorkingDays, "2026-12-30", extended).due).toBe("2027-01-04");
    expect(due(oneMonthRolled, "2026-12-01", extended).due).toBe("2027-01-04");
  });
});

describe("the result as data", () => {
  it("encodes to JSON, every step input a JSON scalar or a list of strings", () => {
    const result = due(oneMonthRolled, "2024-01-12");
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(PeriodResult)(result)));
    expect(Schema.decodeUnknownSync(PeriodResult)(json)).toEqual(result);
    for (const s of result.steps)
      for (const value of Object.values(s.inputs)) expect(Schema.is(BasisInput)(value)).toBe(true);
  });

  it("rejects a period rule of zero units", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(WorkingDays)({ _tag: "WorkingDays", count: 0 }))).toBe(
      true,
    );
  });
});

// Starts from 2020-01-01 to 2026-10-31, so that short periods stay inside the calendar.
const starts = fc
  .integer({ min: dayNumber(d("2020-01-01")), max: dayNumber(d("2026-10-31")) })
  .map((n) => fromDayNumber(n));

describe("properties over every start in the calendar", () => {
  it("a working-day due date is a working day, strictly after the start, with exactly `count` working days up to it", () => {
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 20 }), (start, count) => {
        const result = Either.getOrThrow(dueDate(WorkingDays.make({ count }), start, chinaMainland, WC_10_1));
        expect(compareIsoDates(result.due, start)).toBe(1);
        expect(Either.getOrThrow(chinaMainland.isWorkingDay(result.due))).toBe(true);
        expect(Either.getOrThrow(workingDaysBetween(start, result.due, chinaMainland))).toBe(count);
      }),
      { numRuns: 500 },
    );
  });

  it("a rolled-forward month ends on the first working day on or after the month's corresponding day", () => {
    fc.assert(
      fc.property(starts, (start) => {
        const result = Either.getOrThrow(dueDate(oneMonthRolled, start, chinaMainland, WC_10_3));
        const end = stepOf(result, "period.calendar-month").inputs.end as IsoDate;
        expect(Either.getOrThrow(chinaMainland.isWorkingDay(result.due))).toBe(true);
        expect(compareIsoDates(result.due, end)).toBeGreaterThanOrEqual(0);
        for (let day = end; compareIsoDates(day, result.due) < 0; day = addDays(day, 1))
          expect(Either.getOrThrow(chinaMainland.isWorkingDay(day))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws: any start gives a due date or CalendarOutOfRange", () => {
    const anyStart = fc
      .integer({ min: dayNumber(d("2018-01-01")), max: dayNumber(d("2028-12-31")) })
      .map((n) => fromDayNumber(n));
    const rules = fc.oneof(
      fc.integer({ min: 1, max: 30 }).map((count) => WorkingDays.make({ count })),
      fc
        .record({ count: fc.integer({ min: 1, max: 400 }), rollForward: fc.boolean() })
        .map((r) => CalendarDays.make(r)),
      fc
        .record({ count: fc.integer({ min: 1, max: 24 }), rollForward: fc.boolean() })
        .map((r) => CalendarMonths.make(r)),
    );
    fc.assert(
      fc.property(anyStart, rules, (start, rule) => {
        const result = dueDate(rule, start, chinaMainland, WC_10_1);
        if (Either.isLeft(result)) expect(result.left._tag).toBe("CalendarOutOfRange");
        else expect(compareIsoDates(result.right.due, start)).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
