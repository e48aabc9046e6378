/**
 * Notifications in a real browser: the unread count in the header for every signed-in role, the WC.10.1
 * deadline reminders (转送 within 2 working days of 受理, across the 2025 National Day holiday) and an IF.9
 * protection alert shown with their dates and citations, and a notification marked read. The deadline
 * scheduler runs its pass on a test clock; the steps before are taken over the API by the server's drivers.
 */
import { CaseClock } from "@liuhen/api";
import { Effect, Ref } from "effect";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "../../server/test/support/http.js";
import { contact, recordContact, registerPerson } from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import {
  assembleCast,
  CAST,
  CAST_PASSWORD,
  type Cast,
  driveTo,
  type Position,
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

const COLLEAGUE = {
  username: "",
  personId: "person-web-notice-colleague",
  name: "孙某某",
  department: "执法二科",
  roles: [],
} as const;

describeInBrowser("Notifications in the browser: unread count, reminders, protection alerts", () => {
  const day = Effect.runSync(Ref.make("2025-09-30"));
  const setDay = (d: string) => Effect.runSync(Ref.set(day, d));
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: Cast;
  let accepted: Position;

  beforeAll(async () => {
    server = await startTestServer({}, { caseClock: CaseClock.fixed(day) });
    url = server.server.url;
    const root: SignedIn = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, COLLEAGUE);
    await registerPerson(url, root, {
      username: "",
      personId: CAST.reporter.personId,
      name: "吴记录",
      department: "执法三科",
      roles: [],
    });
    cast = await assembleCast(url, root, "198.18.0.51");
    // Accepted on 2025年9月30日: WC.10.1 runs to 2025年10月10日 across the holiday.
    accepted = await driveTo(url, cast, "accepted");
    setDay("2025-10-09");
    await server.server.checkDeadlines();
    setDay("2025-10-11");
    await server.server.checkDeadlines();
    // IF.9: the head enters a transfer of a handler who has recorded interference; the legal section is alerted.
    await recordContact(
      url,
      cast.reporter,
      contact({ staff: COLLEAGUE.personId, employment: "established" }, { time: "2025-10-10T10:30" }),
    );
    const action = await call(
      url,
      "mutation",
      "interference.registerPersonnelAction",
      {
        personId: CAST.reporter.personId,
        kind: "transfer",
        date: "2025-10-11",
        statutoryCause: "机构改革岗位调整",
        statutoryProcedure: "经局党组会议研究决定",
      },
      cast.head,
    );
    expect(action.error).toBeNull();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = async (username: string): Promise<{ page: Page; close: () => Promise<void> }> => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, url, username, CAST_PASSWORD);
    return { page, close: () => context.close() };
  };

  it("every signed-in role sees its unread count in the header, on every page", async () => {
    for (const member of [CAST.reporter, CAST.head, CAST.investigator, CAST.committee]) {
      const { page, close } = await signedIn(member.username);
      expect(await page.getByTestId("unread-count").textContent()).toBe("未读提醒 0 条");
      await open(page, `${url}/cases`);
      expect(await page.getByTestId("unread-count").textContent()).toBe("未读提醒 0 条");
      await close();
    }
  });

  it("the legal officer reads the reminders and the alert with their dates and citations, and marks one read", async () => {
    const { page, close } = await signedIn(CAST.legal.username);
    const errors = watchConsole(page);
    await open(page, `${url}/records`);
    expect(await page.getByTestId("unread-count").textContent()).toBe("未读提醒 3 条");
    await page.getByTestId("unread-count").click();
    await page.waitForURL(`${url}/#notifications`);

    const list = page.getByTestId("notifications");
    const items = list.locator("li");
    expect(await items.count()).toBe(3);
    const overdue = items.filter({ hasText: "期限已届满" });
    const dueSoon = items.filter({ hasText: "期限即将届满" });
    const alert = items.filter({ hasText: "保护提示" });
    // The day each concerns, the period's citation and its due date, in Chinese dates.
    expect(await overdue.textContent()).toContain("2025年10月11日");
    expect(await overdue.getByTestId("due").textContent()).toBe("届满日 2025年10月10日");
    expect(await dueSoon.textContent()).toContain("2025年10月9日");
    expect(await dueSoon.getByTestId("due").textContent()).toBe("届满日 2025年10月10日");
    await expect(overdue.getByRole("link", { name: "WC.10.1" }).count()).resolves.toBe(1);
    await expect(dueSoon.getByRole("link", { name: accepted.proceedingId }).count()).resolves.toBe(1);
    // The alert: IF.9, the action and the person it concerns.
    const alertText = await alert.textContent();
    expect(alertText).toContain("2025年10月11日");
    expect(alertText).toContain("调离");
    expect(alertText).toContain(CAST.reporter.personId);
    await expectAccessible(page, "the notifications");
    await screenshot(page, "notifications");

    // A citation opens its article text.
    await alert.getByRole("link", { name: "IF.9" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("受法律和组织保护", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "关闭" }).click();

    // Marked read: it says when, and the header counts one fewer.
    await overdue.getByRole("button", { name: "标为已读" }).click();
    await page.getByRole("status").filter({ hasText: "已标为已读" }).waitFor();
    expect(await overdue.textContent()).toContain("已于 2025年10月11日 阅读");
    expect(await overdue.getByRole("button", { name: "标为已读" }).count()).toBe(0);
    expect(await page.getByTestId("unread-count").textContent()).toBe("未读提醒 2 条");
    expect(await dueSoon.getByRole("button", { name: "标为已读" }).count()).toBe(1);
    const after = await call(url, "query", "notifications.unreadCount", undefined, cast.legal);
    expect(after.data).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it("without JavaScript, marking read is a plain form post", async () => {
    const context = await newContext(browser, "zh-CN", { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, url, CAST.legal.username, CAST_PASSWORD);
    const dueSoon = page.getByTestId("notifications").locator("li").filter({ hasText: "期限即将届满" });
    await dueSoon.getByRole("button", { name: "标为已读" }).click();
    await page.getByRole("status").filter({ hasText: "已标为已读" }).waitFor();
    expect(await page.getByTestId("unread-count").textContent()).toBe("未读提醒 1 条");
    await context.close();
  });
});
