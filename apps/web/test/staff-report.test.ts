/**
 * WC.10.1 对行政执法人员的过错行为，任何人均有权举报、投诉, by a member of staff in a real browser: a handler
 * reports an officer's conduct from the proceedings list; a report without its allegation is refused beside
 * that field with what was chosen kept and nothing stored; the report sent is then in the handler's list.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "../../server/test/support/http.js";
import { registerPerson } from "../../server/test/support/interference-driver.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import { assembleCast, CAST, CAST_PASSWORD, type Cast } from "../../server/test/support/wrong-case-driver.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { signInAs } from "./support/sign-in.js";

const OFFICER = {
  username: "",
  personId: "person-web-reported-officer",
  name: "周执法",
  department: "执法一科",
  roles: [],
} as const;

describeInBrowser("A handler reports an officer's conduct in the browser (WC.10.1)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: Cast;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root: SignedIn = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, OFFICER);
    cast = await assembleCast(url, root, "198.18.0.61");
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("WC.10.1: refused beside the allegation with the officer kept, then sent and in the handler's list", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, CAST.reporter.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "错案责任倒查" }).click();
    await page.waitForURL(`${url}/cases`);
    await page.getByRole("link", { name: "举报执法人员过错行为" }).click();
    await page.waitForURL(`${url}/cases/report`);
    await expectAccessible(page, "the staff report form");

    // Without an allegation: the API's refusal beside that field, the officer still chosen, nothing stored.
    const before = await server.count("events");
    await page.getByLabel("周执法（执法一科）").check();
    await page.getByRole("button", { name: "提交举报" }).click();
    const refusal = page.locator("#allegation-error");
    await refusal.waitFor();
    expect((await refusal.textContent())?.trim()).not.toBe("");
    expect(await page.getByLabel("举报事项").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("周执法（执法一科）").isChecked()).toBe(true);
    expect(await server.count("events")).toBe(before);
    await expectAccessible(page, "the staff report form refused");
    await screenshot(page, "staff-report-refused");

    await page.getByLabel("举报事项").fill("黔江市监处罚〔2026〕15号案中未出示执法证即作出处罚");
    await page.getByRole("button", { name: "提交举报" }).click();
    await page.waitForURL(/\/cases\?reported=/);
    const proceedingId = new URL(page.url()).searchParams.get("reported") ?? "";
    expect(proceedingId).toMatch(/^WC-\d{4}-/);
    expect(await page.getByTestId("reported").textContent()).toContain(proceedingId);
    expect(await page.getByTestId("proceedings").textContent()).toContain(proceedingId);
    await expectAccessible(page, "the handler's list after reporting");
    await screenshot(page, "staff-reported");

    // As stored: the handler's report naming the officer, with its allegation.
    const file = await call(url, "query", "wrongCase.get", { proceedingId }, cast.legal);
    expect(file.error).toBeNull();
    expect(JSON.stringify(file.data)).toContain("未出示执法证");
    expect(JSON.stringify(file.data)).toContain(OFFICER.personId);
    expect(errors).toEqual([]);
    await context.close();
  });
});
