/**
 * Refusals of the legal section's oversight procedures (spot checks, failures to record, monthly
 * attestations), as values. Each names the input field it concerns; nothing was written.
 */
import { Schema } from "effect";

/**
 * A monthly attestation that does not match the caller's records of the month: a record left out
 * (`missing`), an id that is not theirs of that month (`extra`), or a nil return (零报告) for a month with
 * records.
 */
export class AttestationMismatch extends Schema.TaggedError<AttestationMismatch>()("AttestationMismatch", {
  message: Schema.String,
  field: Schema.Literal("recordIds", "kind"),
  missing: Schema.Array(Schema.String),
  extra: Schema.Array(Schema.String),
}) {}

/** The agency has switched monthly attestation off: there is nothing to attest. */
export class MonthlyAttestationOff extends Schema.TaggedError<MonthlyAttestationOff>()(
  "MonthlyAttestationOff",
  { message: Schema.String },
) {}

/** A month that has not begun yet cannot be attested. */
export class MonthInFuture extends Schema.TaggedError<MonthInFuture>()("MonthInFuture", {
  message: Schema.String,
  field: Schema.Literal("month"),
  month: Schema.String,
  today: Schema.String,
}) {}
