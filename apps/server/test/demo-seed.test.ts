/**
 * What a newcomer gets from `npm start`: the server binary with `--demo` on an empty data directory seeds a
 * demo agency — an account for every role, passwords printed once — and proceedings and interference
 * records at different stages,
 * each taken through the real procedures, all dated on the demo's fixed day whatever the machine's date; a
 * second start seeds nothing and keeps what is there.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROLES } from "@liuhen/domain";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_DAY } from "../src/demo/demo-day.js";
import { call, signIn } from "./support/http.js";

const main = join(createRequire(import.meta.url).resolve("@liuhen/server"), "..", "main.js");
const dataDir = mkdtempSync(join(tmpdir(), "liuhen-demo-"));

interface Started {
  readonly url: string;
  readonly output: () => string;
  readonly stop: () => Promise<number | null>;
}

/** `node dist/main.js --demo` on a free port, until it says where it listens. */
const startMain = (): Promise<Started> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, "--demo"], {
      env: { ...process.env, PORT: "0", LIUHEN_DATA_DIR: dataDir },
    });
    let stdout = "";
    const exited = new Promise<number | null>((done) => child.on("close", done));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /"message":"listening".*?"port":(\d+)/.exec(stdout);
      if (listening !== null) {
        // The greeting follows the listening line; give it a moment to arrive.
        setTimeout(
          () =>
            resolve({
              url: `http://127.0.0.1:${listening[1]}`,
              output: () => stdout,
              stop: () => {
                child.kill("SIGTERM");
                return exited;
              },
            }),
          500,
        );
      }
    });
    child.on("error", reject);
    exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${stdout}`)));
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const passwordsIn = (output: string): Map<string, string> =>
  new Map(
    [...output.matchAll(/^ {2}(\S+)\s+(\S{16,})\s{3}/gm)].map((m) => [m[1] ?? "", m[2] ?? ""] as const),
  );

describe("npm start: the demo agency", { timeout: 120_000 }, () => {
  it("seeds an account for every role, prints each password once, and proceedings at every stage", async () => {
    const server = await startMain();
    try {
      const output = server.output();
      expect(output).toContain("演示账号");
      const passwords = passwordsIn(output);
      expect(passwords.size).toBe(9);

      const roles = new Set<string>();
      for (const [username, password] of passwords) {
        const me = await signIn(server.url, { agency: "qianjiang-msa", username, password });
        const who = await call(server.url, "query", "auth.me", undefined, me);
        for (const role of (who.data as { roles: string[] }).roles) roles.add(role);
      }
      expect([...roles].sort()).toEqual([...ROLES].sort());

      const legal = await signIn(server.url, {
        agency: "qianjiang-msa",
        username: "fazhi",
        password: passwords.get("fazhi") ?? "",
      });
      const list = (await call(server.url, "query", "wrongCase.list", undefined, legal)).data as Array<{
        stage: string;
        receivedOn: string | null;
      }>;
      // The demo runs on its own day, so it seeds the same proceedings on any date (demo-day.ts).
      expect(output).toContain("demo day: 2026年11月27日");
      expect(new Set(list.map((p) => p.receivedOn))).toEqual(new Set([DEMO_DAY]));
      expect(new Set(list.map((p) => p.stage))).toEqual(
        new Set([
          "received",
          "accepted",
          "investigating",
          "proposal-made",
          "reinvestigation-ordered",
          "notified",
          "closed",
        ]),
      );

      // Interference records at every stage the legal section handles; the one about the head only the
      // district judicial-supervision channel reads (IF.3).
      const records = (await call(server.url, "query", "interference.list", undefined, legal)).data as Array<{
        stage: string;
      }>;
      expect(new Set(records.map((r) => r.stage))).toEqual(
        new Set([
          "recorded",
          "reported-to-legal-section",
          "checked",
          "lead-reported",
          "investigating",
          "interference-found",
          "approved",
          "notified",
          "referred",
          "closed",
          "legitimate",
          "handed-over",
        ]),
      );
      const judicial = await signIn(server.url, {
        agency: "qianjiang-msa",
        username: "sifa",
        password: passwords.get("sifa") ?? "",
      });
      const routed = (await call(server.url, "query", "interference.list", undefined, judicial))
        .data as Array<{
        stage: string;
      }>;
      expect(routed.map((r) => r.stage)).toEqual(["reported-to-judicial-supervision"]);

      // The public report's receipt code, printed once, reads its status.
      const code = /receipt code: (\S+)/.exec(output)?.[1] ?? "";
      const status = await call(server.url, "query", "intake.status", {
        agency: "qianjiang-msa",
        receiptCode: code,
      });
      expect(status.data).toMatchObject({ stage: { key: "received" } });

      // The officer the demo's reports name reads none of them, but sees the decision made known to him.
      const officer = await signIn(server.url, {
        agency: "qianjiang-msa",
        username: "zhangwei",
        password: passwords.get("zhangwei") ?? "",
      });
      expect((await call(server.url, "query", "wrongCase.list", undefined, officer)).data).toEqual([]);
      expect((await call(server.url, "query", "wrongCase.myNotices", undefined, officer)).data).toHaveLength(
        1,
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("seeds nothing on the next start and keeps what the first made", async () => {
    const server = await startMain();
    try {
      expect(server.output()).not.toContain("演示账号");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
