import { onPostgres } from "../support/backends.js";
import { describeNotifications } from "./notifications.suite.js";

await onPostgres("notifications suite", describeNotifications);
