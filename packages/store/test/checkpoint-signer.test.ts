/** The agency's signing key: made once, kept with mode 0600 outside the database, refused when exposed. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "@effect/vitest";
import { Effect, Layer } from "effect";
import {
  AgencyId,
  CheckpointSigner,
  keyFilePath,
  makeCheckpointSigner,
  openNote,
  parseVerifierKey,
} from "../src/index.js";

const made: Array<string> = [];
const keyDirectory = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liuhen-keys-"));
  made.push(directory);
  return path.join(directory, "keys");
};
afterAll(() => {
  for (const directory of made) fs.rmSync(directory, { recursive: true, force: true });
});
const agency = AgencyId.make("qianjiang-msa");

describe("checkpoint signer", () => {
  it.effect("makes each listed agency's key at start, mode 0600 in a directory of mode 0700", () =>
    Effect.gen(function* () {
      const directory = keyDirectory();
      yield* Layer.build(CheckpointSigner.layer({ directory, agencies: [agency] })).pipe(Effect.scoped);
      expect((fs.statSync(keyFilePath(directory, agency)).mode & 0o777).toString(8)).toBe("600");
      expect((fs.statSync(directory).mode & 0o777).toString(8)).toBe("700");
    }),
  );

  it.effect("signs notes its verifier key opens, and keeps one key for all signers on the directory", () =>
    Effect.gen(function* () {
      const directory = keyDirectory();
      // Several signers on one directory, as several processes would be: one key file results.
      const keys = yield* Effect.all(
        Array.from({ length: 5 }, () => makeCheckpointSigner(directory).verifierKey(agency)),
        { concurrency: "unbounded" },
      );
      expect(new Set(keys).size).toBe(1);
      expect(fs.readdirSync(directory)).toEqual([`${agency}.ed25519.pem`]);
      const note = yield* makeCheckpointSigner(directory).sign(agency, "liuhen/qianjiang-msa\n0\n");
      const verifier = parseVerifierKey(keys[0] as string);
      expect(verifier && openNote(note, verifier)).toBe("liuhen/qianjiang-msa\n0\n");
    }),
  );

  it.effect("refuses a key file that others may read, naming the file and the fix", () =>
    Effect.gen(function* () {
      const directory = keyDirectory();
      yield* makeCheckpointSigner(directory).verifierKey(agency);
      fs.chmodSync(keyFilePath(directory, agency), 0o644);
      const error = yield* Effect.flip(makeCheckpointSigner(directory).sign(agency, "text\n"));
      expect(error._tag).toBe("SigningKeyUnusable");
      expect(error.path).toBe(keyFilePath(directory, agency));
      expect(error.reason).toMatch(/644.*chmod 600/);
    }),
  );

  it.effect("refuses a key file that is not an Ed25519 key", () =>
    Effect.gen(function* () {
      const directory = keyDirectory();
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(keyFilePath(directory, agency), "not a key", { mode: 0o600 });
      const error = yield* Effect.flip(makeCheckpointSigner(directory).verifierKey(agency));
      expect(error.reason).toMatch(/not a PEM private key/);
    }),
  );
});
