/**
 * Passwords as argon2id hashes (PHC strings), with the parameters the OWASP Password Storage Cheat Sheet
 * gives as its first choice: m = 19 MiB, t = 2, p = 1. Hashing and verifying run on libuv's thread pool
 * (`@node-rs/argon2`'s async functions), so a sign-in does not hold up the event loop for other requests.
 */
import { randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { Context, Effect, Layer, Redacted } from "effect";

export interface Argon2Parameters {
  /** KiB of memory. */
  readonly memoryCost: number;
  /** Passes over the memory. */
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, Argon2id: "a minimum configuration of 19 MiB of memory, an iteration count of 2, and 1 degree of parallelism". */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// `Algorithm` is an ambient const enum, which isolated modules cannot read: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

export interface PasswordHasherService {
  /** A fresh salt each time: the same password never hashes alike twice. */
  readonly hash: (password: Redacted.Redacted<string>) => Effect.Effect<string>;
  /** Whether `password` is the one `hashed` was made from; a malformed hash is simply no match. */
  readonly verify: (hashed: string, password: Redacted.Redacted<string>) => Effect.Effect<boolean>;
  /**
   * Spends what a verification spends, on nothing: for a username with no account, so the answer comes as
   * late as for a wrong password and timing does not tell which accounts exist.
   */
  readonly verifyNothing: (password: Redacted.Redacted<string>) => Effect.Effect<false>;
}

export class PasswordHasher extends Context.Tag("@liuhen/store/PasswordHasher")<
  PasswordHasher,
  PasswordHasherService
>() {
  static readonly make = (
    parameters: Argon2Parameters = OWASP_ARGON2ID,
  ): Effect.Effect<PasswordHasherService> =>
    Effect.gen(function* () {
      const options = { algorithm: ARGON2ID, ...parameters };
      const hashWith = (password: Redacted.Redacted<string>) =>
        Effect.promise(() => hash(Redacted.value(password), options));
      const verifyWith = (hashed: string, password: Redacted.Redacted<string>) =>
        Effect.promise(() => verify(hashed, Redacted.value(password)).catch(() => false));
      // A hash of a random secret nobody knows, made once, for `verifyNothing`.
      const decoy = yield* hashWith(Redacted.make(randomBytes(32).toString("base64url")));
      return {
        hash: hashWith,
        verify: verifyWith,
        verifyNothing: (password) => Effect.as(verifyWith(decoy, password), false as const),
      };
    });

  /** argon2id with the OWASP parameters (or others, for a deployment that measured its own). */
  static readonly layer = (parameters: Argon2Parameters = OWASP_ARGON2ID): Layer.Layer<PasswordHasher> =>
    Layer.effect(PasswordHasher, PasswordHasher.make(parameters));
}
