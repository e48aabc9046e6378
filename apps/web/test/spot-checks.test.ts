/**
 * IF.4 抽查 in a real browser, by the legal section: a spot check whose period ends before it starts is refused
 * beside the end with nothing stored; one committed, then drawn, its sample recomputed from the log, the
 * record drawn marked as checked, and the handler drawn checked with what was found (a check with no note
 * refused beside the note, the finding chosen kept). A handler has neither the link nor the page.
 */
import { formatDate } from "@liuhen/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, signIn } from "../../server/test/support/http.js";
import {
  assembleInterferenceCast,
  contact,
  IF_CAST,
  type InterferenceCast,
  ifStep,
  type RecordPosition,
  recordContact,
  registerPerson,
} from "../../server/test/support/interference-driver.js";
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
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { signInAs } from "./support/sign-in.js";

const COLLEAGUE = {
  username: "",
  personId: "person-web-spot-colleague",
  name: "孙某某",
  department: "执法二科",
  roles: [],
} as const;

describeInBrowser("Spot checks in the browser (IF.4 抽查)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;
  let cast: InterferenceCast;
  let reported: RecordPosition;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN });
    await registerPerson(url, root, COLLEAGUE);
    cast = await assembleInterferenceCast(url, root, "198.18.0.95");
    const made = await recordContact(
      url,
      cast.handler,
      contact({ staff: COLLEAGUE.personId, employment: "established" }),
    );
    reported = await ifStep(url, cast.handler, "reportToLegalSection", made);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("IF.4: refused beside the end of the period, then committed, drawn, recomputed, record and handler checked", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, IF_CAST.legal.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "抽查", exact: true }).click();
    await page.waitForURL(`${url}/spot-checks`);
    await expectAccessible(page, "the spot checks with none yet");

    const before = await server.count("events");
    await page.getByLabel("记录期间自").fill("2026-06-01");
    await page.getByLabel("至", { exact: true }).fill("2026-01-01");
    await page.getByLabel("抽取记录数").fill("1");
    // The cast's one handler: the sample holds them whatever the seed.
    await page.getByLabel("抽取办案人员数").fill("1");
    await page.getByRole("button", { name: "登记抽查" }).click();
    await page.locator("#to-error").waitFor();
    expect(await page.getByLabel("至", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("记录期间自").inputValue()).toBe("2026-06-01");
    expect(await page.getByLabel("抽取记录数").inputValue()).toBe("1");
    expect(await server.count("events")).toBe(before);
    await expectAccessible(page, "the spot check form refused");

    await page.getByLabel("记录期间自").fill("2026-01-01");
    await page.getByLabel("至", { exact: true }).fill(TEST_CASE_DAY);
    await page.getByRole("button", { name: "登记抽查" }).click();
    await page.waitForURL(/\/spot-checks\/[^/]+$/);
    expect(await page.getByTestId("spot-check").textContent()).toContain("记录 1 件");
    expect(await page.getByTestId("spot-check").textContent()).toContain("2026年1月1日");
    await page.getByRole("button", { name: "抽取样本" }).click();
    await page.getByTestId("verification").waitFor();
    expect(await page.getByTestId("verification").textContent()).toContain("样本可重现");
    const sampled = page.getByTestId("sampled-records");
    expect(await sampled.textContent()).toContain(reported.recordId);
    await expectAccessible(page, "a drawn spot check");
    await screenshot(page, "spot-check");

    await sampled.getByRole("button", { name: "记为已检查" }).click();
    await expect
      .poll(async () => (await sampled.textContent()) ?? "")
      .toContain(`已于 ${formatDate(TEST_CASE_DAY, "zh")} 检查`);

    // IF.4 检查 of the handler drawn: no note is refused beside the note, the finding chosen still chosen.
    const handlers = page.getByTestId("sampled-handlers");
    const checkForm = handlers.getByRole("form", { name: `检查 ${IF_CAST.handler.name}` });
    await checkForm.getByLabel("未发现问题").check();
    const beforeCheck = await server.count("events");
    await checkForm.getByRole("button", { name: "记录检查结果" }).click();
    await page.locator("#handler-0-note-error").waitFor();
    expect(await page.locator("#handler-0-note-error").textContent()).toBe("请填写此项");
    expect(await checkForm.getByLabel("检查情况").getAttribute("aria-invalid")).toBe("true");
    expect(await checkForm.getByLabel("未发现问题").isChecked()).toBe(true);
    expect(await server.count("events")).toBe(beforeCheck);
    await expectAccessible(page, "a handler's check refused");
    await screenshot(page, "spot-check-handler-refused");

    await checkForm.getByLabel("检查情况").fill("查阅其本期办理的 3 件案件，未发现应记录而未记录的情况。");
    await checkForm.getByRole("button", { name: "记录检查结果" }).click();
    await expect
      .poll(async () => (await handlers.textContent()) ?? "")
      .toContain("未发现应记录而未记录的情况");
    expect(await handlers.textContent()).toContain(
      `${IF_CAST.handler.name} · 已于 ${formatDate(TEST_CASE_DAY, "zh")} 检查`,
    );
    const drawId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    const answer = await call(url, "query", "oversight.spotCheck", { drawId }, cast.legal);
    const drawn = (answer.data as { sample: { handlers: ReadonlyArray<unknown> } }).sample.handlers;
    expect(drawn).toEqual([
      {
        id: IF_CAST.handler.personId,
        position: 1,
        check: expect.objectContaining({
          by: IF_CAST.legal.personId,
          outcome: "no-issue",
          note: "查阅其本期办理的 3 件案件，未发现应记录而未记录的情况。",
        }),
      },
    ]);

    await page.locator("main").getByRole("link", { name: "抽查", exact: true }).click();
    await page.waitForURL(`${url}/spot-checks`);
    expect(await page.getByTestId("spot-checks").textContent()).toContain("已抽取");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a handler has neither the link nor the page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);
    expect(await page.getByRole("link", { name: "抽查", exact: true }).count()).toBe(0);
    const response = await open(page, `${url}/spot-checks`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
