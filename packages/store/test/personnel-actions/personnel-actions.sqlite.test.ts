import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describePersonnelActions } from "./personnel-actions.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describePersonnelActions(backend);
