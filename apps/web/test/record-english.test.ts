/**
 * IF.3 in English: a handler who reads the pages in English records a contact, gets the API's refusal in
 * English beside the field it names (with everything typed kept and nothing stored), and saves the record —
 * with JavaScript, and again with none, where each save is a plain form post and the page the server sends.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn } from "../../server/test/support/http.js";
import { IF_CAST, staffMember } from "../../server/test/support/interference-driver.js";
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
  username: "web-en-colleague",
  personId: "person-web-en-colleague",
  name: "孙同事",
  department: "执法二科",
  roles: ["handler"],
} as const;
const CONTENT = "Phoned asking for a lighter penalty in the supermarket case.";
const CONTENT_NO_SCRIPT = "Came to the office asking for a lighter penalty in the bakery case.";

/** A colleague's phone call asking to lower a penalty, dated after the day of the record (so refused). */
const fillContact = async (
  page: Page,
  contact: { readonly place: string; readonly content: string; readonly caseRef: string },
): Promise<void> => {
  await page.getByLabel("Time").fill("2099-01-01T09:00");
  await page.getByLabel("Place").fill(contact.place);
  await page.getByLabel("Member of staff", { exact: true }).selectOption(COLLEAGUE.personId);
  await page.getByLabel("Employment").selectOption("established");
  await page.getByLabel("In what capacity they acted").selectOption("colleague");
  await page.getByLabel("Method").selectOption("phone");
  await page.getByLabel("Content").fill(contact.content);
  await page.getByLabel("Case concerned").fill(contact.caseRef);
  await page.getByLabel("instruction to lower a penalty").check();
  await page.getByLabel("Your answer").fill("Refused at once.");
};

describeInBrowser("A handler records a contact with the pages in English (IF.3)", () => {
  let server: TestServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = server.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN });
    await staffMember(url, root, IF_CAST.handler, "198.18.0.71");
    await staffMember(url, root, COLLEAGUE, "198.18.0.72");
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("IF.3: refused in English beside the time, then saved", async () => {
    const context = await newContext(browser, "en-GB");
    const page = await context.newPage();
    const errors = watchConsole(page);
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "English" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("link", { name: "Record a contact" }).click();
    await page.waitForURL(`${url}/records/new`);
    await page.getByTestId("preview-incomplete").waitFor();

    await fillContact(page, { place: "Enforcement office 1", content: CONTENT, caseRef: "QJ-MSA-2026-15" });

    // A contact dated after the day of the record: refused in English beside the time; nothing stored.
    const before = await server.count("events");
    await page.getByRole("button", { name: "Save the record" }).click();
    const refusal = page.locator("#time-error");
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? "";
    expect(said).toMatch(/[A-Za-z]/);
    expect(said).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByLabel("Time").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Content").inputValue()).toBe(CONTENT);
    expect(await page.getByLabel("instruction to lower a penalty").isChecked()).toBe(true);
    expect(await server.count("events")).toBe(before);
    await expectAccessible(page, "the English record form with a refusal");
    await screenshot(page, "record-form-en-refused");

    await page.getByLabel("Time").fill("2026-03-14T10:30");
    await page.getByRole("button", { name: "Save the record" }).click();
    await page.waitForURL(/\/records\/[^/]+\?saved=1$/);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("The record has been saved.");
    expect(await page.getByTestId("elements").textContent()).toContain(CONTENT);
    await expectAccessible(page, "a record's page in English");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("IF.3: with JavaScript off, refused in English beside the time with everything kept, then saved", async () => {
    const context = await newContext(browser, "en-GB", { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, url, IF_CAST.handler.username, CAST_PASSWORD);
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("link", { name: "Record a contact" }).click();
    await page.waitForURL(`${url}/records/new`);

    await fillContact(page, {
      place: "Enforcement office 2",
      content: CONTENT_NO_SCRIPT,
      caseRef: "QJ-MSA-2026-16",
    });

    // The form posts; the page that comes back says why in English beside the time, with all typed kept.
    const before = await server.count("events");
    await page.getByRole("button", { name: "Save the record" }).click();
    const refusal = page.locator("#time-error");
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? "";
    expect(said).toMatch(/[A-Za-z]/);
    expect(said).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByLabel("Time").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Time").getAttribute("aria-describedby")).toContain("time-error");
    expect(await page.getByLabel("Time").inputValue()).toBe("2099-01-01T09:00");
    expect(await page.getByLabel("Place").inputValue()).toBe("Enforcement office 2");
    expect(await page.getByLabel("Member of staff", { exact: true }).inputValue()).toBe(COLLEAGUE.personId);
    expect(await page.getByLabel("Employment").inputValue()).toBe("established");
    expect(await page.getByLabel("In what capacity they acted").inputValue()).toBe("colleague");
    expect(await page.getByLabel("Method").inputValue()).toBe("phone");
    expect(await page.getByLabel("Content").inputValue()).toBe(CONTENT_NO_SCRIPT);
    expect(await page.getByLabel("Case concerned").inputValue()).toBe("QJ-MSA-2026-16");
    expect(await page.getByLabel("instruction to lower a penalty").isChecked()).toBe(true);
    expect(await page.getByLabel("Your answer").inputValue()).toBe("Refused at once.");
    expect(await server.count("events")).toBe(before);
    // No axe here: it runs as a script in the page. The same form refused was checked with scripts above.

    await page.getByLabel("Time").fill("2026-03-14T10:30");
    await page.getByRole("button", { name: "Save the record" }).click();
    await page.waitForURL(/\/records\/[^/]+\?saved=1$/);
    expect(await page.getByRole("status").textContent()).toBe("The record has been saved.");
    expect(await page.getByTestId("elements").textContent()).toContain(CONTENT_NO_SCRIPT);
    expect(await page.getByTestId("record-stage").textContent()).toBe("recorded");
    await context.close();
  });
});
