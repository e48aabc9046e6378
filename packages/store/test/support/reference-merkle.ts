/**
 * RFC 6962 straight from node:crypto, independent of src/merkle: what the tests hold the store's heads to.
 * MTH({}) = SHA-256(), MTH({d}) = SHA-256(0x00 ‖ d), MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])).
 */
import { createHash } from "node:crypto";
import { canonicalEventBytes, type Event } from "../../src/index.js";

export const sha256 = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

const mth = (d: ReadonlyArray<Uint8Array>): Uint8Array => {
  if (d.length === 0) return sha256();
  if (d.length === 1) return d[0] as Uint8Array;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return sha256(Uint8Array.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
};

/** The head of a tree with these leaf hashes, as lower-case hex. */
export const referenceHead = (leaves: ReadonlyArray<Uint8Array>): string =>
  Buffer.from(mth(leaves)).toString("hex");

/** The leaf hash of an event: SHA-256(0x00 ‖ its canonical encoding). */
export const referenceLeaf = (event: Event): Uint8Array =>
  sha256(Uint8Array.of(0), canonicalEventBytes(event));
