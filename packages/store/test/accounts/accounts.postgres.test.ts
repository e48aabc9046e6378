import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeAccounts } from "./accounts.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeAccounts(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL accounts suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL accounts suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL accounts (skipped: ${setup.reason})`, () => {
    it("runs the accounts suite", () => {});
  });
}
