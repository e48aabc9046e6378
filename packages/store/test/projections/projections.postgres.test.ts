import { onPostgres } from "../support/backends.js";
import { describeProjections } from "./projections.suite.js";

await onPostgres("projection suite", describeProjections);
