#!/usr/bin/env node
// How much JavaScript each main page makes the browser load, gzipped: the built pages (build/handler.js)
// are served on a random port, each page's response is read for the scripts it loads (SvelteKit lists every
// module a page needs in its Link header, as modulepreload), and their files in build/client are gzipped
// and added up.
// A measurement to print, not a test: the budget is "well under 100 KB" for the record form.
// Run after `npm run build`: npm run bundle-size -w apps/web
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAGES = ["/", "/report", "/status", "/login"];

const { handler } = await import(join(root, "build", "handler.js"));
const server = createServer((req, res) =>
  handler(req, res, () => {
    res.writeHead(404);
    res.end();
  }),
);
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log("page        scripts  raw        gzip");
for (const path of PAGES) {
  const response = await fetch(`${origin}${path}`);
  const links = response.headers.get("link") ?? "";
  const scripts = new Set(
    [...links.matchAll(/<\.?(\/_app\/[^>]+\.js)>;\s*rel="modulepreload"/g)].map((match) => match[1]),
  );
  let raw = 0;
  let gzip = 0;
  for (const script of scripts) {
    const bytes = readFileSync(join(root, "build", "client", script));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`${path.padEnd(12)}${String(scripts.size).padStart(7)}  ${kb(raw).padEnd(11)}${kb(gzip)}`);
}
server.close();
