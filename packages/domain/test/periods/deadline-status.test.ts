import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { chinaMainland } from "../../src/calendar/china-mainland.js";
import { IsoDate } from "../../src/calendar/iso-date.js";
import { deadlineStatus } from "../../src/periods/deadline-status.js";
import { workingDaysBetween } from "../../src/periods/working-days.js";

const d = (s: string) => IsoDate.make(s);
const status = (due: string, today: string) =>
  Either.getOrThrow(deadlineStatus(d(due), d(today), chinaMainland));

describe("deadline status for the scheduler", () => {
  it("WC.10.1: on the day of acceptance, two working days are left before 30 Sep 2024", () => {
    expect(status("2024-09-30", "2024-09-27")).toEqual({
      _tag: "NotYetDue",
      due: "2024-09-30",
      today: "2024-09-27",
      workingDaysLeft: 2,
      calendarDaysLeft: 3,
    });
  });

  it("WC.10.1: on the adjusted working Sunday, one working day is left", () => {
    expect(status("2024-09-30", "2024-09-29")).toMatchObject({ _tag: "NotYetDue", workingDaysLeft: 1 });
  });

  it("one working day is left on the last day before National Day when the due date is the first day after it", () => {
    expect(status("2024-10-08", "2024-09-30")).toMatchObject({
      _tag: "NotYetDue",
      workingDaysLeft: 1,
      calendarDaysLeft: 8,
    });
  });

  it("the due day itself is due today", () => {
    expect(status("2024-09-30", "2024-09-30")).toEqual({
      _tag: "DueToday",
      due: "2024-09-30",
      today: "2024-09-30",
    });
  });

  it("after the due day it is overdue, counted in working days passed", () => {
    expect(status("2024-09-30", "2024-10-08")).toEqual({
      _tag: "Overdue",
      due: "2024-09-30",
      today: "2024-10-08",
      workingDaysOverdue: 1,
      calendarDaysOverdue: 8,
    });
    expect(status("2024-09-30", "2024-10-01")).toMatchObject({ _tag: "Overdue", workingDaysOverdue: 0 });
  });

  it("refuses a today outside the calendar", () => {
    const result = deadlineStatus(d("2026-12-31"), d("2027-01-04"), chinaMainland);
    expect(Either.isLeft(result) && result.left.date).toBe("2027-01-01");
    expect(Either.isLeft(deadlineStatus(d("2027-01-04"), d("2027-01-04"), chinaMainland))).toBe(true);
  });

  it("counts working days between two days, the first excluded and the last included", () => {
    // 29 and 30 September, 8 to 11 October, and Saturday 12 October (worked for National Day).
    expect(Either.getOrThrow(workingDaysBetween(d("2024-09-27"), d("2024-10-12"), chinaMainland))).toBe(7);
    expect(Either.getOrThrow(workingDaysBetween(d("2024-10-12"), d("2024-09-27"), chinaMainland))).toBe(0);
  });
});
