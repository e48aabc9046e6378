import { afterAll } from "vitest";
import { sqliteBackend } from "../support/backends.js";
import { describeHolidayYears } from "./holiday-years.suite.js";

const backend = sqliteBackend();
afterAll(backend.cleanUp);
describeHolidayYears(backend);
