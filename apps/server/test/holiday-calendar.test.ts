/**
 * A holiday year added by the operator without a release (ARCHITECTURE.md, Periods), over HTTP against a
 * real server whose day is fixed at 2026年12月30日: a report accepted that day runs its WC.10.1 period (受理后
 * 2日内转送) into 2027, which the released calendar does not know, so the acceptance, `assess` and the
 * deadline checks refuse to guess until an administrator adds 2027; then all three count on it, without a
 * restart. A bad year is refused naming its field and changes nothing; a released year is not replaced
 * without a reason.
 *
 * The 2027 arrangement here is INVENTED, a test fixture only: the State Council's 2027 notice is not known.
 * Its one holiday, Friday 2027-01-01, shows that the added data and not the weekday is what counts.
 */
import { CaseClock } from "@liuhen/api";
import { Effect, Ref } from "effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { assembleCast, type Cast, driveTo, type Position, target } from "./support/wrong-case-driver.js";

/** INVENTED for the test: not the 2027 notice, which is not published. */
const FICTIONAL_2027 = {
  year: 2027,
  notice: {
    title: "测试用虚构通知（并非国务院办公厅2027年节假日安排）",
    documentNumber: "国办发明电〔2099〕99号",
    issued: "2026-11-01",
  },
  holidays: [{ name: "虚构假日", restDays: ["2027-01-01"], adjustedWorkingDays: [] }],
};

const PERIOD = { kind: "period", period: "WC.10.1", start: "2026-12-30" };

