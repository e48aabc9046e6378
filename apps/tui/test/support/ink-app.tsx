/**
 * The terminal UI rendered by ink-testing-library at 80×24 against a real server, with helpers that wait
 * for what a person would wait for (text on the screen) and press keys as a terminal sends them.
 */
import { render } from "ink-testing-library";
import { expect } from "vitest";
import { LegalDesk } from "../../src/desk/legal-desk.js";
import { App } from "../../src/ui/app.js";

export const KEY = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  tab: "\t",
  backspace: "\u007F",
  ctrlT: "\u0014",
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RenderedApp {
  readonly desk: LegalDesk;
  readonly frame: () => string;
  /** Waits until the screen shows `text` (a string or a pattern), and returns the screen. */
  readonly waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
  /** Writes keys one at a time, as a person types, letting the UI take each. */
  readonly press: (...keys: ReadonlyArray<string>) => Promise<void>;
  /** Types text, one keypress per character. */
  readonly type: (text: string) => Promise<void>;
  readonly unmount: () => void;
}

export const renderApp = async (
  url: string,
  token: string,
  options: { readonly colour?: boolean; readonly retryMs?: number; readonly cwd?: string } = {},
): Promise<RenderedApp> => {
  const desk = LegalDesk.withToken(url, token, options.retryMs ?? 300);
  const instance = render(
    <App
      desk={desk}
      who="fazhi @ qianjiang-msa"
      colour={options.colour ?? false}
      width={80}
      height={24}
      {...(options.cwd === undefined ? {} : { cwd: options.cwd })}
    />,
  );
  const frame = () => instance.lastFrame() ?? "";
  const waitFor = async (text: string | RegExp, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    const seen = () => (typeof text === "string" ? frame().includes(text) : text.test(frame()));
    while (!seen()) {
      if (Date.now() > deadline)
        expect.fail(`the screen never showed ${String(text)}; it shows:\n${frame()}`);
      await sleep(25);
    }
    return frame();
  };
  const press = async (...keys: ReadonlyArray<string>) => {
    for (const key of keys) {
      // Ink reads keys once the previous render has settled (STACK-NOTES: wait a tick after writing).
      await sleep(30);
      instance.stdin.write(key);
      await sleep(30);
    }
  };
  const type = (text: string) => press(...Array.from(text));
  // Ink attaches its input listener after the first render.
  await sleep(50);
  return {
    desk,
    frame,
    waitFor,
    press,
    type,
    unmount: () => {
      instance.unmount();
      desk.close();
    },
  };
};
