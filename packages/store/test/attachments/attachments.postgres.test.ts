import { onPostgres } from "../support/backends.js";
import { describeAttachments } from "./attachments.suite.js";

await onPostgres("attachments suite", describeAttachments);
