import { onPostgres } from "../support/backends.js";
import { describeAccounts } from "./accounts.suite.js";

await onPostgres("accounts suite", describeAccounts);
