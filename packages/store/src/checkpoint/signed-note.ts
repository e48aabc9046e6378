/**
 * Signed notes after C2SP signed-note (the format of Go's checksum database and of transparency-log
 * checkpoints), with Ed25519 keys from node:crypto:
 *
 *     <text, ending in a newline>
 *     <blank line>
 *     — <key name> <base64(4-byte key id || 64-byte signature)>
 *
 * The key id is the first four bytes of SHA-256(key name || "\n" || 0x01 || 32-byte public key); a verifier
 * key is written `<name>+<key id, 8 hex digits>+<base64(0x01 || public key)>`. Pure: no files, no database.
 */
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

const ED25519 = 0x01;
const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;

/** A key name: non-empty, no white space, no plus sign. */
export const isKeyName = (name: string): boolean => /^[^\s+]+$/.test(name);

/** The 32 raw bytes of an Ed25519 public key. */
export const rawPublicKey = (key: KeyObject): Uint8Array => {
  const jwk = key.export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new TypeError("not an Ed25519 key");
  return new Uint8Array(Buffer.from(jwk.x, "base64url"));
};

const publicKeyFromRaw = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") },
    format: "jwk",
  });

const keyId = (name: string, raw: Uint8Array): Buffer =>
  createHash("sha256").update(`${name}\n`).update(Uint8Array.of(ED25519)).update(raw).digest().subarray(0, 4);

/** The verifier key to publish for a signer: what `openNote` needs to check its signatures. */
export const verifierKey = (name: string, publicKey: KeyObject): string => {
  if (!isKeyName(name)) throw new RangeError(`not a key name: ${JSON.stringify(name)}`);
  const raw = rawPublicKey(publicKey);
  return `${name}+${keyId(name, raw).toString("hex")}+${Buffer.concat([Uint8Array.of(ED25519), raw]).toString("base64")}`;
};

export interface Verifier {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

/** Reads a verifier key; undefined if it is malformed or its key id does not match its key. */
export const parseVerifierKey = (text: string): Verifier | undefined => {
  // The base64 key may itself contain '+': split at the first two only.
  const m = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text);
  if (m === null) return undefined;
  const [, name, id, key] = m as unknown as [string, string, string, string];
  if (!isKeyName(name) || !/^[0-9a-f]{8}$/.test(id)) return undefined;
  const bytes = Buffer.from(key, "base64");
  if (bytes.length !== 33 || bytes[0] !== ED25519 || bytes.toString("base64") !== key) return undefined;
  const raw = bytes.subarray(1);
  if (keyId(name, raw).toString("hex") !== id) return undefined;
  return { name, keyId: Buffer.from(id, "hex"), publicKey: publicKeyFromRaw(raw) };
};

/** Signs `text` (which must end in a newline) and returns the note. */
export const signNote = (text: string, name: string, privateKey: KeyObject): string => {
  if (!text.endsWith("\n")) throw new RangeError("a note's text ends with a newline");
  if (!isKeyName(name)) throw new RangeError(`not a key name: ${JSON.stringify(name)}`);
  const raw = rawPublicKey(createPublicKey(privateKey));
  const signature = sign(null, Buffer.from(text, "utf8"), privateKey);
  return `${text}\n\u2014 ${name} ${Buffer.concat([keyId(name, raw), signature]).toString("base64")}\n`;
};

/**
 * The text of a note if it carries a valid signature by `verifier`, else undefined. Signatures by other
 * keys are ignored, as the format allows several signers.
 */
export const openNote = (note: string, verifier: Verifier): string | undefined => {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) return undefined;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split("\n");
  for (const line of lines) {
    const m = SIGNATURE_LINE.exec(line);
    if (m === null) return undefined;
    if (m[1] !== verifier.name) continue;
    const bytes = Buffer.from(m[2] as string, "base64");
    if (bytes.length !== 68 || !bytes.subarray(0, 4).equals(verifier.keyId)) continue;
    if (verify(null, Buffer.from(text, "utf8"), verifier.publicKey, bytes.subarray(4))) return text;
  }
  return undefined;
};
