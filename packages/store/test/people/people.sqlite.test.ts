import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describePeople } from "./people.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describePeople(backend);
