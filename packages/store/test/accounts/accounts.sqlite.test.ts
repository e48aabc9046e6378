import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeAccounts } from "./accounts.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeAccounts(backend);
