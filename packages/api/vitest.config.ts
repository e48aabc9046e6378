import { defineConfig } from "vitest/config";

export default defineConfig({
  // These tests start the real `liuhen` binary and open real stores (migrations, argon2 hashing in their
  // set-up hooks); on a busy 2-core machine either can take well over the default 10 s.
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
