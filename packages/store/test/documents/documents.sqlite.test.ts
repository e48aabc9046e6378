import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeDocuments } from "./documents.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeDocuments(backend);
