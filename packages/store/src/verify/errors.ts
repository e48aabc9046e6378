/**
 * What keeps a verification from running at all (exit 1 in `liuhen verify`), as opposed to a file that
 * runs and fails (a `Rejected` report, exit 2).
 */
import { Schema } from "effect";

/** The verifier key the auditor gave is not a C2SP Ed25519 verifier key. */
export class TrustedKeyInvalid extends Schema.TaggedError<TrustedKeyInvalid>()("TrustedKeyInvalid", {
  key: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `the verifier key ${JSON.stringify(this.key)} cannot be used: ${this.reason}`;
  }
}

/** The earlier checkpoint the auditor gave is not a signed checkpoint note (nor an export's checkpoint line). */
export class EarlierCheckpointInvalid extends Schema.TaggedError<EarlierCheckpointInvalid>()(
  "EarlierCheckpointInvalid",
  { reason: Schema.String },
) {
  override get message(): string {
    return `the earlier checkpoint cannot be read: ${this.reason}`;
  }
}

/** An export file, or the place one is written to, cannot be read or written. */
export class ExportFileUnusable extends Schema.TaggedError<ExportFileUnusable>()("ExportFileUnusable", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `${this.path}: ${this.reason}`;
  }
}
