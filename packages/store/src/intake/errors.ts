/** What can go wrong with reports from the public, as values. */
import { Schema } from "effect";

/**
 * Too many submissions or receipt look-ups from this address within the window. Receipt codes are too long
 * to guess, but each look-up still costs the server; the limit keeps anyone from trying codes wholesale.
 */
export class IntakeThrottled extends Schema.TaggedError<IntakeThrottled>()("IntakeThrottled", {
  action: Schema.Literal("submit", "lookup"),
  retryAfterSeconds: Schema.Number,
}) {
  override get message(): string {
    return `too many ${this.action === "submit" ? "reports" : "receipt look-ups"} from this address; try again in ${this.retryAfterSeconds} s`;
  }
}

/**
 * A report was sent to an agency this deployment does not serve (its log has not begun). Nothing is
 * written: a public form must not bring new agencies into being.
 */
export class UnknownAgency extends Schema.TaggedError<UnknownAgency>()("UnknownAgency", {
  agencyId: Schema.String,
}) {
  override get message(): string {
    return `no agency ${this.agencyId} takes reports here`;
  }
}

/** The proceeding was not opened by a report from the public: it has no receipt and no thread. */
export class NoPublicReport extends Schema.TaggedError<NoPublicReport>()("NoPublicReport", {
  agencyId: Schema.String,
  proceedingId: Schema.String,
}) {
  override get message(): string {
    return `proceeding ${this.proceedingId} of ${this.agencyId} was not reported through the public channel`;
  }
}
