import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeHolidayYears } from "./holiday-years.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeHolidayYears(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL holiday years suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL holiday years suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL holiday years (skipped: ${setup.reason})`, () => {
    it("runs the holiday years suite", () => {});
  });
}
