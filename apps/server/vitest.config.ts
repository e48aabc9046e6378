import { defineConfig } from "vitest/config";

export default defineConfig({
  // These tests start the real `liuhen` binary; on a busy 2-core machine a start can take seconds.
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
