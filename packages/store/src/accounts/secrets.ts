/**
 * Secrets handed to a client once (session ids, API tokens, CSRF tokens, generated passwords) and the
 * SHA-256 by which the database knows the first two. A database that leaks gives no one a usable session or
 * token: only hashes of 256-bit random values are kept.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Redacted } from "effect";

/** 256 random bits as base64url text (43 characters). */
export const newSecret = (): string => randomBytes(32).toString("base64url");

/** The SHA-256 of a secret as 64 lower-case hex digits: the only form the database keeps. */
export const secretHash = (secret: Redacted.Redacted<string> | string): string =>
  createHash("sha256")
    .update(typeof secret === "string" ? secret : Redacted.value(secret), "utf8")
    .digest("hex");

/** Compares two texts in time that depends on their length only. */
export const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
};

// No 0/O, 1/l/I: a generated password is read off a screen and typed.
const PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A password to show once (a new account, a reset): 20 characters from a 57-letter alphabet, about 116 bits,
 * in groups of five for reading aloud.
 */
export const generatePassword = (): Redacted.Redacted<string> => {
  const chars: Array<string> = [];
  // Rejection sampling keeps every letter equally likely.
  while (chars.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < 256 - (256 % PASSWORD_ALPHABET.length) && chars.length < 20) {
        chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length] as string);
      }
    }
  }
  const text = chars.join("");
  return Redacted.make(`${text.slice(0, 5)}-${text.slice(5, 10)}-${text.slice(10, 15)}-${text.slice(15)}`);
};
