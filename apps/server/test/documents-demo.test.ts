/**
 * Issue 8's bar: every one of the seven documents can be generated for the demo data. The server binary with
 * `--demo` seeds its agency through the real procedures; each role then generates the documents of its
 * steps from the demo's proceedings and records, and each comes back numbered 〔year〕1号 of its kind.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";

const main = join(createRequire(import.meta.url).resolve("@liuhen/server"), "..", "main.js");
const dataDir = mkdtempSync(join(tmpdir(), "liuhen-demo-documents-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `node dist/main.js --demo` on a free port: its address, what it printed, and a way to stop it. */
const startDemo = () =>
  new Promise<{ url: string; output: string; stop: () => void }>((resolve, reject) => {
    const child = spawn(process.execPath, [main, "--demo"], {
      env: { ...process.env, PORT: "0", LIUHEN_DATA_DIR: dataDir },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"message":"listening".*?"port":(\d+)/u.exec(output)?.[1];
      // The passwords are printed after the listening line.
      if (port !== undefined && /演示账号[\s\S]*dangwei/u.test(output)) {
        setTimeout(
          () => resolve({ url: `http://127.0.0.1:${port}`, output, stop: () => child.kill("SIGTERM") }),
          300,
        );
      }
    });
    child.on("close", (code) => reject(new Error(`the demo server exited with ${code}:\n${output}`)));
  });

describe("the seven documents for the demo data", { timeout: 180_000 }, () => {
  it("each role generates the documents of its steps from the demo's proceedings", async () => {
    const demo = await startDemo();
    try {
      const password = (username: string) =>
        new RegExp(`^ {2}${username}\\s+(\\S{16,})\\s{3}`, "mu").exec(demo.output)?.[1] ?? "";
      const as = async (username: string): Promise<SignedIn> =>
        signIn(demo.url, { agency: "qianjiang-msa", username, password: password(username) });
      const legal = await as("fazhi");
      const committee = await as("dangwei");

      const cases = (await call(demo.url, "query", "wrongCase.list", undefined, legal)).data as Array<{
        proceedingId: string;
        stage: string;
      }>;
      const records = (await call(demo.url, "query", "interference.list", undefined, legal)).data as Array<{
        recordId: string;
        stage: string;
      }>;
      const caseAt = (stage: string) => cases.find((c) => c.stage === stage)?.proceedingId ?? "";
      const recordAt = (stage: string) => records.find((r) => r.stage === stage)?.recordId ?? "";

      const wanted: ReadonlyArray<readonly [SignedIn, string, { kind: string; id: string }]> = [
        [legal, "reporter-reply", { kind: "wrong-case", id: caseAt("closed") }],
        [legal, "transfer-letter", { kind: "wrong-case", id: caseAt("closed") }],
        [legal, "handling-proposal", { kind: "wrong-case", id: caseAt("proposal-made") }],
        [committee, "committee-decision", { kind: "wrong-case", id: caseAt("notified") }],
        [legal, "statement-notice", { kind: "wrong-case", id: caseAt("notified") }],
        [legal, "referral-letter", { kind: "interference", id: recordAt("referred") }],
        [legal, "interference-notification", { kind: "interference", id: recordAt("approved") }],
      ];
      for (const [who, kind, proceeding] of wanted) {
        const answer = await call(demo.url, "mutation", "documents.generate", { proceeding, kind }, who);
        expect(answer.error, `${kind} from ${proceeding.id}`).toBeNull();
        expect((answer.data as { number: string }).number, kind).toMatch(/^黔江市监.+〔\d{4}〕1号$/u);
      }
    } finally {
      demo.stop();
    }
  });
});
