/**
 * A real terminal for the end-to-end tests: tmux, on a server socket of the test's own, an 80×24 window,
 * keys sent with `send-keys` and the screen read with `capture-pane`. Where there is no tmux the suites are
 * skipped with the reason in their title, except under CI (CI=true), where that is a failure.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect } from "vitest";

const TMUX = process.env.LIUHEN_TMUX ?? "tmux";
const found = spawnSync(TMUX, ["-V"], { encoding: "utf8" });
const absent = found.status === 0 ? null : `no tmux (${TMUX}; apt-get install -y tmux)`;
if (absent !== null && process.env.CI === "true") {
  throw new Error(`CI=true and ${absent}: the terminal suites must run in CI`);
}

/** A suite that needs tmux: skipped, saying why, where there is none (outside CI). */
export const describeInTmux = (title: string, body: () => void): void => {
  if (absent === null) describe(title, body);
  else describe.skip(`${title}: skipped, ${absent}`, body);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Terminal {
  /** The screen as text, or with its escape sequences (`-e`) to see colour. */
  readonly screen: (withEscapes?: boolean) => string;
  readonly waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
  /** Keys by tmux's names (`Enter`, `Escape`, `Down`) or literal text with `literal`. */
  readonly keys: (...keys: ReadonlyArray<string>) => Promise<void>;
  readonly literal: (text: string) => Promise<void>;
  readonly close: () => void;
}

let sessions = 0;

/** Runs `command` (argv) in a new 80×24 tmux session with `env` added to its environment, in `cwd`. */
export const openTerminal = (
  command: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
  cwd?: string,
): Terminal => {
  const socket = `liuhen-tui-${process.pid}-${++sessions}`;
  const tmux = (...args: string[]) =>
    execFileSync(TMUX, ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  tmux(
    "new-session",
    "-d",
    "-x",
    "80",
    "-y",
    "24",
    "-s",
    "liuhen",
    ...(cwd === undefined ? [] : ["-c", cwd]),
    // A person at a terminal is not in CI: Ink would otherwise draw only its last frame.
    ["env", "CI=false", ...assignments, ...command].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" "),
  );
  const screen = (withEscapes = false) =>
    tmux("capture-pane", "-p", ...(withEscapes ? ["-e"] : []), "-t", "liuhen");
  const waitFor = async (text: string | RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = screen();
      if (typeof text === "string" ? now.includes(text) : text.test(now)) return now;
      if (Date.now() > deadline) expect.fail(`the terminal never showed ${String(text)}; it shows:\n${now}`);
      await sleep(100);
    }
  };
  const keys = async (...names: ReadonlyArray<string>) => {
    for (const name of names) {
      tmux("send-keys", "-t", "liuhen", name);
      await sleep(150);
    }
  };
  const literal = async (text: string) => {
    tmux("send-keys", "-t", "liuhen", "-l", text);
    await sleep(150);
  };
  return {
    screen,
    waitFor,
    keys,
    literal,
    close: () => {
      spawnSync(TMUX, ["-L", socket, "kill-server"]);
    },
  };
};
