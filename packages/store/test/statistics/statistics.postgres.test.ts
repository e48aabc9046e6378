import { onPostgres } from "../support/backends.js";
import { describeStatistics } from "./statistics.suite.js";

await onPostgres("statistics suite", describeStatistics);
