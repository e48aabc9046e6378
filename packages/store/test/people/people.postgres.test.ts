import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describePeople } from "./people.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describePeople(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL people suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL people suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL people (skipped: ${setup.reason})`, () => {
    it("runs the people suite", () => {});
  });
}
