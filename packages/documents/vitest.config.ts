import { defineConfig } from "vitest/config";

export default defineConfig({
  // The Merkle vectors check tens of thousands of proofs, and the suites run against two real databases;
  // on a 2-core machine shared with other packages' suites that takes longer than the default 5 s.
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
