/**
 * Each agency signs its checkpoints with its own Ed25519 key, kept in a key directory outside the database
 * (a database administrator must not hold both the log and the key that vouches for it). The key is made on
 * first use, written once with mode 0600 and never replaced; a key file others can read is refused.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Context, Effect, Layer } from "effect";
import { SigningKeyUnusable } from "../event-log/errors.js";
import type { AgencyId } from "../event-log/identifiers.js";
import { checkpointOrigin } from "./checkpoint-body.js";
import { signNote, verifierKey } from "./signed-note.js";

export interface CheckpointSignerService {
  /** Signs a note text with the agency's key (made now if the agency has none). */
  readonly sign: (agencyId: AgencyId, text: string) => Effect.Effect<string, SigningKeyUnusable>;
  /** The agency's verifier key, to publish for whoever checks its checkpoints. */
  readonly verifierKey: (agencyId: AgencyId) => Effect.Effect<string, SigningKeyUnusable>;
}

export class CheckpointSigner extends Context.Tag("@liuhen/store/CheckpointSigner")<
  CheckpointSigner,
  CheckpointSignerService
>() {
  /**
   * Keys in `directory`; those of `agencies` are made or checked at start, so a missing or unsafe key
   * stops the server then rather than at its first checkpoint.
   */
  static readonly layer = (options: {
    readonly directory: string;
    readonly agencies?: ReadonlyArray<AgencyId> | undefined;
  }): Layer.Layer<CheckpointSigner, SigningKeyUnusable> =>
    Layer.effect(
      CheckpointSigner,
      Effect.gen(function* () {
        const signer = makeCheckpointSigner(options.directory);
        yield* Effect.forEach(options.agencies ?? [], signer.verifierKey, { discard: true });
        return signer;
      }),
    );
}

export const keyFilePath = (directory: string, agencyId: AgencyId): string =>
  path.join(directory, `${agencyId}.ed25519.pem`);

const unusable = (file: string, reason: string) => new SigningKeyUnusable({ path: file, reason });

const describeError = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** Writes a new key unless one exists; two processes racing here end up with the same single key. */
const createKeyFile = (file: string): void => {
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ format: "pem", type: "pkcs8" });
  const temporary = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, pem, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
  } finally {
    fs.unlinkSync(temporary);
  }
};

const loadKey = (directory: string, agencyId: AgencyId): Effect.Effect<KeyObject, SigningKeyUnusable> => {
  const file = keyFilePath(directory, agencyId);
  return Effect.try({
    try: () => {
      fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
      if (!fs.existsSync(file)) createKeyFile(file);
      return fs.statSync(file);
    },
    catch: (cause) => unusable(file, `cannot create or read it: ${describeError(cause)}`),
  }).pipe(
    Effect.filterOrFail(
      (stat) => stat.isFile() && (stat.mode & 0o077) === 0,
      (stat) =>
        unusable(
          file,
          stat.isFile()
            ? `its mode is ${(stat.mode & 0o777).toString(8)}, so others may read it; make it 600 (chmod 600)`
            : "it is not a regular file",
        ),
    ),
    Effect.flatMap(() =>
      Effect.try({
        try: () => createPrivateKey(fs.readFileSync(file)),
        catch: (cause) => unusable(file, `not a PEM private key: ${describeError(cause)}`),
      }),
    ),
    Effect.filterOrFail(
      (key) => key.asymmetricKeyType === "ed25519",
      (key) => unusable(file, `an Ed25519 key is needed, not ${key.asymmetricKeyType ?? "an unknown kind"}`),
    ),
  );
};

export const makeCheckpointSigner = (directory: string): CheckpointSignerService => {
  // Loaded keys, by agency; a key file never changes once written, so a cached key stays right.
  const keys = new Map<AgencyId, KeyObject>();
  const key = (agencyId: AgencyId) =>
    Effect.suspend(() => {
      const known = keys.get(agencyId);
      return known !== undefined
        ? Effect.succeed(known)
        : Effect.tap(loadKey(directory, agencyId), (loaded) => Effect.sync(() => keys.set(agencyId, loaded)));
    });
  return {
    sign: (agencyId, text) =>
      Effect.map(key(agencyId), (privateKey) => signNote(text, checkpointOrigin(agencyId), privateKey)),
    verifierKey: (agencyId) =>
      Effect.map(key(agencyId), (privateKey) =>
        verifierKey(checkpointOrigin(agencyId), createPublicKey(privateKey)),
      ),
  };
};
