import { sqliteBackend } from "../support/backends.js";
import { describeExportImport } from "./export-import.suite.js";

describeExportImport("SQLite", async () => sqliteBackend());
