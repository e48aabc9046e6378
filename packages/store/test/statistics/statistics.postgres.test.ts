import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeStatistics } from "./statistics.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeStatistics(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL statistics suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL statistics suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL statistics (skipped: ${setup.reason})`, () => {
    it("runs the statistics suite", () => {});
  });
}
