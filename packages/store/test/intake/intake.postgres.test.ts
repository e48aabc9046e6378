import { onPostgres } from "../support/backends.js";
import { describeIntake } from "./intake.suite.js";

await onPostgres("intake suite", describeIntake);
