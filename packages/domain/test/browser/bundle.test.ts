/**
 * The domain builds for the browser: bundling its entry point for a browser target succeeds with no Node
 * built-in pulled in, so the web UI can run the rules (live categorisation, article texts) client-side.
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Rollup } from "vite";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe("the browser build", () => {
  it("bundles for the browser with no Node built-in", async () => {
    const imported: string[] = [];
    const output = (await build({
      configFile: false,
      logLevel: "silent",
      plugins: [
        {
          name: "record-node-builtins",
          enforce: "pre",
          resolveId(source) {
            if (nodeBuiltins.has(source)) imported.push(source);
            return null;
          },
        },
      ],
      build: { write: false, minify: false, lib: { entry, formats: ["es"], fileName: "domain" } },
    })) as Rollup.RollupOutput[];
    const code = output
      .flatMap((o) => o.output)
      .flatMap((c) => ("code" in c ? [c.code] : []))
      .join("\n");
    expect(imported).toEqual([]);
    expect(code).toContain("黔江市监发〔2020〕95号");
    // (Effect's doc comments mention node:assert; only a real import line counts.)
    expect(code).not.toMatch(/^import[^\n]*from\s+["']node:/m);
  }, 60_000);
});
