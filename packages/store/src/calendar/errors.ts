/** Why an operator's holiday year is refused, beside the Schema's own (`InvalidEvent`, naming the field). */
import { Schema } from "effect";

/**
 * The calendar already has the year (released with Liuhen, or added before), and the request gave no reason
 * to replace it: a year is never changed silently. Nothing was written.
 */
export class HolidayYearKnown extends Schema.TaggedError<HolidayYearKnown>()("HolidayYearKnown", {
  year: Schema.Int,
  calendar: Schema.String,
  source: Schema.Literal("built-in", "added"),
  /** The document numbers of the arrangement the calendar has, its notice first. */
  documentNumbers: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `${this.calendar} already has ${this.year} (${this.source}, ${this.documentNumbers.join("、")}): to replace it, give the reason`;
  }
}
