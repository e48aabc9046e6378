/**
 * IF.3 全面、如实记录 in a real browser, against the real server on a fresh SQLite file: a handler records a
 * colleague's instruction to lower a penalty — the five elements, the act, the answer and a file — while
 * the domain's categorisation (IF.10.1) shows beside the form as they type; a refused save keeps everything
 * typed and says why beside the field; the saved record, its article texts and its report to the legal
 * section (IF.3 应向区局法治科报告). The colleague it names cannot find it: not in their list, and its page
 * does not exist for them (need-to-know).
 */
import { formatDate } from "@liuhen/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "../../server/test/support/http.js";
import { IF_CAST, staffMember } from "../../server/test/support/interference-driver.js";
import {
  ADMIN,
  AGENCY,
  startTestServer,
  TEST_CASE_DAY,
  type TestServer,
} from "../../server/test/support/test-server.js";
import { CAST_PASSWORD } from "../../server/test/support/wrong-case-driver.js";
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
import { signInAs } from "./support/sign-in.js";

const COLLEAGUE = {
  username: "web-colleague",
  personId: "person-web-colleague",
  name: "孙同事",
  department: "执法二科",
  roles: ["handler"],
} as const;
const CONTENT = "来电要求对某超市一案从轻处罚，称“罚款降到五千元以下就行”。";

