/**
 * Row `tui-start`: the `liuhen` command (built, `apps/tui/bin/liuhen.js`), signed in to a real server, from
 * spawn to the first frame of the terminal UI — its header, 留痕 Liuhen · 法治科工作台, on a pseudo-terminal
 * (util-linux `script`) — beside `node -e` writing the same words: the least any Node command takes to show
 * something. No target: the ratio is printed.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Listening } from "../http/children.js";
import { AGENCY, seedAccount, startLiuhenServer } from "../http/liuhen-server.js";
import { liuhenBin } from "../lib/liuhen-bin.js";
import type { Figure } from "../lib/report.js";
import { reportedCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";

const HEADER = "留痕 Liuhen · 法治科工作台";
const SCRIPT = "/usr/bin/script";
const TIMEOUT_MS = 60_000;

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Milliseconds from spawning `command` on a pseudo-terminal to `HEADER` on its screen; then it is stopped. */
const timeToHeader = (command: string, env: NodeJS.ProcessEnv): Promise<number> =>
  new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, TERM: "xterm-256color" };
    delete childEnv.NODE_OPTIONS;
    const started = performance.now();
    const child = spawn(SCRIPT, ["-qfec", command, "/dev/null"], {
      env: childEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`no ${HEADER} in ${TIMEOUT_MS / 1000} s: ${screen.slice(-500)}`)),
      TIMEOUT_MS,
    );
    const finish = (result: number | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      if (typeof result === "number") resolve(result);
      else reject(result);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      if (screen.includes(HEADER)) finish(performance.now() - started);
    });
    child.on("exit", () => finish(new Error(`exited before showing ${HEADER}: ${screen.slice(-500)}`)));
  });

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const figureOf = (label: string, ms: ReadonlyArray<number>): Figure => {
  const perRound = ms.map((t) => 1000 / t);
  return {
    label,
    perSecond: median(perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    opsPerRound: 1,
    perRound,
    perCpuSecond: 0,
    inProcess: false,
  };
};

export const tuiStartRow: Row = {
  id: "tui-start",
  title: "liuhen cold start to the terminal UI's first frame (signed in, real server) vs node -e",
  unit: "starts/s",
  run: async ({ quick, plan, log }): Promise<RowOutcome> => {
    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-tui-"));
    let server: Listening | undefined;
    try {
      const dataDir = join(dir, "data");
      const configDir = join(dir, "config");
      mkdirSync(dataDir);
      mkdirSync(configDir, { mode: 0o700 });
      const account = await seedAccount(dataDir, {
        username: "bench-legal",
        personId: "person-bench-legal",
        roles: ["legal-officer"],
      });
      server = await startLiuhenServer(dataDir);
      // What `liuhen login` writes (apps/tui/src/session/credentials-file.ts).
      writeFileSync(
        join(configDir, "credentials.json"),
        `${JSON.stringify({ server: server.url, agency: AGENCY, ...account })}\n`,
        { mode: 0o600 },
      );
      const env = { LIUHEN_CONFIG_DIR: configDir, CI: "false" };
      const liuhen = `${quote(process.execPath)} ${quote(liuhenBin())}`;
      const node = `${quote(process.execPath)} -e ${quote(`process.stdout.write(${JSON.stringify(`${HEADER}\n`)})`)}`;
      // Warm the page cache and the server's first answers, untimed.
      await timeToHeader(liuhen, env);
      await timeToHeader(node, env);
      const rounds = quick ? 1 : plan.rounds;
      const liuhenMs: Array<number> = [];
      const nodeMs: Array<number> = [];
      for (let round = 0; round < rounds; round++) {
        const pair = [
          async () => liuhenMs.push(await timeToHeader(liuhen, env)),
          async () => nodeMs.push(await timeToHeader(node, env)),
        ];
        for (const measure of round % 2 === 0 ? pair : [...pair].reverse()) await measure();
        log(
          `tui-start: round ${round + 1}/${rounds}: liuhen ${Math.round(liuhenMs.at(-1) ?? 0)} ms, node -e ${Math.round(nodeMs.at(-1) ?? 0)} ms`,
        );
      }
      const perRound = liuhenMs.map((t, i) => (nodeMs[i] as number) / t);
      const ratio = {
        of: "liuhen",
        to: "node -e",
        median: median(perRound),
        min: Math.min(...perRound),
        max: Math.max(...perRound),
        perRound,
      };
      return {
        status: "measured",
        checks: [
          reportedCheck("first frame vs node -e", figureOf("liuhen first frame", liuhenMs), {
            figure: figureOf("node -e", nodeMs),
            ratio,
          }),
        ],
        notes: [
          `liuhen showed its first frame in ${Math.round(median(liuhenMs))} ms (median of ${rounds}), node -e its line in ${Math.round(median(nodeMs))} ms: the command takes ${(median(liuhenMs) / median(nodeMs)).toFixed(1)}× a bare Node start.`,
          "Both on a pseudo-terminal made by util-linux `script`, timed from spawn to the header's words on the terminal, after one untimed start of each; the command is signed in (credentials as `liuhen login` writes them) to the built server on a SQLite file of its own, so its first frame comes after it has read its credentials and mounted the UI.",
        ],
        details: { liuhenMs, nodeMs },
      };
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
