import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeIntake } from "./intake.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeIntake(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL intake suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL intake suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL public intake (skipped: ${setup.reason})`, () => {
    it("runs the intake suite", () => {});
  });
}
