/**
 * A public reporter's receipt code (回执码): 140 random bits from the operating system's generator, written
 * in Crockford's base 32 as seven groups of four (`7K3M-Q9XD-…`), so it can be read off a screen, written
 * down and typed back. It is shown once; the database keeps only its SHA-256, and a code is found by looking
 * its hash up, never by comparing codes.
 *
 * Reading a code back forgives what people do when they type: lower case, hyphens or spaces anywhere, and
 * the letters Crockford maps to digits (I and L to 1, O to 0).
 */
import { createHash, randomBytes } from "node:crypto";
import { Option, Redacted } from "effect";

// Crockford's base 32: digits and letters without I, L, O, U.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Symbols in a code: 28 × 5 = 140 random bits, at least the 128 a guess must overcome. */
export const RECEIPT_CODE_SYMBOLS = 28;
const GROUP = 4;

/** A new code, grouped for reading, e.g. `7K3M-Q9XD-2H5B-…`. */
export const newReceiptCode = (): Redacted.Redacted<string> => {
  // 18 bytes hold the 140 bits; each symbol takes the next five.
  const bytes = randomBytes(18);
  let symbols = "";
  for (let i = 0; i < RECEIPT_CODE_SYMBOLS; i++) {
    const bit = i * 5;
    const pair = ((bytes[bit >> 3] ?? 0) << 8) | (bytes[(bit >> 3) + 1] ?? 0);
    symbols += ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  const groups = symbols.match(new RegExp(`.{${GROUP}}`, "g")) ?? [];
  return Redacted.make(groups.join("-"));
};

const FORGIVEN: Readonly<Record<string, string>> = { I: "1", L: "1", O: "0" };

/**
 * The code's canonical form (28 symbols, upper case, no separators), or none if the text cannot be a code.
 * A malformed code and an unknown one must look alike to the caller: both become "not found" upstream.
 */
export const canonicalReceiptCode = (text: string): Option.Option<string> => {
  if (text.length > 100) return Option.none();
  const symbols = text
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[ILO]/g, (c) => FORGIVEN[c] ?? c);
  return symbols.length === RECEIPT_CODE_SYMBOLS && [...symbols].every((c) => ALPHABET.includes(c))
    ? Option.some(symbols)
    : Option.none();
};

/** The SHA-256 (64 lower-case hex digits) of a code's canonical form: all the database ever holds of it. */
export const receiptHash = (canonical: string): string =>
  createHash("sha256").update(canonical, "utf8").digest("hex");

/** The hash of a code as typed, or none if it cannot be a code. */
export const receiptHashOf = (code: Redacted.Redacted<string> | string): Option.Option<string> =>
  Option.map(canonicalReceiptCode(typeof code === "string" ? code : Redacted.value(code)), receiptHash);
