import { onPostgres } from "../support/backends.js";
import { describeOversight } from "./oversight.suite.js";

await onPostgres("oversight suite", describeOversight);
