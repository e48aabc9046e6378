/**
 * IF.10 ……应按人事管理权限并报经批准后予以通报 in a real browser: a record found to be interference waits for
 * the head's approval; the head, who the lead went to (IF.4), reads the record among theirs and approves
 * the notification on its page, with the authority it rests on. The steps before (handler, legal section,
 * investigator) are taken over the API by the server's test driver.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn } from "../../server/test/support/http.js";
import {
  assembleInterferenceCast,
  contact,
  IF_CAST,
  type InterferenceCast,
  ifStep,
  recordContact,
  registerPerson,
} from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import { CAST_PASSWORD } from "../../server/test/support/wrong-case-driver.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { signInAs } from "./support/sign-in.js";

const COLLEAGUE = {
  username: "",
  personId: "person-web-approval-colleague",
  name: "孙某某",
  department: "执法二科",
  roles: [],
} as const;

describeInBrowser("The head approves a notification in the browser (IF.10)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: InterferenceCast;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, COLLEAGUE);
    cast = await assembleInterferenceCast(url, root, "198.18.0.41");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("IF.10: a finding of interference waits for the head, who approves it with its authority", async () => {
    const made = await recordContact(
      url,
      cast.handler,
      contact({ staff: COLLEAGUE.personId, employment: "established" }),
    );
    let position = await ifStep(url, cast.handler, "reportToLegalSection", made);
    position = await ifStep(url, cast.legal, "review", position);
    position = await ifStep(url, cast.legal, "leadToHead", position, {
      head: IF_CAST.head.personId,
      lead: "来电要求从轻处罚，涉嫌超越职权下达降格处罚指示",
    });
    position = await ifStep(url, cast.head, "openInvestigation", position, {
      investigators: [IF_CAST.investigator.personId],
    });
    position = await ifStep(url, cast.investigator, "noteInvestigation", position, {
      note: "询问当事人，调取通话记录",
    });
    position = await ifStep(url, cast.legal, "findInterference", position, {
      categories: ["IF.10.1"],
      reasons: "超越职权要求降格处罚",
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, IF_CAST.head.username, CAST_PASSWORD);
    await page.getByRole("navigation").getByRole("link", { name: "干预记录", exact: true }).click();
    await page.waitForURL(`${url}/records`);
    expect(await page.getByTestId("records").textContent()).toContain("认定为干预办案，通报待批准");
    await page.getByRole("link", { name: position.recordId }).click();
    await page.waitForURL(`${url}/records/${encodeURIComponent(position.recordId)}`);
    expect(await page.getByTestId("record-stage").textContent()).toBe("认定为干预办案，通报待批准");
    expect(await page.getByTestId("elements").textContent()).toContain(COLLEAGUE.name);

    // Without the authority it rests on, the approval is refused beside the field; nothing recorded.
    await page.getByLabel("批准依据（人事管理权限）").fill("   ");
    await page.getByRole("button", { name: "批准通报" }).click();
    await page.locator("#authority-error").waitFor();
    expect(await page.getByTestId("record-stage").textContent()).toBe("认定为干预办案，通报待批准");
    await expectAccessible(page, "the approval with a refusal");

    await page.getByLabel("批准依据（人事管理权限）").fill("局党组人事管理权限");
    await page.getByRole("button", { name: "批准通报" }).click();
    await expect.poll(() => page.getByTestId("record-stage").textContent()).toBe("通报已批准，待通报");
    expect(await page.getByTestId("history").textContent()).toContain("批准通报");
    expect(await page.getByRole("button", { name: "批准通报" }).count()).toBe(0);
    await expectAccessible(page, "an approved record");
    await screenshot(page, "record-head-approved");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("IF.4: the legal section reads its queue and the figures by category, month and department, in print too", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, IF_CAST.legal.username, CAST_PASSWORD);
    await page.getByRole("navigation").getByRole("link", { name: "干预记录", exact: true }).click();
    await page.waitForURL(`${url}/records`);
    expect(await page.getByTestId("records").textContent()).toContain("通报已批准");
    await expectAccessible(page, "the legal section's records");

    await page.getByRole("link", { name: "统计" }).click();
    await page.waitForURL(`${url}/statistics`);
    expect(await page.getByTestId("records-total").textContent()).toBe("共 1 件。");
    const byCategory = page.getByTestId("by-category");
    const row = byCategory.getByRole("row", { name: /IF\.10\.1/ });
    expect(await row.getByRole("cell").first().textContent()).toBe("1");
    expect(await byCategory.getByRole("link", { name: "IF.10.1" }).count()).toBe(1);
    expect(await page.getByTestId("by-department").textContent()).toContain("执法一科");
    expect(await page.getByTestId("by-month").textContent()).toMatch(/\d{4}年\d{1,2}月/);
    // The legal section reads the wrong-case figures too.
    expect(await page.getByTestId("wrong-cases-total").textContent()).toBe("共 0 件。");
    await expectAccessible(page, "the statistics");
    await screenshot(page, "statistics");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await byCategory.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    expect(errors).toEqual([]);
    await context.close();
  });
});
