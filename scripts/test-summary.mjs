#!/usr/bin/env node
// After `turbo run test`: adds up every workspace's vitest JSON report (.test-results/vitest.json), names
// the suites that were skipped and why (their titles say so), and ends with one plain line
// "N passed, N failed, N skipped". Exits 1 when a workspace with tests left no report, or a test failed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { workspaces } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// Workspace patterns here are all of the form "folder/*".
const dirs = workspaces.flatMap((pattern) => {
  const base = join(root, pattern.replace(/\/\*$/, ""));
  return existsSync(base) ? readdirSync(base).map((d) => join(base, d)) : [];
});

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
const skippedSuites = new Set();
for (const dir of dirs) {
  const pkg = join(dir, "package.json");
  if (!existsSync(pkg) || !JSON.parse(readFileSync(pkg, "utf8")).scripts?.test) continue;
  const report = join(dir, ".test-results", "vitest.json");
  if (!existsSync(report)) {
    console.log(`no test report from ${dir.slice(root.length)}`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  for (const file of r.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === "skipped" || t.status === "pending") skippedSuites.add(t.ancestorTitles[0] ?? t.title);
    }
  }
}
for (const s of skippedSuites) console.log(`skipped: ${s}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing > 0 ? 1 : 0);
