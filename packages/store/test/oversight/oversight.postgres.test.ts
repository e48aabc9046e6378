import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeOversight } from "./oversight.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeOversight(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL oversight suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL oversight suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL oversight (skipped: ${setup.reason})`, () => {
    it("runs the oversight suite", () => {});
  });
}
