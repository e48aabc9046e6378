#!/usr/bin/env node
// How much JavaScript each main page makes the browser load, gzipped. A page loads SvelteKit's client entry
// (start + app), the root layout's node and its own node, each with the chunks they import: the build lists
// them (.svelte-kit/output/server: manifest.js for the entry, nodes/<n>.js `imports` for each node), so no
// page has to be fetched — which also measures pages behind the sign-in. Their files in build/client are
// gzipped and added up, each chunk once.
// A measurement to print, not a test: the budget is "well under 100 KB" for the record form.
// Run after `npm run build`: npm run bundle-size -w apps/web
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, ".svelte-kit", "output", "server");
const ROUTES = [
  "/",
  "/report",
  "/status",
  "/login",
  "/records",
  "/records/new",
  "/records/_id_",
  "/attestation",
];

const importsOf = (source) => JSON.parse(/export const imports = (\[[^\]]*\]);/.exec(source)?.[1] ?? "[]");
const manifest = readFileSync(join(output, "manifest.js"), "utf8");
const entry = JSON.parse(
  `[${/client: \{[^}]*?imports:\[([^\]]*)\]/.exec(manifest)?.[1] ?? ""}]`.replaceAll(/,\s*\]/g, "]"),
);

// Each node file says which page or layout it is by the component it imports.
const nodes = new Map();
for (const file of readdirSync(join(output, "nodes"))) {
  const source = readFileSync(join(output, "nodes", file), "utf8");
  const component = /entries\/pages(.*?)\/_(page|layout)\.svelte\.js/.exec(source);
  if (component !== null) nodes.set(`${component[2]}:${component[1] || "/"}`, importsOf(source));
}

// Every module a file reaches, statically or by a later import(): what the page loads sooner or later.
const reachable = (files) => {
  const seen = new Set(files);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop();
    const source = readFileSync(join(root, "build", "client", file), "utf8");
    for (const [, path] of source.matchAll(/["'](\.\.?\/[^"']+\.js)["']/g)) {
      const next = join(dirname(file), path);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
};
const gzipped = (scripts) => {
  let raw = 0;
  let gzip = 0;
  for (const script of scripts) {
    const bytes = readFileSync(join(root, "build", "client", script));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
};

// Per page: the scripts it loads before it is up, and what it may import later; null for a page not built.
const sizes = ROUTES.map((route) => {
  const page = nodes.get(`page:${route}`);
  if (page === undefined) return { route, scripts: 0, raw: null, gzip: null, laterGzip: 0 };
  const scripts = new Set([...entry, ...(nodes.get("layout:/") ?? []), ...page]);
  const { raw, gzip } = gzipped(scripts);
  const later = [...reachable(page)].filter((script) => !scripts.has(script));
  return { route, scripts: scripts.size, raw, gzip, laterGzip: later.length === 0 ? 0 : gzipped(later).gzip };
});

// `--json`: the figures for the bench's `web` row (bench/src/rows/web.ts).
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(sizes));
  process.exit(0);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log("page            scripts  raw        gzip       later (import() after the page is up), gzip");
for (const { route, scripts, raw, gzip, laterGzip } of sizes) {
  if (gzip === null) {
    console.log(`${route.padEnd(16)}(not built)`);
    continue;
  }
  const lazy = laterGzip === 0 ? "" : `+${kb(laterGzip)}`;
  console.log(
    `${route.padEnd(16)}${String(scripts).padStart(7)}  ${kb(raw).padEnd(11)}${kb(gzip).padEnd(11)}${lazy}`,
  );
}
