/** Signing a member of staff in through the sign-in form, as they would. */
import type { Page } from "playwright-core";

export const signInAs = async (
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> => {
  // Typed only once the page has settled: a field filled while the page is still hydrating may be lost.
  await page.goto(`${url}/login`, { waitUntil: "networkidle" });
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${url}/`);
};
