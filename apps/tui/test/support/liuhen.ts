/** Runs the built `liuhen` binary as a user would, and returns what it printed and its exit status. */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/liuhen.js", import.meta.url));

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const liuhenWithInput = (input: string, ...args: string[]): Run => {
  const run = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

export const liuhen = (...args: string[]): Run => liuhenWithInput("", ...args);

/** The binary with an environment of the test's own (a config directory, `NO_COLOR`…). */
export const liuhenWithEnv = (input: string, env: NodeJS.ProcessEnv, ...args: string[]): Run => {
  const run = spawnSync(process.execPath, [bin, ...args], { input, env, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

export const LIUHEN_BIN = bin;

/**
 * The binary run without blocking the test's event loop, so the test's own HTTP connections see the server
 * close them meanwhile (a connection kept alive through a blocking run is reused after the server dropped it).
 */
export const liuhenAsync = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("error", reject);
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
