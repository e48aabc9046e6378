import { onPostgres } from "../support/backends.js";
import { describeDocuments } from "./documents.suite.js";

await onPostgres("documents suite", describeDocuments);
