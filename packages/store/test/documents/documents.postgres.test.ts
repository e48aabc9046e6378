import { afterAll, describe, it } from "vitest";
import { preparePostgres } from "../support/backends.js";
import { describeDocuments } from "./documents.suite.js";

const setup = await preparePostgres();

if (setup.available) {
  afterAll(setup.backend.cleanUp);
  describeDocuments(setup.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL documents suite cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL documents suite skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`PostgreSQL documents (skipped: ${setup.reason})`, () => {
    it("runs the documents suite", () => {});
  });
}
