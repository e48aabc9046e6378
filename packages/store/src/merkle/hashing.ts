/**
 * RFC 6962 §2.1 hashing: leaves and interior nodes are hashed with distinct one-byte prefixes so that a leaf
 * can never be passed off as a node (second-preimage resistance), and the empty tree's head is SHA-256 of "".
 */
import { createHash, hash as oneShotHash } from "node:crypto";

/** A SHA-256 digest, 32 bytes. */
export type Hash = Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export const leafHash = (data: Uint8Array): Hash =>
  createHash("sha256").update(LEAF_PREFIX).update(data).digest();

/** The leaf hash of a text's UTF-8 bytes, without copying them out first. */
export const leafHashOfText = (text: string): Hash =>
  createHash("sha256").update(LEAF_PREFIX).update(text, "utf8").digest();

// One buffer for a node's input: a one-shot hash of it costs half of three updates to a hash object.
const nodeInput = Buffer.alloc(65, 0x01);

/** MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
export const nodeHash = (left: Hash, right: Hash): Hash => {
  // Anything but two digests (a caller's mistake) is still hashed as given, not fitted into the buffer.
  if (left.length !== 32 || right.length !== 32) {
    return createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest();
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return oneShotHash("sha256", nodeInput, "buffer");
};

/** MTH({}) = SHA-256(), the head of a tree with no leaves. */
export const emptyTreeHash: Hash = createHash("sha256").digest();

export const hashEquals = (a: Hash, b: Hash): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
};

// A view of the hash's bytes, not a copy.
export const toHex = (hash: Hash): string =>
  Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("hex");

/** Lower-case hex of a 32-byte hash; anything else is not a hash. */
export const fromHex = (hex: string): Hash => {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(hex)}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
};
