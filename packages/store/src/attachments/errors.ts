/** What can go wrong with attached files, as values. */
import { Schema } from "effect";

/**
 * A stored file no longer is what its hash says: its bytes (or size) were changed behind the store's back.
 * The log recorded the hash when a step referenced the file, so the file cannot be trusted and is not served.
 */
export class AttachmentAltered extends Schema.TaggedError<AttachmentAltered>()("AttachmentAltered", {
  agencyId: Schema.String,
  sha256: Schema.String,
}) {
  override get message(): string {
    return `the stored file ${this.sha256} of ${this.agencyId} no longer matches its SHA-256`;
  }
}

/** A file to store failed its Schema (its name or media type): `field` names what. Nothing was written. */
export class InvalidAttachment extends Schema.TaggedError<InvalidAttachment>()("InvalidAttachment", {
  field: Schema.Literal("name", "mediaType", "content"),
  detail: Schema.String,
}) {
  override get message(): string {
    return `${this.field}: ${this.detail}`;
  }
}
