/**
 * The built `liuhen` binary, run as a user would. While a server runs in the test's own process the child
 * must be spawned asynchronously: a synchronous spawn would block the server from answering it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redacted } from "effect";
import { expect } from "vitest";
import { AGENCY, type TestServer } from "./test-server.js";

export const LIUHEN_BIN = createRequire(import.meta.url).resolve("@liuhen/tui/bin/liuhen.js");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const liuhenCli = (
  args: ReadonlyArray<string>,
  options: { readonly env?: NodeJS.ProcessEnv; readonly input?: string } = {},
) =>
  new Promise<CliRun>((resolve) => {
    const child = spawn(process.execPath, [LIUHEN_BIN, ...args], { env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });

/**
 * The test server's log exported with `liuhen export` (from its SQLite file or its PostgreSQL database, with
 * its keys) and checked offline with `liuhen verify` against the verifier key the export printed: the export
 * file's lines and the verifier's JSON report.
 */
export const exportAndVerify = async (test: TestServer) => {
  const exportFile = join(mkdtempSync(join(tmpdir(), "liuhen-export-")), "export.jsonl");
  const where =
    test.database.config.kind === "sqlite"
      ? ["--database", test.database.config.filename]
      : ["--database-url", Redacted.value(test.database.config.url)];
  const exported = await liuhenCli([
    "export",
    ...where,
    "--keys",
    join(test.directory, "keys"),
    "--agency",
    AGENCY,
    "--out",
    exportFile,
    "--json",
  ]);
  expect(exported.stderr).toBe("");
  expect(exported.status).toBe(0);
  const { verifierKey } = JSON.parse(exported.stdout) as { verifierKey: string };
  const verified = await liuhenCli(["verify", exportFile, "--key", verifierKey, "--json"]);
  expect(verified.status).toBe(0);
  return {
    lines: readFileSync(exportFile, "utf8").split("\n"),
    report: JSON.parse(verified.stdout) as unknown,
  };
};
