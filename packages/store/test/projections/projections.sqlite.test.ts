import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeProjections } from "./projections.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeProjections(backend);
