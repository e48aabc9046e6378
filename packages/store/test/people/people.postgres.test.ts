import { onPostgres } from "../support/backends.js";
import { describePeople } from "./people.suite.js";

await onPostgres("people suite", describePeople);
