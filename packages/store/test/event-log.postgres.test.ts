import { afterAll, describe, it } from "vitest";
import { describeEventLog } from "./event-log.suite.js";
import { preparePostgres } from "./support/backends.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeEventLog(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL store suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL (skipped: ${setup.reason})`, () => {
    it("runs the store suite", () => {});
  });
}
