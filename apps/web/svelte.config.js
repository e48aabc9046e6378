/**
 * SvelteKit for Liuhen's pages. adapter-node builds `build/handler.js`, which apps/server mounts for every
 * path that is not the API's (apps/server/src/web-endpoint.ts); the adapter's own settings read from the
 * environment take the prefix LIUHEN_WEB_ (LIUHEN_WEB_ORIGIN behind a reverse proxy, for instance).
 */
import adapter from "@sveltejs/adapter-node";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ envPrefix: "LIUHEN_WEB_", precompress: true }),
    // Scripts only from this origin and the ones SvelteKit hashes; no framing; forms post here only.
    csp: {
      mode: "auto",
      directives: {
        "default-src": ["self"],
        "script-src": ["self"],
        "style-src": ["self", "unsafe-inline"],
        "img-src": ["self", "data:"],
        "object-src": ["none"],
        "base-uri": ["self"],
        "form-action": ["self"],
        "frame-ancestors": ["none"],
      },
    },
    typescript: {
      // The browser tests run in Node and import the server's test support: test/tsconfig.json checks them
      // with the server's own settings, not the pages' (whose DOM types clash with Node's).
      config: (tsconfig) => ({
        ...tsconfig,
        include: tsconfig.include.filter((path) => !/^\.\.\/tests?\//.test(path)),
      }),
    },
  },
};

export default config;
