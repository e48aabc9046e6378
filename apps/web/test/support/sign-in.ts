/** Signing a member of staff in through the sign-in form, as they would. */
import type { Page } from "playwright-core";
import { open } from "./browser.js";

export const signInAs = async (
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> => {
  await open(page, `${url}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${url}/`);
};
