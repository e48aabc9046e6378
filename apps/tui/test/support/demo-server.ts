/**
 * A real Liuhen server for the terminal UI's tests: the built `apps/server/dist/main.js` with `--demo` (what
 * `npm start` runs) on a port the system picks (read back from its `listening` log line, so two suites
 * starting servers at once cannot race for one) over a fresh data directory, so the UI meets the demo agency's data. The
 * demo prints its accounts' passwords once; they are read from its output. `stop` and `restart` (same port,
 * same data, `--demo` again so the demo's fixed day still holds; it seeds nothing the second time) let a test
 * take the server away and bring it back.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_MAIN = fileURLToPath(new URL("../../../server/dist/main.js", import.meta.url));

/** The day the demo runs on: its steps are dated and its deadlines judged as of it, whatever today is. */
export { DEMO_DAY } from "../../../server/src/demo/demo-day.js";

export interface DemoServer {
  readonly url: string;
  readonly port: number;
  /** Each demo account's password, by username (fazhi is the legal officer). */
  readonly passwords: Readonly<Record<string, string>>;
  /** The server's data directory (its SQLite file `liuhen.db` and `keys/`), for a store opened beside it. */
  readonly dataDir: string;
  readonly stop: () => Promise<void>;
  readonly restart: () => Promise<void>;
  /** Stops the server and removes its data. */
  readonly close: () => Promise<void>;
}

/** The port in the server's JSON `listening` log line, once it is there. */
const listeningPort = (output: string): number | undefined => {
  // Whole lines only: the last piece may still be arriving.
  const line = output
    .split("\n")
    .slice(0, -1)
    .find((l) => l.startsWith("{") && l.includes('"listening"'));
  if (line === undefined) return undefined;
  const port = (JSON.parse(line) as { annotations?: { port?: unknown } }).annotations?.port;
  return typeof port === "number" && port > 0 ? port : undefined;
};

/**
 * Starts the demo server on `port` (0: one the system picks) and resolves with the port it listens on, once the
 * first start has printed its greeting (`seeds`) or a later one listens.
 */
const launch = (port: number, dataDir: string, seeds: boolean) =>
  new Promise<{ child: ChildProcess; output: string; port: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_MAIN, "--demo"], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LIUHEN_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 90_000);
    const ready = seeds ? /liuhen login --server/ : /"listening"/;
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const listening = listeningPort(output);
      if (ready.test(output) && listening !== undefined) {
        clearTimeout(timer);
        resolve({ child, output, port: listening });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${output}`));
    });
  });

const ended = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

export const startDemoServer = async (): Promise<DemoServer> => {
  const directory = mkdtempSync(join(tmpdir(), "liuhen-tui-demo-"));
  const dataDir = join(directory, "data");
  const first = await launch(0, dataDir, true);
  const { port } = first;
  let child: ChildProcess = first.child;
  const passwords = Object.fromEntries(
    [...first.output.matchAll(/^ {2}([a-z]+) +(\S+) {3}\S/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    passwords,
    dataDir,
    stop: () => ended(child),
    restart: async () => {
      await ended(child);
      child = (await launch(port, dataDir, false)).child;
    },
    close: async () => {
      await ended(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
