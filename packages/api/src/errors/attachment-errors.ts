/** Failures of the API's attachments: a step names a file the caller has not stored nor may read. */
import { Schema } from "effect";

/**
 * A step names a file (by its SHA-256) that is not stored for the agency, or that the caller may not read:
 * the two are one error, so a step cannot be used to learn which files exist. `path` names the field
 * (`attachments.0.sha256`). Nothing was written.
 */
export class UnknownAttachment extends Schema.TaggedError<UnknownAttachment>()("UnknownAttachment", {
  message: Schema.String,
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
  sha256: Schema.String,
}) {}
