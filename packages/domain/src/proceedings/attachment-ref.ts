/**
 * A file a step rests on — the record of an interview, a photograph of the site, a copy of a case document
 * (WC.10.2 调阅有关案件材料、询问执法责任人、了解核实有关情况; IF.3 全面、如实记录) — referenced by the SHA-256 of its
 * bytes. The log holds the reference, not the bytes: an event that names a file commits to its exact content,
 * so a file swapped where it is kept no longer matches the hash the log recorded (全程留痕，有据可查).
 *
 * Events written before attachments existed carry none: the field is optional on the wire and decodes as
 * `[]`, so their stored payloads (immutable, hashed) read as they were written.
 */
import { Schema } from "effect";

/** The SHA-256 of a file's bytes, 64 lower-case hex digits. */
export const AttachmentSha256 = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, {
    message: () => "a SHA-256 digest is 64 lower-case hex digits",
  }),
  Schema.annotations({ identifier: "AttachmentSha256" }),
);
export type AttachmentSha256 = typeof AttachmentSha256.Type;

/** The most characters a file name may have (many file systems allow 255 bytes; 现场照片.jpg needs 8 characters). */
export const MAX_ATTACHMENT_NAME_LENGTH = 200;

/**
 * Text that reads back unchanged through UTF-8 and shows as what it says: no control characters (C0, DEL,
 * C1), no lone surrogates.
 */
const isPlainText = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    }
  }
  return true;
};

/** A file's name as its uploader gave it: a name, not a path. */
export const AttachmentName = Schema.String.pipe(
  Schema.filter((s) => s.trim() !== "" || "a file name must not be blank"),
  Schema.filter((s) => s.trim() === s || "a file name must not start or end with white space"),
  Schema.maxLength(MAX_ATTACHMENT_NAME_LENGTH, {
    message: () => `a file name has at most ${MAX_ATTACHMENT_NAME_LENGTH} characters`,
  }),
  Schema.filter((s) => isPlainText(s) || "a file name must not contain control characters"),
  Schema.filter(
    (s) => (!/[/\\]/.test(s) && s !== "." && s !== "..") || "a file name is a name, not a path (no / or \\)",
  ),
  Schema.annotations({ identifier: "AttachmentName" }),
);
export type AttachmentName = typeof AttachmentName.Type;

/**
 * A media type's essence (RFC 9110 §8.3.1: `type/subtype`, without parameters), in lower case, as
 * `image/jpeg` or `application/pdf`.
 */
export const MediaType = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/, {
    message: () => "a media type is type/subtype in lower case, e.g. image/jpeg",
  }),
  Schema.annotations({ identifier: "MediaType" }),
);
export type MediaType = typeof MediaType.Type;

/** A file's size in bytes. */
export const AttachmentSize = Schema.Int.pipe(
  Schema.nonNegative({ message: () => "a size is a whole number of bytes, at least 0" }),
  Schema.annotations({ identifier: "AttachmentSize" }),
);

/** One file a step rests on: its content's hash, and what the store said of it when the step was taken. */
export const AttachmentRef = Schema.Struct({
  sha256: AttachmentSha256,
  name: AttachmentName,
  mediaType: MediaType,
  size: AttachmentSize,
}).annotations({ identifier: "AttachmentRef" });
export type AttachmentRef = typeof AttachmentRef.Type;

/** The files of a step; absent in events written before attachments existed, hence `[]`. */
export const StepAttachments = Schema.optionalWith(Schema.Array(AttachmentRef), { default: () => [] });
