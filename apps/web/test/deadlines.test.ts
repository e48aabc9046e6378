/**
 * Deadlines at a glance in a real browser: the legal section sees the running WC.10.1 periods (转送 within 2
 * working days of 受理) of the proceedings it may read with their due dates in working days, the overdue one
 * first and marked, and its queue (the report still to accept, the periods overdue first); the head has the
 * deadlines page too; a handler has neither the link nor the page. The server's case clock is fixed to a day
 * of 2026, so the periods are judged the same whatever the machine's date (the calendar ends in 2026).
 */
import { CaseClock } from "@liuhen/api";
import { formatDate } from "@liuhen/domain";
import { Effect, Ref } from "effect";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "../../server/test/support/http.js";
import { registerPerson } from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import {
  assembleCast,
  CAST,
  CAST_PASSWORD,
  type Cast,
  type Position,
  step,
} from "../../server/test/support/wrong-case-driver.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  open,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { signInAs } from "./support/sign-in.js";

const OFFICER = {
  username: "",
  personId: "person-web-deadline-officer",
  name: "周执法",
  department: "执法一科",
  roles: [],
} as const;

// A Monday: the report accepted today is due on Wednesday 2026年3月18日.
const TODAY = "2026-03-16";

describeInBrowser("Deadlines at a glance in the browser (WC.10.1)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: Cast;
  let late: Position;
  let fresh: Position;
  let waiting: Position;

  const reportedAndAccepted = async (date: string | undefined): Promise<Position> => {
    const reported = await call(
      url,
      "mutation",
      "wrongCase.report",
      { officers: [OFFICER.personId], allegation: "行政处罚决定书认定事实错误", ...(date ? { date } : {}) },
      cast.reporter,
    );
    expect(reported.error).toBeNull();
    return step(url, cast.legal, "accept", reported.data as Position, date ? { date } : {});
  };

  beforeAll(async () => {
    server = await startTestServer({}, { caseClock: CaseClock.fixed(Effect.runSync(Ref.make(TODAY))) });
    url = server.server.url;
    const root: SignedIn = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, OFFICER);
    cast = await assembleCast(url, root, "198.18.0.91");
    // Accepted on 2026年1月5日 (a Monday): due two working days later, long past.
    late = await reportedAndAccepted("2026-01-05");
    fresh = await reportedAndAccepted(undefined);
    const received = await call(
      url,
      "mutation",
      "wrongCase.report",
      { officers: [OFFICER.personId], allegation: "未出示执法证即作出处罚" },
      cast.reporter,
    );
    expect(received.error).toBeNull();
    waiting = received.data as Position;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the legal section sees the overdue period first and marked, with its due date and citation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, CAST.legal.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "期限一览" }).click();
    await page.waitForURL(`${url}/deadlines`);
    const rows = page.getByTestId("deadlines").locator("tbody tr");
    expect(await rows.count()).toBe(2);
    const first = rows.nth(0);
    expect(await first.textContent()).toContain(late.proceedingId);
    expect(await first.getAttribute("data-overdue")).toBe("true");
    expect(await first.textContent()).toContain("2026年1月7日");
    // 44 working days after 1月7日 (the Spring Festival holidays not counted).
    expect(await first.textContent()).toContain("已逾期 44 个工作日");
    expect(await first.getByRole("link", { name: "WC.10.1" }).count()).toBe(1);
    const second = rows.nth(1);
    expect(await second.textContent()).toContain(fresh.proceedingId);
    expect(await second.getAttribute("data-overdue")).toBeNull();
    expect(await second.textContent()).toContain(formatDate(TODAY, "zh"));
    expect(await second.textContent()).toContain("2026年3月18日");
    expect(await second.textContent()).toContain("尚余 2 个工作日");
    expect(await second.textContent()).not.toContain("已逾期");
    expect(await page.getByTestId("judged-on").textContent()).toContain("2026年3月16日");
    await expectAccessible(page, "deadlines at a glance");
    await screenshot(page, "deadlines");
    // Printed: the table, not the page's controls.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
    expect(await page.getByTestId("deadlines").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the legal section's queue: the report to accept, and the running periods overdue first", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, CAST.legal.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "待办" }).click();
    await page.waitForURL(`${url}/queue`);
    expect(await page.getByTestId("queue-to-accept").textContent()).toContain(waiting.proceedingId);
    const periods = page.getByTestId("queue-periods").locator("li");
    expect(await periods.nth(0).textContent()).toContain(late.proceedingId);
    expect(await periods.nth(0).textContent()).toContain("已逾期 44 个工作日");
    expect(await periods.nth(1).textContent()).toContain(fresh.proceedingId);
    expect(await page.getByTestId("queue-to-review").textContent()).toContain("暂无");
    await expectAccessible(page, "the legal section's queue");
    await screenshot(page, "queue");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the head has the page; a handler has neither the link nor the page", async () => {
    const headContext = await newContext(browser);
    const head = await headContext.newPage();
    await signInAs(head, url, CAST.head.username, CAST_PASSWORD);
    await head.getByRole("link", { name: "期限一览" }).click();
    await head.waitForURL(`${url}/deadlines`);
    expect(await head.locator("h1").textContent()).toBe("期限一览");
    await expectAccessible(head, "deadlines at a glance for the head");
    await headContext.close();

    const handlerContext = await newContext(browser);
    const handler = await handlerContext.newPage();
    await signInAs(handler, url, CAST.reporter.username, CAST_PASSWORD);
    expect(await handler.getByRole("link", { name: "期限一览" }).count()).toBe(0);
    const response = await open(handler, `${url}/deadlines`);
    expect(response?.status()).toBe(404);
    await handlerContext.close();
  });
});
