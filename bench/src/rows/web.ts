/**
 * Row `web`: how much JavaScript the web pages make a browser load, gzipped, from the production build
 * (`apps/web/scripts/bundle-size.mjs --json`, which reads SvelteKit's build manifest: the client entry, the
 * root layout and the page, each chunk once). The record form — a handler recording a contact on a phone —
 * has the issue's budget, well under 100 KB; the other pages are printed beside it.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { type Amount, limitCheck, reportedCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";

const RECORD_PAGE = "/records/new";
const BUDGET_KB = 100;

interface PageSize {
  readonly route: string;
  /** Scripts the page loads before it is up, gzipped and raw, bytes; null when the route is not built. */
  readonly gzip: number | null;
  readonly raw: number | null;
  /** Scripts it may import later (after the page is up), gzipped, bytes. */
  readonly laterGzip: number;
}

const kb = (bytes: number) => bytes / 1024;

const amount = (label: string, bytes: number): Amount => ({
  kind: "amount",
  label,
  unit: "KB",
  value: kb(bytes),
  min: kb(bytes),
  max: kb(bytes),
  perRound: [kb(bytes)],
});

export const webRow: Row = {
  id: "web",
  title: "web pages: JavaScript loaded, gzipped (production build)",
  unit: "KB",
  run: async (): Promise<RowOutcome> => {
    const require = createRequire(import.meta.url);
    // The package exports its built handler (build/handler.js); the app's folder is two up from it.
    const web = dirname(dirname(require.resolve("@liuhen/web/handler")));
    const script = join(web, "scripts", "bundle-size.mjs");
    const { stdout } = await promisify(execFile)(process.execPath, [script, "--json"]);
    const pages = JSON.parse(stdout) as ReadonlyArray<PageSize>;
    const record = pages.find((p) => p.route === RECORD_PAGE);
    if (record === undefined || record.gzip === null) {
      throw new Error(`the web build has no ${RECORD_PAGE} page: npx turbo build --filter=@liuhen/bench...`);
    }
    const others = pages.filter((p) => p.route !== RECORD_PAGE && p.gzip !== null);
    return {
      status: "measured",
      checks: [
        // Judged on all the form loads, the live preview's later import() included: a handler on a phone
        // downloads both before the preview shows.
        limitCheck(
          `${RECORD_PAGE} (record form), with the preview`,
          amount("gzip", record.gzip + record.laterGzip),
          BUDGET_KB,
          `≤ ${BUDGET_KB} KB`,
        ),
        reportedCheck(`${RECORD_PAGE} before the preview`, amount("gzip", record.gzip)),
        ...others.map((p) => reportedCheck(p.route, amount("gzip", p.gzip as number))),
      ],
      notes: [
        `Each page's scripts before it is up: SvelteKit's client entry, the root layout's node and the page's node with the chunks they import, each once, gzipped at level 9 (raw ${RECORD_PAGE}: ${kb(record.raw ?? 0).toFixed(1)} KB). Loaded later by import(): ${pages.map((p) => `${p.route} +${kb(p.laterGzip).toFixed(1)} KB`).join(", ")}.`,
        "From the build output (apps/web/build/client and .svelte-kit/output), not a browser: pages behind the sign-in are measured too. The record form's budget is the web issue's: well under 100 KB.",
      ],
      details: { pages },
    };
  },
};
