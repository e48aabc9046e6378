/**
 * Statistics and their downloads over HTTP (issue 8, reports): wrong-case proceedings counted by stage,
 * trigger, outcome and month, time per stage, and the WC.10.1 period met, lapsed and running past its due
 * day; the XLSX export read back with exceljs equal to what `oversight.statistics` and
 * `oversight.wrongCaseStatistics` return; the CSV with its UTF-8 BOM; the quarterly summary without a name
 * or a department; refusals naming the field, and the roles `oversight.statistics` admits.
 */
import { CaseClock } from "@liuhen/api";
import { Effect, Ref } from "effect";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, headersOf, type SignedIn, signIn } from "./support/http.js";
import {
  assembleInterferenceCast,
  type CastMember,
  contact,
  type InterferenceCast,
  recordContact,
  registerPerson,
} from "./support/interference-driver.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { assembleCast, CAST, type Cast, driveTo, step } from "./support/wrong-case-driver.js";

const ADDRESS = "198.51.100.71";

const COLLEAGUE = {
  username: "rp-colleague",
  personId: "person-rp-colleague",
  name: "周同事",
  department: "综合科",
  roles: [],
} as const satisfies CastMember;

interface InterferenceFigures {
  readonly total: number;
  readonly byRecordedCategory: Record<string, number>;
  readonly byFinding: Record<string, number>;
  readonly byMethod: Record<string, number>;
  readonly byDepartment: ReadonlyArray<{ department: string | null; count: number }>;
  readonly byMonth: ReadonlyArray<{ month: string; count: number }>;
}

interface WrongCaseFigures {
  readonly total: number;
  readonly asOf: string;
  readonly byStage: ReadonlyArray<{ stage: string; count: number }>;
  readonly byTrigger: Record<string, number>;
  readonly byOutcome: Record<string, number>;
  readonly byMonth: ReadonlyArray<{ month: string; count: number }>;
  readonly timePerStage: ReadonlyArray<{
    stage: string;
    completed: number;
    totalDays: number;
    averageDays: number | null;
  }>;
  readonly deadlines: ReadonlyArray<{
    period: string;
    met: number;
    missed: number;
    lapsed: number;
    running: number;
    overdue: number;
  }>;
}

/** Every worksheet of a workbook: its name and its rows (values only, header first). */
const readWorkbook = async (bytes: ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return new Map(
    workbook.worksheets.map((sheet) => {
      const rows: Array<ReadonlyArray<unknown>> = [];
      // An empty cell (an average over no stay) is read as null, trailing ones included.
      sheet.eachRow((row) => {
        rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
      });
      return [sheet.name, rows] as const;
    }),
  );
};

const counts = (rows: ReadonlyArray<ReadonlyArray<unknown>> | undefined) =>
  (rows ?? []).slice(1).map((r) => r[1]);

