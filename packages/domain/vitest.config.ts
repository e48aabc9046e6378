import { defineConfig } from "vitest/config";

export default defineConfig({
  // Property tests run thousands of cases; on a 2-core machine shared with other packages' suites they
  // need more than the default 5 s. No test asserts a time.
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
