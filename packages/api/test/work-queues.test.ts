/**
 * The legal section's work queues and deadlines at a glance, in process over a real SQLite store with the
 * case clock fixed to a day: periods are judged against the clock's day, not the machine's, a day past the
 * calendar's years leaves a period unjudged rather than failing, and need-to-know holds as in the listings.
 */

import { TRPCError } from "@trpc/server";
import { Ref } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseClock } from "../src/index.js";
import { tokenCallers } from "./support/callers.js";
import { testServices } from "./support/services.js";

const day = Ref.unsafeMake("2026-03-02");
const { runtime, cleanUp } = testServices(CaseClock.fixed(day));
afterAll(cleanUp);
const setDay = (d: string) => runtime.runPromise(Ref.set(day, d));

const as = tokenCallers(runtime, "10.2.2.2");

const reporter = as("reporter", ["handler"]);
const legal = as("legal", ["legal-officer"]);
// A legal officer who is named in a report: it is never theirs to see (need-to-know).
const named = as("named", ["legal-officer"]);
const head = as("head", ["head"]);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

let late: string;
let aboutNamed: string;
let waiting: string;

beforeAll(async () => {
  const report = async (officer: string) =>
    (await reporter.wrongCase.report({ officers: [officer], allegation: "行政处罚决定书认定事实错误" }))
      .proceedingId;
  const accept = (proceedingId: string) => legal.wrongCase.accept({ proceedingId, expectedVersion: 1 });
  // Accepted on Monday 2026年3月2日: the WC.10.1 transfer is due two working days later, on 3月4日.
  late = await report("person-officer");
  await accept(late);
  aboutNamed = await report("person-named");
  await accept(aboutNamed);
  waiting = await report("person-officer");
}, 60_000);

describe("the legal section's work queues on the case clock", () => {
  it("WC.10.1: on the due day the transfer period is due today, judged on the clock's day", async () => {
    await setDay("2026-03-04");
    const queues = await legal.oversight.workQueues();
    expect(queues.today).toBe("2026-03-04");
    expect(queues.periods.map((p) => [p.proceedingId, p.period, p.due, p.status?._tag])).toEqual([
      [late, "WC.10.1", "2026-03-04", "DueToday"],
      [aboutNamed, "WC.10.1", "2026-03-04", "DueToday"],
    ]);
  });

  it("WC.10.1: two working days after the due day it is overdue, and the reports list puts it first", async () => {
    await setDay("2026-03-06");
    const queues = await legal.oversight.workQueues();
    expect(queues.today).toBe("2026-03-06");
    expect(queues.periods[0]?.status).toMatchObject({ _tag: "Overdue", workingDaysOverdue: 2 });
    expect(queues.reports.map((r) => [r.proceedingId, r.stage, r.status?._tag ?? null])).toEqual([
      [late, "accepted", "Overdue"],
      [aboutNamed, "accepted", "Overdue"],
      [waiting, "received", null],
    ]);
    expect(queues.reports[2]?.citation).toBe("WC.10.1");
    expect(queues.proceedings).toEqual([]);
  });

  it("WC.10.1: past the holiday calendar's last year a period is listed unjudged, not refused", async () => {
    await setDay("2027-01-04");
    const { today, periods } = await legal.oversight.runningPeriods();
    expect(today).toBe("2027-01-04");
    expect(periods.map((p) => [p.proceedingId, p.status])).toEqual([
      [late, null],
      [aboutNamed, null],
    ]);
    await setDay("2026-03-06");
  });

  it("need-to-know: a legal officer named in a report finds it in neither the queues nor the deadlines", async () => {
    const queues = await named.oversight.workQueues();
    const listed = [...queues.reports, ...queues.periods, ...queues.proceedings].map((r) => r.proceedingId);
    expect(listed).toContain(late);
    expect(listed).not.toContain(aboutNamed);
    const { periods } = await named.oversight.runningPeriods();
    expect(periods.map((p) => p.proceedingId)).toEqual([late]);
  });

  it("WC.10.2: the head reads the deadlines of proceedings reported to them only, and has no queue", async () => {
    expect((await head.oversight.runningPeriods()).periods).toEqual([]);
    expect(await codeOf(head.oversight.workQueues())).toBe("FORBIDDEN");
    expect(await codeOf(reporter.oversight.runningPeriods())).toBe("FORBIDDEN");
  });
});
