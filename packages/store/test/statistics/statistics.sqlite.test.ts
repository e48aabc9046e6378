import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeStatistics } from "./statistics.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeStatistics(backend);
