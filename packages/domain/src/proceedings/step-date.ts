/**
 * The day a proceeding's step was taken: an ISO day in China (`YYYY-MM-DD`, no time, no zone), valid by
 * the calendar's own `IsoDate` rule but left unbranded, so recorded events stay plain strings. Such
 * strings sort as the days they name.
 */
import { Schema } from "effect";
import { IsoDate } from "../calendar/iso-date.js";

const isIsoDate = Schema.is(IsoDate);

export const StepDate = Schema.String.pipe(
  Schema.filter((s) => isIsoDate(s) || `${s} is not a day written YYYY-MM-DD, e.g. 2024-09-27`),
  Schema.annotations({ identifier: "StepDate", description: "the day a step was taken, YYYY-MM-DD" }),
);
export type StepDate = typeof StepDate.Type;
