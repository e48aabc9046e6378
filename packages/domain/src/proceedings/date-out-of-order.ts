/**
 * An event dated before the step it follows: a transfer dated before the acceptance, a decision dated
 * before the proposal it decides on. The record would no longer read as what happened (全程留痕，有据可查),
 * and a period counted from such a date would be wrong, so the event is refused.
 */
import { Schema } from "effect";

export class DateOutOfOrder extends Schema.TaggedError<DateOutOfOrder>()("DateOutOfOrder", {
  event: Schema.String,
  date: Schema.String,
  /** The earliest date the event may carry at this point of the proceeding. */
  notBefore: Schema.String,
}) {
  override get message(): string {
    return `${this.event} is dated ${this.date}, before ${this.notBefore}, the date of the step it follows`;
  }
}
