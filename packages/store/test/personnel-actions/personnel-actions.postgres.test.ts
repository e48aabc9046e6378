import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describePersonnelActions } from "./personnel-actions.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describePersonnelActions(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL personnel actions suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL personnel actions suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL personnel actions (skipped: ${setup.reason})`, () => {
    it("runs the personnel actions suite", () => {});
  });
}
