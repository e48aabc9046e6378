import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeProjections } from "./projections.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeProjections(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL projection suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL projection suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL projections (skipped: ${setup.reason})`, () => {
    it("runs the projection suite", () => {});
  });
}
