import { afterAll } from "vitest";
import { describeEventLog } from "./event-log.suite.js";
import { sqliteBackend } from "./support/backends.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeEventLog(backend);
