/**
 * Simplified Chinese by default, English at a click: the switch is a plain link that sets a cookie, so the
 * choice holds from page to page (and back), and dates follow the language (2020年12月30日 / 30 December 2020).
 */
import { formatDate } from "@liuhen/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, TEST_CASE_DAY, type TestServer } from "../../server/test/support/test-server.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  open,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { AGENCY, call } from "./support/staff.js";

describeInBrowser("The language switch in the browser: Chinese first, English on request", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("switches every page to English and back to Chinese", async () => {
    // A browser that prefers English still starts in Chinese: the bureau's language comes first.
    const context = await newContext(browser, "en-GB");
    const page = await context.newPage();
    const errors = watchConsole(page);

    await open(page, `${url}/`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator("h1").textContent()).toContain("留痕");

    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${url}/`);
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("link", { name: "Send a report or complaint" }).isVisible()).toBe(true);
    await expectAccessible(page, "the home page in English");
    await screenshot(page, "home-en");

    // The choice holds on the next page, the form's labels included.
    await page.getByRole("link", { name: "Report or complain", exact: true }).click();
    await page.waitForURL(`${url}/report`);
    expect(await page.getByLabel("What you report or complain about").isVisible()).toBe(true);
    await expectAccessible(page, "the report form in English");

    // The article text stays as issued, in Chinese, marked as such.
    await open(page, `${url}/articles/WC.10.1`);
    expect(await page.locator(".article-text").getAttribute("lang")).toBe("zh-CN");

    // And back to Chinese, on the page the reader was on.
    await open(page, `${url}/report`);
    await page.getByRole("link", { name: "中文" }).click();
    await page.waitForURL(`${url}/report`);
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.getByLabel("举报或投诉的事项").isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("in English, the API's refusals and the dates are English too (30 December 2020, not 2020年12月30日)", async () => {
    const submitted = await call(url, "mutation", "intake.submit", {
      agency: AGENCY,
      allegation: "执法人员未出示证件。",
    });
    const { receiptCode } = submitted.data as { receiptCode: string };
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, `${url}/status?lang=en`);
    await page.waitForURL(`${url}/status`);
    expect(await page.locator("h1").textContent()).toBe("Check a report");

    // An unknown code: the API's refusal in English.
    await page.getByLabel("Receipt code").fill("UNKNOWN-CODE");
    await page.getByRole("button", { name: "Look up" }).click();
    await page.locator(".form-error").waitFor();
    expect(await page.locator(".form-error").textContent()).not.toMatch(/[\u4e00-\u9fff]/);

    // The real one: the stage and the day received in English.
    await page.getByLabel("Receipt code").fill(receiptCode);
    await page.getByRole("button", { name: "Look up" }).click();
    await page.getByTestId("report-stage").waitFor();
    expect(await page.getByTestId("report-stage").textContent()).toBe("received, awaiting acceptance");
    expect(await page.locator("dl.facts").textContent()).toContain(formatDate(TEST_CASE_DAY, "en"));
    await expectAccessible(page, "the status in English");
    await context.close();
  });
});
