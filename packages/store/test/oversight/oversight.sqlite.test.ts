import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeOversight } from "./oversight.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeOversight(backend);
