import { defineConfig } from "vitest/config";

// The tests drive a real browser against the real server (test/support/browser.ts): no SvelteKit plugin
// here, the pages under test are the built ones the server mounts.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A server start, a Chromium launch and argon2 hashes on a busy 2-core machine can take a while; a
    // journey of many pages (the handler's, handler-record.test.ts) several minutes.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // What a page shows after a click can take a while to arrive on a loaded machine.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    // One browser at a time: the suites share the machine's two cores with the other workspaces' tests.
    fileParallelism: false,
    silent: "passed-only",
  },
});
