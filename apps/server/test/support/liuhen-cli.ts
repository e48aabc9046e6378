/**
 * The built `liuhen` binary, run as a user would. While a server runs in the test's own process the child
 * must be spawned asynchronously: a synchronous spawn would block the server from answering it.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

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
