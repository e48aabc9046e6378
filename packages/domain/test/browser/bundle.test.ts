/**
 * The domain builds for the browser: bundling its entry point for a browser target succeeds with no Node
 * built-in pulled in, so the web UI can run the rules (live categorisation, article texts) client-side; and
 * the record form's preview entry (`@liuhen/domain/preview`) brings none of Effect with it.
 */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Rollup } from "vite";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const previewEntry = fileURLToPath(new URL("../../src/preview.ts", import.meta.url));
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

  // The record form loads this lazily and has a budget of well under 100 KB gzipped for all its JavaScript
  // (issue 6). Bundled as apps/web/vite.config.ts bundles it (Schema calls said pure), the modules it reaches
  // must hold no Schema definition the bundler has to keep: one Struct in that graph brings Effect's whole
  // Schema and fiber runtime (about 50 KB gzipped) into the form.
  it("bundles the record form's preview entry without any of Effect", async () => {
    const output = (await build({
      configFile: false,
      logLevel: "silent",
      build: {
        write: false,
        minify: false,
        lib: { entry: previewEntry, formats: ["es"], fileName: "preview" },
        rollupOptions: { treeshake: { manualPureFunctions: ["Schema"] } },
      },
    })) as Rollup.RollupOutput[];
    const chunks = output.flatMap((o) => o.output).flatMap((c) => ("code" in c ? [c] : []));
    const modules = chunks.flatMap((c) => Object.keys(c.modules));
    expect(modules.filter((m) => m.includes("/node_modules/effect/"))).toEqual([]);
    expect(modules.some((m) => m.endsWith("interference/categorise.ts"))).toBe(true);
    const code = chunks.map((c) => c.code).join("\n");
    expect(code).toContain("if.probe-for-party");
  }, 60_000);
});