describeOnDatabases("a holiday year added over the API counts at once", (database) => {
  const day = Effect.runSync(Ref.make("2026-12-30"));
  let test: TestServer;
  let url: string;
  let root: SignedIn;
  let cast: Cast;
  let received: Position;

  const accept = () => call(url, "mutation", "wrongCase.accept", target(received), cast.legal);

  beforeAll(async () => {
    test = await startTestServer({}, { caseClock: CaseClock.fixed(day), database });
    url = test.server.url;
    root = await signIn(url, { agency: AGENCY, ...ADMIN }, "198.51.100.30");
    cast = await assembleCast(url, root, "198.51.100.30");
    received = await driveTo(url, cast, "received");
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  it("WC.10.1: before 2027 is added, an acceptance on 2026-12-30 and assess are refused, not guessed", async () => {
    const refused = await accept();
    expect(refused.error).toMatchObject({ code: "UNPROCESSABLE_CONTENT", tag: "CalendarOutOfRange" });
    expect(refused.error?.message).toContain("2027-01-01");
    const assessed = await call(url, "query", "domain.assess", PERIOD, cast.legal);
    expect(assessed.error).toMatchObject({ tag: "CalendarOutOfRange" });
  });

  it("refuses a bad year naming its field, and a released year replaced without a reason; nothing is stored", async () => {
    const outside = await call(
      url,
      "mutation",
      "admin.addHolidayYear",
      { year: { ...FICTIONAL_2027, holidays: [{ name: "虚构假日", restDays: ["2028-01-01"] }] } },
      root,
    );
    expect(outside.error).toMatchObject({
      code: "BAD_REQUEST",
      tag: "InvalidEvent",
      field: ["year", "holidays", "0", "restDays", "0"],
    });
    expect(outside.error?.message).toContain("2028-01-01 is not in 2027");
    const unnamed = await call(
      url,
      "mutation",
      "admin.addHolidayYear",
      { year: { ...FICTIONAL_2027, notice: { ...FICTIONAL_2027.notice, documentNumber: undefined } } },
      root,
    );
    expect(unnamed.error).toMatchObject({ tag: "InvalidEvent", field: ["year", "notice", "documentNumber"] });
    const released = await call(
      url,
      "mutation",
      "admin.addHolidayYear",
      { year: { ...FICTIONAL_2027, year: 2026, holidays: [] } },
      root,
    );
    expect(released.error).toMatchObject({ code: "CONFLICT", tag: "HolidayYearKnown" });
    expect(released.error?.message).toContain("国办发明电〔2025〕7号");
    // Only an administrator keeps the calendar.
    const byOfficer = await call(
      url,
      "mutation",
      "admin.addHolidayYear",
      { year: FICTIONAL_2027 },
      cast.legal,
    );
    expect(byOfficer.error).toMatchObject({ code: "FORBIDDEN" });
    expect(await test.count("holiday_years")).toBe(0);
  });

  it("WC.10.1: once 2027 is added, the same acceptance is due 2027-01-04, and assess agrees", async () => {
    const added = await call(url, "mutation", "admin.addHolidayYear", { year: FICTIONAL_2027 }, root);
    expect(added.error).toBeNull();
    expect(added.data).toMatchObject({ year: 2027, source: "added", added: { addition: 1, replaced: null } });

    const accepted = await accept();
    expect(accepted.error).toBeNull();
    const file = await call(
      url,
      "query",
      "wrongCase.get",
      { proceedingId: received.proceedingId },
      cast.legal,
    );
    // 受理后2日内: Thursday 31 December, then (the invented 1 January off) Monday 4 January.
    expect((file.data as { state: { openPeriods: unknown[] } }).state.openPeriods).toEqual([
      expect.objectContaining({ period: "WC.10.1", start: "2026-12-30", due: "2027-01-04" }),
    ]);
    const assessed = await call(url, "query", "domain.assess", PERIOD, cast.legal);
    expect(assessed.error).toBeNull();
    expect(assessed.data).toMatchObject({
      due: "2027-01-04",
      regime: "qianjiang-msa-2020@1+china-mainland.1",
    });
    // Asked without signing in, assess counts on the released calendar: the years added are the agency's.
    const anonymous = await call(url, "query", "domain.assess", PERIOD);
    expect(anonymous.error).toMatchObject({ tag: "CalendarOutOfRange" });
  });

  it("the deadline checks judge the period on the added year: overdue on 2027-01-05", async () => {
    Effect.runSync(Ref.set(day, "2027-01-05"));
    const pass = await test.server.checkDeadlines();
    expect(pass).toMatchObject({ day: "2027-01-05", periods: 1 });
    const notices = await call(url, "query", "notifications.list", {}, cast.legal);
    expect((notices.data as Array<{ kind: string; details: unknown }>).map((n) => n.kind)).toContain(
      "deadline-overdue",
    );
  });

  it("lists the calendar's years, released and added, each with its notice; a replacement keeps its reason", async () => {
    const replaced = await call(
      url,
      "mutation",
      "admin.addHolidayYear",
      { year: { ...FICTIONAL_2027, holidays: [] }, reason: "测试：撤销虚构假日" },
      root,
    );
    expect(replaced.error).toBeNull();
    const listed = await call(url, "query", "admin.holidayYears", undefined, root);
    expect(listed.error).toBeNull();
    const years = listed.data as Array<{
      year: number;
      source: string;
      notice: { documentNumber: string };
      added: { addition: number; replaced: string[] | null; reason: string | null } | null;
    }>;
    expect(years.map((y) => [y.year, y.source, y.notice.documentNumber])).toEqual([
      [2020, "built-in", "国办发明电〔2019〕16号"],
      [2021, "built-in", "国办发明电〔2020〕27号"],
      [2022, "built-in", "国办发明电〔2021〕11号"],
      [2023, "built-in", "国办发明电〔2022〕16号"],
      [2024, "built-in", "国办发明电〔2023〕7号"],
      [2025, "built-in", "国办发明电〔2024〕12号"],
      [2026, "built-in", "国办发明电〔2025〕7号"],
      [2027, "added", "国办发明电〔2099〕99号"],
    ]);
    expect(years[7]?.added).toEqual(
      expect.objectContaining({
        addition: 2,
        replaced: ["国办发明电〔2099〕99号"],
        reason: "测试：撤销虚构假日",
      }),
    );
    expect(await test.count("holiday_years")).toBe(2);
  });
});