describeInBrowser("A handler records interference in the browser (IF.3, IF.10)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let colleague: SignedIn;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN });
    await staffMember(url, root, IF_CAST.handler, "198.18.0.21");
    await staffMember(url, root, IF_CAST.legal, "198.18.0.22");
    colleague = await staffMember(url, root, COLLEAGUE, "198.18.0.23");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("IF.3: records a contact with the live categorisation, keeps what was typed on a refusal, and reports it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);

    await page.getByRole("link", { name: "记录干预情况" }).click();
    await page.waitForURL(`${url}/records/new`);
    await page.getByTestId("preview-incomplete").waitFor();
    await expectAccessible(page, "the empty record form");

    // The five elements, the act, the answer.
    await page.getByLabel("时间").fill("2026-03-14T10:30");
    await page.getByLabel("地点").fill("执法一科办公室");
    await page.getByLabel("在册人员", { exact: true }).selectOption(COLLEAGUE.personId);
    await page.getByLabel("用工身份").selectOption("established");
    await page.getByLabel("以何种身份过问").selectOption("colleague");
    await page.getByLabel("方式").selectOption("phone");
    await page.getByLabel("内容").fill(CONTENT);
    await page.getByLabel("所涉案件").fill("黔江市监处罚〔2026〕15号");
    await page.getByLabel("指示降格行政处罚").check();
    await page.getByLabel("您的答复").fill("已当场拒绝，并告知其依照程序办理。");

    // The domain, in the browser, says what it is as soon as the act is chosen.
    await expect.poll(() => page.getByTestId("preview-finding").textContent()).toBe("属于违反规定干预办案");
    const preview = page.getByTestId("preview");
    expect(await preview.getByRole("link", { name: "IF.10.1" }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("preview-explanation").textContent()).toContain("超越职权下达指示");
    // A leader's oral guidance within their duties is another matter (IF.7): the preview follows.
    await page.getByLabel("以何种身份过问").selectOption("leader");
    await page.getByLabel("属于其履行领导、监督职责范围内").check();
    await expect.poll(() => page.getByTestId("preview-finding").textContent()).toBe("可以提出，但应记录在案");
    await page.getByLabel("属于其履行领导、监督职责范围内").uncheck();
    await page.getByLabel("以何种身份过问").selectOption("colleague");
    await expect.poll(() => page.getByTestId("preview-finding").textContent()).toBe("属于违反规定干预办案");

    // The article behind a citation of the preview.
    await preview.getByRole("link", { name: "IF.10.1" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("超越职权下达不符合法律规定的立案");
    await dialog.getByRole("button", { name: "关闭" }).click();

    await page.getByLabel("附件（书面材料、短信截图、录音等）").setInputFiles({
      name: "通话记录.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("2026-03-14 10:30 来电 13800000000"),
    });
    await expectAccessible(page, "the filled record form with its preview");
    await screenshot(page, "record-form");

    // A contact dated after the day of the record: refused beside the time, nothing typed lost.
    await page.getByLabel("时间").fill("2099-01-01T09:00");
    await page.getByRole("button", { name: "保存记录" }).click();
    await page.locator("#time-error").waitFor();
    expect(await page.getByLabel("时间").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("内容").inputValue()).toBe(CONTENT);
    expect(await page.getByLabel("地点").inputValue()).toBe("执法一科办公室");
    expect(await page.getByLabel("在册人员", { exact: true }).inputValue()).toBe(COLLEAGUE.personId);
    expect(await page.getByLabel("指示降格行政处罚").isChecked()).toBe(true);
    expect(await page.getByTestId("preview-finding").textContent()).toBe("属于违反规定干预办案");
    await expectAccessible(page, "the record form with a refusal");
    await screenshot(page, "record-form-refused");

    // Saved: the record's page, with the categorisation the server made and kept.
    await page.getByLabel("时间").fill("2026-03-14T10:30");
    await page.getByRole("button", { name: "保存记录" }).click();
    await page.waitForURL(/\/records\/[^/]+\?saved=1$/);
    const recordId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("记录已保存。");
    expect(await page.getByTestId("record-stage").textContent()).toBe("已记录");
    expect(await page.getByTestId("record-finding").textContent()).toContain("属于违反规定干预办案");
    const elements = (await page.getByTestId("elements").textContent()) ?? "";
    expect(elements).toContain("2026年3月14日 10:30");
    expect(elements).toContain(COLLEAGUE.name);
    expect(elements).toContain("电话");
    expect(elements).toContain(CONTENT);
    expect(await page.getByTestId("attachments").textContent()).toContain("通话记录.txt");
    expect(await page.locator("main").textContent()).toContain(formatDate(TEST_CASE_DAY, "zh"));
    await expectAccessible(page, "a record's page");
    await screenshot(page, "record");

    // Printing shows the record, not the page's controls.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "报告区局法治科" }).isVisible()).toBe(false);
    expect(await page.getByTestId("elements").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    // IF.3 应向区局法治科报告.
    await page.getByRole("button", { name: "报告区局法治科" }).click();
    await expect.poll(() => page.getByTestId("record-stage").textContent()).toBe("已报法治科，待检查");
    expect(await page.getByTestId("history").textContent()).toContain("报告法治科");

    // My records.
    await page.getByRole("navigation").getByRole("link", { name: "干预记录", exact: true }).click();
    await page.waitForURL(`${url}/records`);
    const list = page.getByTestId("records");
    expect(await list.textContent()).toContain(recordId);
    expect(await list.textContent()).toContain("已报法治科，待检查");
    await expectAccessible(page, "my records");
    await screenshot(page, "records");

    // The colleague it names: not in their list, and no such page for them — over the API as in the browser.
    const theirs = await call(url, "query", "interference.list", undefined, colleague);
    expect(theirs.error).toBeNull();
    expect(JSON.stringify(theirs.data)).not.toContain(recordId);
    const subject = await newContext(browser);
    const subjectPage = await subject.newPage();
    await signInAs(subjectPage, url, COLLEAGUE.username, CAST_PASSWORD);
    await open(subjectPage, `${url}/records`);
    expect(await subjectPage.locator("main").textContent()).toContain("暂无记录");
    const refused = await open(subjectPage, `${url}/records/${encodeURIComponent(recordId)}`);
    expect(refused?.status()).toBe(404);
    expect(await subjectPage.locator("main").textContent()).not.toContain(CONTENT);
    await expectAccessible(subjectPage, "a record its subject may not read");
    await subject.close();

    // The month's attestation lists the record; confirmed, it says so with the day. The protection holds.
    await page.getByRole("link", { name: "月度确认" }).click();
    await page.waitForURL(`${url}/attestation`);
    // The API's answer (interference.myProtection): protected, with the articles the domain cites.
    const protection = page.getByTestId("protection");
    expect(await protection.textContent()).toContain("您已作干预记录 1 份");
    expect(await protection.getByRole("link").allTextContents()).toEqual(["IF.9", "IF.12a"]);
    expect((await page.getByTestId("months-attested").textContent())?.trim()).toBe("您尚未作月度确认。");
    expect(await page.getByTestId("month-records").textContent()).toContain(recordId);
    expect(await page.getByTestId("attestation-state").textContent()).toContain("尚未确认");
    await expectAccessible(page, "the monthly attestation");
    await page.getByRole("button", { name: "确认以上记录完整" }).click();
    await expect
      .poll(() => page.getByTestId("attestation-state").textContent())
      .toContain(`已于${formatDate(TEST_CASE_DAY, "zh")}确认`);
    const thisMonth = TEST_CASE_DAY.slice(0, 7);
    expect((await page.getByTestId("months-attested").textContent())?.trim()).toBe(
      `您已作月度确认 1 个月，最近一次为 ${Number(thisMonth.slice(0, 4))}年${Number(thisMonth.slice(5))}月。`,
    );
    await screenshot(page, "attestation");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("IF.3: what is typed and chosen while the form's script is on its way is kept, and the preview takes it up", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);
    const slow = await openSlowly(page, `${url}/records/new`);
    await page.getByLabel("地点").fill("执法一科办公室");
    await page.getByLabel("以何种身份过问").selectOption("colleague");
    await page.getByLabel("方式").selectOption("oral");
    await page.getByLabel("打探案情").check();
    await slow.hydrate();
    expect(await page.getByLabel("地点").inputValue()).toBe("执法一科办公室");
    expect(await page.getByLabel("以何种身份过问").inputValue()).toBe("colleague");
    expect(await page.getByLabel("方式").inputValue()).toBe("oral");
    expect(await page.getByLabel("打探案情").isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId("preview-finding").textContent()).toBe("属于违反规定干预办案");
    await context.close();
  });

  it("on a phone, the form fits the screen and the preview sits below it", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      isMobile: true,
      hasTouch: true,
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);
    await open(page, `${url}/records/new`);
    await page.getByLabel("以何种身份过问").selectOption("colleague");
    await page.getByLabel("方式").selectOption("oral");
    await page.getByLabel("打探案情").check();
    await expect.poll(() => page.getByTestId("preview-finding").textContent()).toBe("属于违反规定干预办案");
    // No sideways scrolling.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await expectAccessible(page, "the record form on a phone");
    await screenshot(page, "record-form-phone");
    await context.close();
  });
});
