/**
 * `liuhen document` and `liuhen stats` (issue 8) as a script runs them: the real binary against the real
 * server with the demo agency, signed in through `liuhen login`. A document generated is seen through the
 * API and its files where the command said; bad input is refused (exit 2) naming the option, and nothing is
 * generated.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDate } from "@liuhen/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./support/demo-server.js";
import { liuhenAsync } from "./support/liuhen.js";
import { loginAsLegalOfficer, sessionOf } from "./support/signed-in.js";

let server: DemoServer;
let login: ReturnType<typeof loginAsLegalOfficer>;
let out: string;

const documentsOf = async (id: string) =>
  (await sessionOf(server, "fazhi")).documents.list.query({ proceeding: { kind: "wrong-case", id } });

beforeAll(async () => {
  server = await startDemoServer();
  login = loginAsLegalOfficer(server);
  out = mkdtempSync(join(tmpdir(), "liuhen-doc-cmd-"));
});
afterAll(async () => {
  await server?.close();
  if (login) rmSync(login.config, { recursive: true, force: true });
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("liuhen document", () => {
  it("refuses a directory that is not there, an unknown number and a step not reached, generating nothing", async () => {
    const missing = await liuhenAsync(
      login.env,
      "document",
      "generate",
      "handling-proposal",
      "WC-2026-004",
      "--out",
      join(out, "nope"),
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--out: 「保存目录」(directory) 不存在");
    const number = await liuhenAsync(login.env, "document", "generate", "handling-proposal", "2026-004");
    expect(number.status).toBe(2);
    expect(number.stderr).toContain("ID: 2026-004");
    const kind = await liuhenAsync(login.env, "document", "generate", "apology", "WC-2026-004", "--out", out);
    expect(kind.status).not.toBe(0);
    // WC-2026-004 was never transferred (WC.10.1): the server refuses and takes no number.
    const early = await liuhenAsync(
      login.env,
      "document",
      "generate",
      "transfer-letter",
      "WC-2026-004",
      "--out",
      out,
    );
    expect(early.status).toBe(2);
    expect(early.stderr).toContain("未生成 / not generated");
    expect(await documentsOf("WC-2026-004")).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("generates a handling proposal (WC.7) into --out and lists it with its number, date and code", async () => {
    const run = await liuhenAsync(
      login.env,
      "document",
      "generate",
      "handling-proposal",
      "WC-2026-004",
      "--out",
      out,
      "--json",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const saved = JSON.parse(run.stdout) as { number: string; verificationCode: string; paths: string[] };
    const [issued] = await documentsOf("WC-2026-004");
    expect(saved.number).toBe(issued?.number);
    expect(saved.verificationCode).toBe(issued?.verificationCode);
    expect(saved.paths).toHaveLength(2);
    for (const file of saved.paths) {
      expect(file.startsWith(out)).toBe(true);
      expect(existsSync(file)).toBe(true);
      const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
      expect(issued?.files.map((f) => f.sha256)).toContain(sha256);
    }
    const text = await liuhenAsync(login.env, "document", "list", "WC-2026-004");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `${issued?.number}\t处理建议\t${formatDate(issued?.issuedOn ?? "")}\t${issued?.verificationCode}`,
    );
    const json = await liuhenAsync(login.env, "document", "list", "WC-2026-004", "--json");
    expect((JSON.parse(json.stdout) as Array<{ number: string }>).map((d) => d.number)).toEqual([
      saved.number,
    ]);
  });
});

describe("liuhen stats", () => {
  it("prints the tables by IF.10 category, stage and deadline, or the figures as JSON", async () => {
    const text = await liuhenAsync(login.env, "stats");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("全部期间 / all time");
    expect(text.stdout).toMatch(/IF\.10\.1 超越职权下达指示\t\d+/);
    expect(text.stdout).toMatch(/WC\.10\.1(\t\d+){5}/);
    expect(text.stdout).toContain("各阶段用时（日）");
    const json = await liuhenAsync(login.env, "stats", "--json", "--quarter", "2020-Q1");
    expect(json.status).toBe(0);
    const figures = JSON.parse(json.stdout) as {
      interference: { total: number; quarter: string };
      wrongCases: { total: number } | null;
    };
    expect(figures.interference).toMatchObject({ total: 0, quarter: "2020-Q1" });
    expect(figures.wrongCases?.total).toBe(0);
  });

  it("refuses a period that is not one, naming the option", async () => {
    const quarter = await liuhenAsync(login.env, "stats", "--quarter", "2026-Q5");
    expect(quarter.status).toBe(2);
    expect(quarter.stderr).toContain("--quarter: 「统计期间」(period)");
    const both = await liuhenAsync(login.env, "stats", "--quarter", "2026-Q1", "--from", "2026-01");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--quarter:");
    const backwards = await liuhenAsync(login.env, "stats", "--from", "2026-03", "--to", "2026-01");
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toContain("截止月早于起始月");
  });
});
