/**
 * Official documents over HTTP, on SQLite and PostgreSQL: the party committee generates its decision
 * (WC.10.3) from a proceeding at that step; the PDF and DOCX download byte for byte to those who may read the
 * file and to no one else (need-to-know: the officer it concerns gets 404); anyone can check the verification
 * code, and a changed file does not check out; concurrent generation numbers 1, 2, 3… without a gap or a
 * repeat; a document the proceeding has not reached is refused and takes no number.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, headersOf, type SignedIn, type Speaker, signIn } from "./support/http.js";
import { liuhenCli } from "./support/liuhen-cli.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { assembleCast, type Cast, driveTo, staffAccount } from "./support/wrong-case-driver.js";

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Generated {
  readonly number: string;
  readonly verificationCode: string;
  readonly files: ReadonlyArray<{
    readonly format: "pdf" | "docx";
    readonly sha256: string;
    readonly path: string;
  }>;
}

describeOnDatabases("documents issued from a proceeding (WC.10.3 处理决定)", (database) => {
  let test: TestServer;
  let url: string;
  let cast: Cast;
  let officer: SignedIn;
  const ADDRESS = "198.51.100.41";

  beforeAll(async () => {
    test = await startTestServer({}, { database });
    url = test.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
    cast = await assembleCast(url, root, ADDRESS);
    officer = await staffAccount(
      url,
      root,
      { username: "officer-d", personId: "person-officer-d", roles: ["handler", "committee"] },
      ADDRESS,
    );
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  const download = async (who: Speaker, path: string) => {
    const res = await fetch(new URL(path, url), { headers: headersOf(who) });
    return {
      status: res.status,
      bytes: new Uint8Array(await res.arrayBuffer()),
      type: res.headers.get("content-type"),
    };
  };

  const generate = (who: SignedIn, proceedingId: string, kind = "committee-decision") =>
    call(
      url,
      "mutation",
      "documents.generate",
      { proceeding: { kind: "wrong-case", id: proceedingId }, kind },
      who,
    );

  it("the committee's decision downloads as PDF and DOCX to readers of the file, never to its subject", async () => {
    const at = await driveTo(url, cast, "decided", { officers: ["person-officer-d"] });
    const answer = await generate(cast.committee, at.proceedingId);
    expect(answer.error).toBeNull();
    const issued = answer.data as Generated;
    expect(issued.number).toMatch(/^黔江市监党决〔\d{4}〕[1-9]\d*号$/u);
    const pdf = issued.files.find((f) => f.format === "pdf");
    const docx = issued.files.find((f) => f.format === "docx");
    if (pdf === undefined || docx === undefined) throw new Error("both files are issued");
    const got = await download(cast.legal, pdf.path);
    expect(got.status).toBe(200);
    expect(got.type).toBe("application/pdf");
    expect(sha256Of(got.bytes)).toBe(pdf.sha256);
    expect(Buffer.from(got.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const word = await download(cast.committee, docx.path);
    expect(word.status).toBe(200);
    expect(sha256Of(word.bytes)).toBe(docx.sha256);
    // The officer the decision concerns holds the committee's role, and still may not read the file.
    expect((await download(officer, pdf.path)).status).toBe(404);
    expect((await download({}, pdf.path)).status).toBe(401);

    const listed = await call(
      url,
      "query",
      "documents.list",
      { proceeding: { kind: "wrong-case", id: at.proceedingId } },
      cast.legal,
    );
    expect(listed.error).toBeNull();
    expect((listed.data as ReadonlyArray<{ number: string }>).map((d) => d.number)).toEqual([issued.number]);

    // Anyone checks the code as printed (typed in lower case, say); the file's hash matches, a changed one not.
    const typed = issued.verificationCode.toLowerCase();
    const checked = await call(url, "query", "documents.verify", { code: typed, sha256: pdf.sha256 });
    expect(checked.error).toBeNull();
    expect(checked.data).toMatchObject({
      found: true,
      documents: [{ number: issued.number, fileMatches: true }],
    });
    const changed = new Uint8Array(got.bytes);
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    const refuted = await call(url, "query", "documents.verify", { code: typed, sha256: sha256Of(changed) });
    expect(refuted.data).toMatchObject({ found: true, documents: [{ fileMatches: false }] });
    // The same check from the terminal: `liuhen verify-doc CODE FILE`, exit 0 for the file issued, 2 changed.
    const dir = mkdtempSync(join(tmpdir(), "liuhen-verify-doc-"));
    writeFileSync(join(dir, "issued.pdf"), got.bytes);
    writeFileSync(join(dir, "changed.pdf"), changed);
    const good = await liuhenCli([
      "verify-doc",
      issued.verificationCode,
      join(dir, "issued.pdf"),
      "--server",
      url,
    ]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain(issued.number);
    const altered = await liuhenCli([
      "verify-doc",
      issued.verificationCode,
      join(dir, "changed.pdf"),
      "--server",
      url,
    ]);
    expect(altered.status).toBe(2);
    expect(altered.stdout).toContain("文件与登记不符");
    const unknown = await call(url, "query", "documents.verify", { code: "0000-0000-0000" });
    expect(unknown.data).toMatchObject({ found: false, documents: [] });
    const bad = await call(url, "query", "documents.verify", { code: "not a code" });
    expect(bad.error).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify(bad.error)).toContain("code");
  });

  it("concurrent generation neither repeats nor skips a number", async () => {
    const at = await driveTo(url, cast, "decided", { officers: ["person-officer-e"] });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => generate(cast.committee, at.proceedingId)),
    );
    for (const a of answers) expect(a.error).toBeNull();
    const serials = answers.map((a) => Number(/〕(\d+)号$/u.exec((a.data as Generated).number)?.[1]));
    const first = Math.min(...serials);
    expect([...serials].sort((x, y) => x - y)).toEqual(Array.from({ length: 5 }, (_, i) => first + i));
  });

  it("a document the proceeding has not reached is refused, and takes no number", async () => {
    const at = await driveTo(url, cast, "proposal-made", { officers: ["person-officer-f"] });
    const refused = await generate(cast.committee, at.proceedingId);
    expect(refused.error).toMatchObject({ code: "CONFLICT", tag: "DocumentNotAvailable" });
    const wrongRole = await generate(cast.investigator, at.proceedingId, "handling-proposal");
    expect(wrongRole.error).toMatchObject({ code: "FORBIDDEN" });
    const proposal = await generate(cast.legal, at.proceedingId, "handling-proposal");
    expect(proposal.error).toBeNull();
  });
});
