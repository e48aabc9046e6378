import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeNotifications } from "./notifications.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeNotifications(backend);
