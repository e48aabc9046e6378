/**
 * A real browser for the page tests: Debian's Chromium (`apt-get install -y chromium`, which .ci/run does)
 * driven by playwright-core; never a browser download. Playwright gives each launch a fresh profile
 * directory of its own. Where there is no Chromium the browser suites are skipped with the reason in their
 * title, except under CI (CI=true), where they fail.
 *
 * Every page a test visits is checked with axe-core (no serious or critical violation), and the main pages
 * are photographed into test/screenshots/.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page, type Response } from "playwright-core";
import { describe, expect } from "vitest";

export const CHROMIUM = process.env.LIUHEN_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const absent = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
if (absent !== null && process.env.CI === "true") {
  throw new Error(`CI=true and ${absent}: the browser suites must run in CI`);
}

/** A suite that needs the browser: skipped, saying why, where there is none (outside CI). */
export const describeInBrowser = (title: string, body: () => void): void => {
  if (absent === null) describe(title, body);
  else describe.skip(`${title}: skipped, ${absent}`, body);
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

/**
 * A fresh context (no cookies) with the size the screenshots are taken at; `javaScriptEnabled: false` for a
 * reader whose browser runs no scripts. A step may wait a minute: the machine's two cores are shared with
 * every other workspace's tests.
 */
export const newContext = async (
  browser: Browser,
  locale = "zh-CN",
  { javaScriptEnabled = true }: { readonly javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 720 },
    locale,
    timezoneId: "Asia/Shanghai",
    javaScriptEnabled,
  });
  context.setDefaultTimeout(60_000);
  if (!javaScriptEnabled) withoutScripts.add(context);
  return context;
};

const withoutScripts = new WeakSet<BrowserContext>();

/**
 * Opens a page and, where scripts run, waits until it has hydrated (the root layout marks `<html>`): a form
 * submitted before then is not yet enhanced, and a field typed into is put back only as hydration ends.
 */
export const open = async (page: Page, url: string): Promise<Response | null> => {
  const response = await page.goto(url);
  if (!withoutScripts.has(page.context()))
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
};

/**
 * Opens a page on a slow connection: its HTML (and styles) there to read and type into, its script held back
 * until `hydrate()` lets it through and waits until the page has hydrated.
 */
export const openSlowly = async (
  page: Page,
  url: string,
): Promise<{ readonly hydrate: () => Promise<void> }> => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const script = (address: URL) =>
    address.pathname.startsWith("/_app/immutable/") && address.pathname.endsWith(".js");
  await page.route(script, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return {
    hydrate: async () => {
      release();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await page.unroute(script);
    },
  };
};

/** No serious or critical accessibility violation on the page as it is now. */
export const expectAccessible = async (page: Page, what: string): Promise<void> => {
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  expect(grave, `axe on ${what}`).toEqual([]);
};

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

/** The visible part of the page, as test/screenshots/<name>.png. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: "disabled" });
};

/** What the page logs as an error or a warning (a CSP refusal, a hydration mismatch…), for the test to check. */
export const watchConsole = (page: Page): Array<string> => {
  const errors: Array<string> = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
};
