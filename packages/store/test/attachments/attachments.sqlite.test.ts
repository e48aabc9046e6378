import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeAttachments } from "./attachments.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeAttachments(backend);
