import { describeEventLog } from "./event-log.suite.js";
import { onPostgres } from "./support/backends.js";

await onPostgres("store suite", describeEventLog);
