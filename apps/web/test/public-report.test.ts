/**
 * WC.10.1 任何人均有权举报或投诉，区局法治科应当及时受理，并负责答复 — in a real browser, against the real
 * server on a fresh SQLite file: a member of the public files a report without an account, is shown the
 * receipt code once with the warning and a way to print or save it, and later, with the code, reads how far
 * the report has gone and the legal section's answer (dated 2020年12月30日-style), and writes back.
 */
import { formatDate } from "@liuhen/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, TEST_CASE_DAY, type TestServer } from "../../server/test/support/test-server.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  open,
  openSlowly,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { call, createLegalOfficer, legalOfficerSession } from "./support/staff.js";

const OFFICER = {
  username: "web-legal",
  personId: "person-web-legal",
  displayName: "王法治",
  password: "set-by-the-administrator-1",
};
const ALLEGATION = "2025年3月在城区市场检查时，执法人员未出示执法证件即扣押了我店的货物，也没有开具清单。";
const ANSWER = "您反映的问题已受理。经初步核查，我科已责成相关科室说明情况，调查结果将另行答复。";

describeInBrowser(
  "A public report in the browser (WC.10.1): report → receipt code → status with the answer",
  () => {
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

    it("WC.10.1: anyone files a report, keeps the code shown once, and reads the legal section's answer", async () => {
      const context = await newContext(browser);
      const page: Page = await context.newPage();
      const errors = watchConsole(page);

      // The home page, for the public.
      await open(page, `${url}/`);
      await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-CN");
      await expectAccessible(page, "the public home page");
      await screenshot(page, "home-public");

      // The report form; a refusal comes back beside its field in Chinese, with what was typed kept.
      await page.getByRole("link", { name: "提交举报或投诉" }).click();
      await page.waitForURL(`${url}/report`);
      await expectAccessible(page, "the report form");
      await page.getByLabel("举报或投诉的事项").fill("   ");
      await page.getByLabel("您的姓名（选填）").fill("李四");
      await page.getByLabel("联系方式（选填）").fill("13800000000");
      await page.getByRole("button", { name: "提交" }).click();
      await expect.poll(() => page.locator("#allegation-error").textContent()).toBe("请填写此项");
      expect(await page.getByLabel("您的姓名（选填）").inputValue()).toBe("李四");
      expect(await page.getByLabel("联系方式（选填）").inputValue()).toBe("13800000000");
      expect(await page.getByLabel("举报或投诉的事项").getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page, "the report form with a refusal");

      await page.getByLabel("举报或投诉的事项").fill(ALLEGATION);
      await page.getByLabel("涉及的执法人员（选填）").fill("城区所 张某");
      await screenshot(page, "report");
      await page.getByRole("button", { name: "提交" }).click();

      // The receipt: the code, once, with the warning, a print button and a file to save.
      const code = page.getByTestId("receipt-code");
      await code.waitFor();
      const receiptCode = ((await code.textContent()) ?? "").trim();
      expect(receiptCode.length).toBeGreaterThan(8);
      await expect.poll(() => page.getByRole("note").textContent()).toContain("回执码只显示这一次");
      expect(await page.getByRole("button", { name: "打印回执" }).isVisible()).toBe(true);
      const save = page.getByRole("link", { name: "保存为文件" });
      expect(await save.getAttribute("download")).toBe("留痕回执.txt");
      expect(decodeURIComponent((await save.getAttribute("href")) ?? "")).toContain(receiptCode);
      const caseNumber = ((await page.locator("dl.facts dd").first().textContent()) ?? "").trim();
      await expectAccessible(page, "the receipt");
      await screenshot(page, "receipt");

      // Printing shows the receipt and the warning, not the site's navigation.
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await code.isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "打印回执" }).isVisible()).toBe(false);
      await page.emulateMedia({ media: "screen" });

      // A reload shows the form again: the code is not shown twice.
      await open(page, `${url}/report`);
      expect(await page.getByTestId("receipt-code").count()).toBe(0);

      // The legal section accepts the report and answers the reporter (over HTTP, as the terminal UI would).
      await createLegalOfficer(url, OFFICER);
      const officer = await legalOfficerSession(url, OFFICER, "the-officers-own-passphrase");
      const version = async () => {
        const file = await call(url, "query", "wrongCase.get", { proceedingId: caseNumber }, officer);
        if (file.error !== null) throw new Error(file.body);
        return (file.data as { version: number }).version;
      };
      const accepted = await call(
        url,
        "mutation",
        "wrongCase.accept",
        { proceedingId: caseNumber, expectedVersion: await version() },
        officer,
      );
      expect(accepted.error).toBeNull();
      const answered = await call(
        url,
        "mutation",
        "wrongCase.answerReporter",
        { proceedingId: caseNumber, expectedVersion: await version(), answer: ANSWER },
        officer,
      );
      expect(answered.error).toBeNull();

      // The reporter comes back with the code: the stage, the answer in Chinese, its date as 年月日.
      await open(page, `${url}/status`);
      await expectAccessible(page, "the status look-up");
      await page.getByLabel("回执码").fill(receiptCode);
      await page.getByRole("button", { name: "查询" }).click();
      await page.getByTestId("report-stage").waitFor();
      expect(await page.getByTestId("report-stage").textContent()).toBe("已受理");
      const answers = page.getByTestId("answers");
      expect(await answers.textContent()).toContain(ANSWER);
      expect(await answers.textContent()).toContain(formatDate(TEST_CASE_DAY, "zh"));
      expect(await answers.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);

      // And writes to the legal section.
      await page.getByLabel("给法治科留言").fill("谢谢，请尽快处理。");
      await page.getByRole("button", { name: "发送留言" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toBe("留言已发送。");
      expect(await page.getByTestId("messages").textContent()).toContain("谢谢，请尽快处理。");
      expect(await page.getByLabel("给法治科留言").inputValue()).toBe("");
      await expectAccessible(page, "the status with the answer and a message");
      await screenshot(page, "status");

      // The citation opens the article's text.
      await page.getByRole("link", { name: "WC.10.1" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain("任何人均有权举报或投诉");
      await expectAccessible(page, "the article dialog");
      await screenshot(page, "article-dialog");
      await dialog.getByRole("button", { name: "关闭" }).click();
      expect(await dialog.isVisible()).toBe(false);

      // The article's own page, reached without JavaScript's help.
      await open(page, `${url}/articles/WC.10.1`);
      expect(await page.locator("main").textContent()).toContain("任何人均有权举报或投诉");
      await expectAccessible(page, "an article page");

      // A wrong code says so beside the form, and the code typed stays.
      await open(page, `${url}/status`);
      await page.getByLabel("回执码").fill("NOT-A-REAL-CODE");
      await page.getByRole("button", { name: "查询" }).click();
      await page.locator(".form-error").waitFor();
      expect(await page.getByLabel("回执码").inputValue()).toBe("NOT-A-REAL-CODE");

      expect(errors).toEqual([]);
      await context.close();
    });

    it("WC.10.1: a report typed while the page's script is still on its way is kept when the script arrives", async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const slow = await openSlowly(page, `${url}/report`);
      await page.getByLabel("举报或投诉的事项").fill(ALLEGATION);
      await page.getByLabel("您的姓名（选填）").fill("李四");
      await slow.hydrate();
      expect(await page.getByLabel("举报或投诉的事项").inputValue()).toBe(ALLEGATION);
      expect(await page.getByLabel("您的姓名（选填）").inputValue()).toBe("李四");
      await context.close();
    });
  },
);
