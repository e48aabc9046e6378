import { onPostgres } from "../support/backends.js";
import { describePersonnelActions } from "./personnel-actions.suite.js";

await onPostgres("personnel actions suite", describePersonnelActions);
