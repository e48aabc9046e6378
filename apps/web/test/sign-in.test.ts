/**
 * Signing in and out in a real browser against the real server: a legal officer whose account the
 * administrator made signs in, must first replace the password someone else set, then sees their
 * notifications and the wrong-case proceedings they may read, and signs out. A wrong password is refused in
 * Chinese with the username kept.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newContext,
  open,
  screenshot,
  watchConsole,
} from "./support/browser.js";
import { AGENCY, call, createLegalOfficer } from "./support/staff.js";

const OFFICER = {
  username: "web-signin-legal",
  personId: "person-web-signin-legal",
  displayName: "赵法治",
  password: "set-by-the-administrator-2",
};
const OWN_PASSWORD = "only-the-officer-knows-this";
const ALLEGATION = "执法人员在检查中态度恶劣，并要求我店停业整顿，未说明依据。";

describeInBrowser("Signing in and out in the browser: forced password change, home, sign-out", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    browser = await launchBrowser();
    await createLegalOfficer(url, OFFICER);
    // A report from the public for the list, and a notice for the officer.
    const submitted = await call(url, "mutation", "intake.submit", {
      agency: AGENCY,
      allegation: ALLEGATION,
    });
    if (submitted.error !== null) throw new Error(submitted.body);
    await server.issueNotification({ notificationId: "web-test/first-notice", recipient: OFFICER.personId });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a legal officer changes the password set for them, sees notices and the list, and signs out", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchConsole(page);

    await open(page, `${url}/login`);
    expect(await page.getByLabel("单位代码").inputValue()).toBe(AGENCY);
    await expectAccessible(page, "the sign-in form");
    await screenshot(page, "login");

    // A wrong password: refused in Chinese, the username kept, the password not.
    await page.getByLabel("用户名").fill(OFFICER.username);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.locator(".form-error").waitFor();
    expect(await page.locator(".form-error").textContent()).toContain("单位、用户名或密码错误");
    expect(await page.getByLabel("用户名").inputValue()).toBe(OFFICER.username);
    await expectAccessible(page, "the sign-in form with a refusal");

    // The password the administrator set: first of all, a new one.
    await page.getByLabel("密码").fill(OFFICER.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${url}/password`);
    expect(await page.locator("main").textContent()).toContain("您的密码由他人设置");
    // Nothing else opens until it is changed.
    await open(page, `${url}/`);
    await page.waitForURL(`${url}/password`);
    await expectAccessible(page, "the forced password change");
    await screenshot(page, "password-forced");
    // Too short a new password: the API's refusal beside it (the Field component), described by it.
    await page.getByLabel("当前密码").fill(OFFICER.password);
    await page.getByLabel("新密码").fill("short");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.locator("#newPassword-error").waitFor();
    expect(await page.getByLabel("新密码").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("新密码").getAttribute("aria-describedby")).toBe("newPassword-error");
    expect(await page.getByLabel("当前密码").getAttribute("aria-invalid")).toBeNull();
    await expectAccessible(page, "the password change refused beside the new password");
    await page.getByLabel("当前密码").fill(OFFICER.password);
    await page.getByLabel("新密码").fill(OWN_PASSWORD);
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.waitForURL(`${url}/`);

    // Home: the officer's notice and the proceeding from the public report.
    await page.getByTestId("notifications").waitFor();
    expect(await page.getByTestId("notifications").textContent()).toContain("消息");
    expect(await page.getByTestId("notifications").textContent()).toContain("2025年1月2日");
    const list = page.getByTestId("wrong-cases");
    expect(await list.textContent()).toContain("已收到举报或投诉，待受理");
    expect(await list.textContent()).toMatch(/WC-\d{4}-001/);
    expect(await page.locator("header").textContent()).toContain("当前用户：赵法治");
    await expectAccessible(page, "the signed-in home page");
    await screenshot(page, "home-legal-officer");

    // Sign out: the sign-in page, and the session is gone for the API too.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(`${url}/login`);
    expect(await page.locator("header").textContent()).not.toContain("赵法治");
    const cookies = await context.cookies(url);
    expect(cookies.find((cookie) => cookie.name === "liuhen_session")).toBeUndefined();
    await open(page, `${url}/`);
    expect(await page.getByRole("link", { name: "提交举报或投诉" }).isVisible()).toBe(true);

    // The new password is the one that works now.
    await open(page, `${url}/login`);
    await page.getByLabel("用户名").fill(OFFICER.username);
    await page.getByLabel("密码").fill(OWN_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${url}/`);
    await page.getByTestId("wrong-cases").waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it("the session cookie is HttpOnly and SameSite=Strict, and a sign-out without the CSRF token is refused", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, `${url}/login`);
    await page.getByLabel("用户名").fill(OFFICER.username);
    await page.getByLabel("密码").fill(OWN_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${url}/`);
    const session = (await context.cookies(url)).find((cookie) => cookie.name === "liuhen_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Strict");
    // Page scripts cannot read it.
    expect(await page.evaluate("document.cookie")).not.toContain("liuhen_session");

    // A sign-out form posted without the session's token: the API refuses it, the session stays.
    const refused = await page.evaluate(
      `fetch("/logout", { method: "POST", body: new FormData(), redirect: "manual" }).then((r) => r.status)`,
    );
    expect(refused).toBe(403);
    await open(page, `${url}/`);
    expect(await page.locator("header").textContent()).toContain("赵法治");
    await context.close();
  });
});
