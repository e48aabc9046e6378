/**
 * Official documents in a real browser (issue 8), against the real server on a fresh SQLite file: the party
 * committee generates its decision (WC.10.3 处理决定) from the proceeding's documents page, which lists it
 * with its number and verification code; then anyone, signed out, checks the code and the downloaded PDF on
 * the public /verify page, and a changed file is shown not to match.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, signIn } from "../../server/test/support/http.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "../../server/test/support/test-server.js";
import {
  assembleCast,
  CAST,
  CAST_PASSWORD,
  type Cast,
  driveTo,
} from "../../server/test/support/wrong-case-driver.js";
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

describeInBrowser(
  "Official documents in the browser: generate the committee's decision, check it on /verify",
  () => {
    let server: TestServer;
    let browser: Browser;
    let url: string;
    let cast: Cast;

    beforeAll(async () => {
      server = await startTestServer();
      url = server.server.url;
      const root = await signIn(url, { agency: AGENCY, ...ADMIN }, "198.51.100.61");
      cast = await assembleCast(url, root, "198.51.100.61");
      browser = await launchBrowser();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("WC.10.3: the committee generates its decision; anyone checks the PDF by its code", async () => {
      const at = await driveTo(url, cast, "decided", { officers: ["person-officer-w"] });
      const context = await newContext(browser);
      const page = await context.newPage();
      const errors = watchConsole(page);
      await signInAs(page, url, CAST.committee.username, CAST_PASSWORD);

      await open(page, `${url}/case-documents/wrong-case/${at.proceedingId}`);
      await expectAccessible(page, "the documents page");
      await page.getByRole("button", { name: "生成 处理决定" }).click();
      const issued = page.getByTestId("issued-documents");
      await expect.poll(() => issued.textContent()).toMatch(/黔江市监党决〔\d{4}〕1号/u);
      await screenshot(page, "case-documents");
      const code = (await issued.locator("code").first().textContent()) ?? "";
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/u);

      const listed = await call(
        url,
        "query",
        "documents.list",
        { proceeding: { kind: "wrong-case", id: at.proceedingId } },
        cast.legal,
      );
      const pdfPath =
        (listed.data as Array<{ files: Array<{ format: string; path: string }> }>)[0]?.files.find(
          (f) => f.format === "pdf",
        )?.path ?? "";
      const pdf = new Uint8Array(
        await (await fetch(new URL(pdfPath, url), { headers: { cookie: cast.legal.cookie } })).arrayBuffer(),
      );
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");

      // Signed out: the public check.
      const anyone = await (await newContext(browser)).newPage();
      const anyoneErrors = watchConsole(anyone);
      await open(anyone, `${url}/verify`);
      await expectAccessible(anyone, "the verify page");
      await anyone.getByLabel("核验码").fill(code.toLowerCase());
      await anyone
        .getByLabel("公文文件（可选）")
        .setInputFiles({ name: "决定.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
      await anyone.getByRole("button", { name: "核验" }).click();
      await expect.poll(() => anyone.getByTestId("file-verdict").textContent()).toContain("文件与登记一致");
      await expect
        .poll(() => anyone.getByTestId("verify-result").textContent())
        .toContain("关于行政执法错案责任追究的处理决定");
      await screenshot(anyone, "verify-document");

      const changed = Buffer.from(pdf);
      changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 1;
      await anyone
        .getByLabel("公文文件（可选）")
        .setInputFiles({ name: "决定.pdf", mimeType: "application/pdf", buffer: changed });
      await anyone.getByRole("button", { name: "核验" }).click();
      await expect.poll(() => anyone.getByTestId("file-verdict").textContent()).toContain("文件与登记不符");
      expect([...errors, ...anyoneErrors]).toEqual([]);
    });
  },
);
