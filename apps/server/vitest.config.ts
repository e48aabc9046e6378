import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // These tests start real servers (and the `liuhen` binary) and hash passwords with argon2id; on a busy
    // 2-core machine shared with other suites a start or a hash can take seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The servers log every request; show their lines only for a test that failed.
    silent: "passed-only",
  },
});
