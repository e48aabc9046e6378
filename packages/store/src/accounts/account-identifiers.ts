/**
 * The names an account is known by, and what a password must be. Every one is decoded with its Schema where
 * it crosses a boundary (tRPC input, `liuhen admin` options, a database row), so a bad one is refused with
 * the field it came in, before anything is written.
 */
import { Schema } from "effect";

/** An account's opaque id; its events form the stream `account/<id>`. */
export const AccountId = Schema.UUID.pipe(Schema.brand("AccountId"));
export type AccountId = typeof AccountId.Type;

/**
 * What a person signs in with, unique within an agency. Decoding lower-cases it, so `LiMing` and `liming`
 * are one account.
 */
export const Username = Schema.compose(
  Schema.Lowercase,
  Schema.String.pipe(
    Schema.pattern(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
      message: () => "a username is 2-64 letters, digits or . _ - and starts with a letter or digit",
    }),
  ),
).pipe(Schema.brand("Username"));
export type Username = typeof Username.Type;

/**
 * The staff directory's id of the person who holds the account: the `personId` need-to-know compares with a
 * file's subjects and author (packages/domain `readAccess`). An account without one (a pure administrator)
 * is nobody's subject and nobody's author.
 */
export const PersonId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
    message: () => "a person id is 1-100 letters, digits or . _ : - and starts with a letter or digit",
  }),
  Schema.brand("PersonId"),
);
export type PersonId = typeof PersonId.Type;

/** A name to show, e.g. 李明. */
export const DisplayName = Schema.String.pipe(
  Schema.filter((s) => s.trim() === s || "must not start or end with white space"),
  Schema.minLength(1, { message: () => "must not be empty" }),
  Schema.maxLength(100, { message: () => "must be at most 100 characters" }),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them.
  Schema.filter((s) => !/[\u0000-\u001f\u007f]/.test(s) || "must not contain control characters"),
);
export type DisplayName = typeof DisplayName.Type;

/** The fewest and most characters a password may have (NIST SP 800-63B: a long floor, a generous ceiling). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A password's text, checked for length only (no composition rules, per NIST SP 800-63B). */
export const PasswordText = Schema.String.pipe(
  Schema.minLength(PASSWORD_MIN_LENGTH, {
    message: () => `a password has at least ${PASSWORD_MIN_LENGTH} characters`,
  }),
  // The ceiling keeps a megabyte "password" from costing the hasher anything.
  Schema.maxLength(PASSWORD_MAX_LENGTH, {
    message: () => `a password has at most ${PASSWORD_MAX_LENGTH} characters`,
  }),
);

/** A password as it travels inside the server: redacted, so no log line or error can print it. */
export const Password = Schema.Redacted(PasswordText);
export type Password = typeof Password.Type;

/**
 * A password offered at sign-in. Only bounded, never judged by the length rule: an account made under an
 * older rule must still be able to sign in, and a refusal must not differ from a wrong password.
 */
export const OfferedPassword = Schema.Redacted(
  Schema.String.pipe(
    Schema.minLength(1, { message: () => "must not be empty" }),
    Schema.maxLength(PASSWORD_MAX_LENGTH, {
      message: () => `a password has at most ${PASSWORD_MAX_LENGTH} characters`,
    }),
  ),
);
export type OfferedPassword = typeof OfferedPassword.Type;

/** A name for an API token, e.g. `liuhen login on 法治科-PC`. */
export const TokenName = Schema.String.pipe(
  Schema.filter((s) => s.trim() === s || "must not start or end with white space"),
  Schema.minLength(1, { message: () => "must not be empty" }),
  Schema.maxLength(100, { message: () => "must be at most 100 characters" }),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them.
  Schema.filter((s) => !/[\u0000-\u001f\u007f]/.test(s) || "must not contain control characters"),
);

/** The public id of an API token: what lists show and revocation names. Never the secret. */
export const TokenId = Schema.UUID.pipe(Schema.brand("TokenId"));
export type TokenId = typeof TokenId.Type;
