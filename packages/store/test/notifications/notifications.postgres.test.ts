import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeNotifications } from "./notifications.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeNotifications(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL notifications suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL notifications suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL notifications (skipped: ${setup.reason})`, () => {
    it("runs the notifications suite", () => {});
  });
}
