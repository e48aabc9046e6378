import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeIntake } from "./intake.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeIntake(backend);
