/** Failures of signing in and of proving a request's origin. Store failures keep their own tags. */
import { Schema } from "effect";

/**
 * A change asked for with the session cookie but without the session's CSRF token in `x-liuhen-csrf`, or
 * with another: possibly a request forged by another site. Nothing was done.
 */
export class CsrfMismatch extends Schema.TaggedError<CsrfMismatch>()("CsrfMismatch", {
  message: Schema.String,
}) {}

/**
 * A password change that must replace a password someone else set, offering that same password again: whoever
 * set it would still know it. Nothing was changed.
 */
export class PasswordUnchanged extends Schema.TaggedError<PasswordUnchanged>()("PasswordUnchanged", {
  message: Schema.String,
}) {}
