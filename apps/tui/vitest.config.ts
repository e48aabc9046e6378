import { defineConfig } from "vitest/config";

export default defineConfig({
  // These tests start the real `liuhen` binary and a real server; on a busy 2-core machine a start can take
  // seconds.
  test: { include: ["test/**/*.test.{ts,tsx}"], testTimeout: 120_000, hookTimeout: 120_000 },
});
