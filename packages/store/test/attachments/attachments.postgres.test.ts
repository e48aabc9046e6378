import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeAttachments } from "./attachments.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeAttachments(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL attachments suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL attachments suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL attachments (skipped: ${setup.reason})`, () => {
    it("runs the attachments suite", () => {});
  });
}
