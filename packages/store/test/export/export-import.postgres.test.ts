import { describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeExportImport } from "./export-import.suite.js";

// Two fresh databases: the one exported from and the empty one imported into.
const probe = await preparePostgres();

if (probe.available) {
  await probe.backend.cleanUp();
  describeExportImport("PostgreSQL", async () => {
    const setup = await preparePostgres();
    if (!setup.available) throw new Error(setup.reason);
    return setup.backend;
  });
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL export suite cannot run: ${probe.reason}`);
} else {
  console.warn(
    `PostgreSQL export suite skipped: ${probe.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL export and import (skipped: ${probe.reason})`, () => {
    it("runs the export and import suite", () => {});
  });
}
