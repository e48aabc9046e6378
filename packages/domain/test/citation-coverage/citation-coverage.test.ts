/**
 * Every citation id of REGIMES.md has a test that names it, and every id exists in the regime's article
 * table. Test titles are read from the test sources, and from the suite's case names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { qianjiangRegime } from "../../src/index.js";
import { QIANJIANG_SUITE } from "../suite/cases.js";
import { REGIMES_IDS } from "./regimes-ids.js";

const testRoot = fileURLToPath(new URL("..", import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

// A title: the first string argument of it/test/describe (also in .each and template forms).
const TITLE = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
const titles = [
  ...sources(testRoot).flatMap((f) => [...readFileSync(f, "utf8").matchAll(TITLE)].map((m) => m[2] ?? "")),
  ...QIANJIANG_SUITE.map((c) => c.name),
];
const names = (title: string, id: string) =>
  new RegExp(`(^|[^\\w.])${id.replace(/\./g, "\\.")}(?![\\w.]*\\d)`).test(title);

describe("citation coverage", () => {
  it.each(REGIMES_IDS.map((id) => [id]))("%s exists in the article table", (id) => {
    expect(qianjiangRegime.hasCitation(id)).toBe(true);
  });

  it("every REGIMES.md id is named by at least one test", () => {
    const untested = REGIMES_IDS.filter((id) => !titles.some((t) => names(t, id)));
    expect(untested).toEqual([]);
  });
});