describeOnDatabases(
  "statistics reports over HTTP",
  (database) => {
    let test: TestServer;
    let url: string;
    let root: SignedIn;
    let wc: Cast;
    let ifCast: InterferenceCast;
    const day = Effect.runSync(Ref.make("2026-03-02"));
    const setDay = (d: string) => Effect.runSync(Ref.set(day, d));

    const download = (who: Partial<SignedIn> | null, path: string) =>
      fetch(new URL(path, url), { headers: who === null ? {} : headersOf({ ...who, csrf: undefined }) });

    const figures = async <T>(who: SignedIn, path: string, input: unknown): Promise<T> => {
      const answer = await call(url, "query", `oversight.${path}`, input, who);
      expect(answer.error, path).toBeNull();
      return answer.data as T;
    };

    beforeAll(async () => {
      test = await startTestServer({}, { caseClock: CaseClock.fixed(day), database });
      url = test.server.url;
      root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
      wc = await assembleCast(url, root, ADDRESS);
      ifCast = await assembleInterferenceCast(url, root, ADDRESS);
      await registerPerson(url, root, COLLEAGUE);

      // March: two reports accepted on the 2nd; one transferred on the 3rd (WC.10.1 met), the other
      // reported to the head on the 5th (the transfer period lapses: the bureau keeps the matter).
      const staffReport = await driveTo(url, wc, "accepted");
      const publicReport = await driveTo(url, wc, "accepted", { reporter: "public" });
      setDay("2026-03-03");
      await step(url, wc.legal, "transfer", publicReport, {
        competentBody: "区人力资源和社会保障局",
        reason: "不属于本局受理范围",
      });
      setDay("2026-03-05");
      await step(url, wc.legal, "reportToHead", staffReport, { head: CAST.head.personId });
      // Two interference records in March, both phone calls asking to lower a penalty (IF.10.1).
      for (const d of ["2026-03-10", "2026-03-12"]) {
        setDay(d);
        await recordContact(
          url,
          ifCast.handler,
          contact({ staff: COLLEAGUE.personId, employment: "established" }, { time: `${d}T09:00`, date: d }),
        );
      }
      // April: one accepted on the 1st and never transferred (due the 3rd: overdue by the 20th); one
      // decided on the 20th with a suspected violation (WC.10.3 涉嫌违纪违法).
      setDay("2026-04-01");
      await driveTo(url, wc, "accepted");
      setDay("2026-04-20");
      await driveTo(url, wc, "decided", { suspectedViolation: true });
    }, 240_000);

    afterAll(async () => {
      await test?.close();
    });

    it("WC.10 figures: by stage, trigger, outcome and month; time per stage; WC.10.1 met, lapsed and overdue", async () => {
      const all = await figures<WrongCaseFigures>(wc.legal, "wrongCaseStatistics", {});
      expect(all.total).toBe(4);
      const stages = Object.fromEntries(all.byStage.map((s) => [s.stage, s.count]));
      expect(stages).toMatchObject({
        received: 0,
        accepted: 1,
        transferred: 1,
        "reported-to-head": 1,
        "referral-due": 1,
        closed: 0,
      });
      expect(all.byTrigger).toEqual({ staff: 3, public: 1 });
      expect(all.byOutcome).toEqual({ open: 2, transferred: 1, decided: 0, "decided-violation": 1 });
      expect(all.byMonth).toEqual([
        { month: "2026-03", count: 2 },
        { month: "2026-04", count: 2 },
      ]);
      const time = Object.fromEntries(all.timePerStage.map((s) => [s.stage, s]));
      // Accepted: 3 days (2nd to 5th), 1 day (2nd to 3rd), 0 days (the 20th); the one of April 1st stays.
      expect(time.accepted).toEqual({ stage: "accepted", completed: 3, totalDays: 4, averageDays: 1.3 });
      expect(time.received).toMatchObject({ completed: 4, totalDays: 0 });
      expect(all.deadlines).toEqual([
        { period: "WC.10.1", met: 1, missed: 0, lapsed: 2, running: 1, overdue: 1 },
        { period: "WC.10.3", met: 0, missed: 0, lapsed: 0, running: 0, overdue: 0 },
      ]);
      expect(all.asOf).toBe("2026-04-20");

      // A quarter narrows the figures to the reports that came in within it.
      const q2 = await figures<WrongCaseFigures>(wc.head, "wrongCaseStatistics", { quarter: "2026-Q2" });
      expect(q2).toMatchObject({ total: 2, byTrigger: { staff: 2, public: 0 }, quarter: "2026-Q2" });
      expect(q2.byMonth).toEqual([{ month: "2026-04", count: 2 }]);

      // Bad periods are refused naming the field.
      for (const [input, field] of [
        [{ quarter: "2026-Q5" }, "quarter"],
        [{ quarter: "2026-Q1", from: "2026-01" }, "quarter"],
        [{ from: "2026-05", to: "2026-04" }, "to"],
      ] as const) {
        const refused = await call(url, "query", "oversight.wrongCaseStatistics", input, wc.legal);
        expect(refused.error).toMatchObject({ tag: "InvalidInput" });
        expect(refused.error?.field).toContain(field);
      }
      const byHandler = await call(url, "query", "oversight.wrongCaseStatistics", {}, ifCast.handler);
      expect(byHandler.error).toMatchObject({ code: "FORBIDDEN" });
    });

    it("the XLSX export read back with exceljs says what the statistics procedures say", async () => {
      const interference = await figures<InterferenceFigures>(wc.legal, "statistics", {});
      const wrongCases = await figures<WrongCaseFigures>(wc.legal, "wrongCaseStatistics", {});
      expect(interference.total).toBe(2);

      const res = await download(wc.legal, "/reports/statistics.xlsx");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("留痕统计报表"));
      const sheets = await readWorkbook(await res.arrayBuffer());

      expect(sheets.get("概况")?.slice(1)).toEqual([
        ["统计期间 (period)", "全部"],
        ["干预插手记录总数 (interference records)", interference.total],
        ["错案责任追究案件总数 (wrong-case proceedings)", wrongCases.total],
        ["期限统计截至 (deadlines as of)", "2026年4月20日"],
      ]);
      expect(counts(sheets.get("干预记录-记录时类别"))).toEqual(
        Object.values(interference.byRecordedCategory),
      );
      expect(sheets.get("干预记录-记录时类别")?.[1]).toEqual(["第十条第一项（IF.10.1）", 2]);
      expect(counts(sheets.get("干预记录-认定类别"))).toEqual(Object.values(interference.byFinding));
      expect(counts(sheets.get("干预记录-方式"))).toEqual(Object.values(interference.byMethod));
      expect(sheets.get("干预记录-部门")?.slice(1)).toEqual(
        interference.byDepartment.map((d) => [d.department, d.count]),
      );
      expect(sheets.get("干预记录-月份")?.slice(1)).toEqual([["2026年3月", 2]]);
      expect(counts(sheets.get("错案-阶段"))).toEqual(wrongCases.byStage.map((s) => s.count));
      expect(counts(sheets.get("错案-来源"))).toEqual(Object.values(wrongCases.byTrigger));
      expect(counts(sheets.get("错案-结果"))).toEqual(Object.values(wrongCases.byOutcome));
      expect(sheets.get("错案-月份")?.slice(1)).toEqual([
        ["2026年3月", 2],
        ["2026年4月", 2],
      ]);
      expect((sheets.get("错案-各阶段用时") ?? []).slice(1).map((r) => r.slice(1))).toEqual(
        wrongCases.timePerStage.map((s) => [s.completed, s.totalDays, s.averageDays]),
      );
      expect((sheets.get("错案-期限") ?? []).slice(1).map((r) => r.slice(1))).toEqual(
        wrongCases.deadlines.map((d) => [d.met, d.missed, d.lapsed, d.running, d.overdue]),
      );

      // The same with a bearer token, for a quarter: only what came in within it.
      const token = await call(url, "mutation", "auth.createToken", { name: "统计导出" }, wc.head);
      expect(token.error).toBeNull();
      const { token: bearer } = token.data as { token: string };
      const q2 = await fetch(new URL("/reports/statistics.xlsx?quarter=2026-Q2", url), {
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(q2.status).toBe(200);
      const q2Sheets = await readWorkbook(await q2.arrayBuffer());
      expect(q2Sheets.get("概况")?.[1]).toEqual(["统计期间 (period)", "2026年第二季度"]);
      expect(q2Sheets.get("概况")?.[3]).toEqual(["错案责任追究案件总数 (wrong-case proceedings)", 2]);
    });

    it("the CSV starts with a UTF-8 BOM and carries the same counts", async () => {
      const interference = await figures<InterferenceFigures>(wc.legal, "statistics", {});
      const res = await download(wc.legal, "/reports/statistics.csv?from=2026-03&to=2026-03");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith("\uFEFF概况\r\n")).toBe(true);
      expect(text).toContain("统计期间 (period),2026年3月至2026年3月\r\n");
      expect(text).toContain(
        `干预记录-方式\r\n方式 (method),数量 (count)\r\n口头 (oral),0\r\n电话 (phone),${interference.byMethod.phone}\r\n`,
      );
      expect(text).toContain("错案-月份\r\n收到月份 (month received),数量 (count)\r\n2026年3月,2\r\n\r\n");
    });

    it("the quarterly summary names no person and no department", async () => {
      const res = await download(wc.legal, "/reports/quarterly-summary.xlsx?quarter=2026-Q1");
      expect(res.status).toBe(200);
      const sheets = await readWorkbook(await res.arrayBuffer());
      expect(sheets.has("干预记录-部门")).toBe(false);
      expect(sheets.get("干预记录-月份")?.slice(1)).toEqual([["2026年3月", 2]]);
      const cells = JSON.stringify([...sheets.values()]);
      for (const secret of [
        COLLEAGUE.name,
        COLLEAGUE.department,
        "王办案",
        "执法一科",
        "person-",
        "区人力资源和社会保障局",
      ]) {
        expect(cells).not.toContain(secret);
      }
      const csv = await download(wc.legal, "/reports/quarterly-summary.csv?quarter=2026-Q1");
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).not.toContain("执法一科");
      expect(text).toContain("2026年第一季度");
    });

    it("refuses callers the statistics do not admit, and bad parameters naming the field", async () => {
      expect((await download(null, "/reports/statistics.xlsx")).status).toBe(401);
      const handler = await download(ifCast.handler, "/reports/statistics.xlsx");
      expect(handler.status).toBe(403);
      expect(((await handler.json()) as { error: { data: { tag: string } } }).error.data.tag).toBe(
        "Forbidden",
      );
      // The judicial supervision reads its channel's interference figures, and no wrong-case sheets.
      const judicial = await download(ifCast.judicial, "/reports/statistics.xlsx");
      expect(judicial.status).toBe(200);
      const sheets = await readWorkbook(await judicial.arrayBuffer());
      expect([...sheets.keys()].some((name) => name.startsWith("错案"))).toBe(false);

      for (const [path, field] of [
        ["/reports/quarterly-summary.xlsx", "quarter"],
        ["/reports/statistics.csv?quarter=2026-Q9", "quarter"],
        ["/reports/statistics.csv?quarter=2026-Q1&to=2026-02", "quarter"],
        ["/reports/statistics.csv?from=2026-13", "from"],
        ["/reports/statistics.csv?month=2026-01", "month"],
      ] as const) {
        const res = await download(wc.legal, path);
        expect(res.status, path).toBe(400);
        const body = (await res.json()) as { error: { data: { tag: string; field: ReadonlyArray<string> } } };
        expect(body.error.data.tag).toBe("InvalidInput");
        expect(body.error.data.field).toContain(field);
      }
      expect((await download(wc.legal, "/reports/nothing.xlsx")).status).toBe(404);
    });
  },
  { timeout: 300_000 },
);
