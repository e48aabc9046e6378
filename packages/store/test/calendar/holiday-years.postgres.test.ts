import { onPostgres } from "../support/backends.js";
import { describeHolidayYears } from "./holiday-years.suite.js";

await onPostgres("holiday years suite", describeHolidayYears);
