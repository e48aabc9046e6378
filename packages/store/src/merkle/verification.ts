/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write it, for
 * proofs made after RFC 6962 (the two RFCs build the same trees and the same proofs). Pure: a verifier
 * needs only these functions, the hashes and the sizes. Halving is done with arithmetic (sizes may pass 2^31).
 */
import { emptyTreeHash, type Hash, hashEquals, nodeHash } from "./hashing.js";

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);
const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const isHash = (h: Hash): boolean => h.length === 32;

export interface InclusionClaim {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Hash;
  readonly path: ReadonlyArray<Hash>;
  readonly rootHash: Hash;
}

/** RFC 9162 §2.1.3.2: does `path` prove that `leafHash` sits at `leafIndex` in the tree with head `rootHash`? */
export const verifyInclusion = (claim: InclusionClaim): boolean => {
  const { leafIndex, treeSize, leafHash, path, rootHash } = claim;
  if (!isSize(leafIndex) || !isSize(treeSize) || !isHash(leafHash) || !isHash(rootHash)) return false;
  // 1. leaf_index must be below tree_size.
  if (leafIndex >= treeSize) return false;
  // 2. fn = leaf_index, sn = tree_size - 1, r = hash.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  // 3. For each value p in the inclusion_path array:
  for (const p of path) {
    if (!isHash(p)) return false;
    // a. If sn is 0, stop the iteration and fail the proof verification.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // b. r = HASH(0x01 || p || r); unless LSB(fn) is set, right-shift fn and sn until it is or fn is 0.
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // c. Otherwise r = HASH(0x01 || r || p).
      r = nodeHash(r, p);
    }
    // d. Right-shift both fn and sn once.
    fn = half(fn);
    sn = half(sn);
  }
  // 4. sn must be 0 and r must be the root hash.
  return sn === 0 && hashEquals(r, rootHash);
};

export interface ConsistencyClaim {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: Hash;
  readonly toRoot: Hash;
  readonly path: ReadonlyArray<Hash>;
}

const isPowerOfTwo = (n: number): boolean => {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
};

/**
 * RFC 9162 §2.1.4.2: does `path` prove the tree of `toSize` leaves with head `toRoot` extends the tree of
 * `fromSize` leaves with head `fromRoot`? Equal sizes need an empty proof and equal heads; every tree extends
 * the empty one (size 0, head SHA-256 of ""), with an empty proof.
 */
export const verifyConsistency = (claim: ConsistencyClaim): boolean => {
  const { fromSize, toSize, fromRoot, toRoot, path } = claim;
  if (!isSize(fromSize) || !isSize(toSize) || !isHash(fromRoot) || !isHash(toRoot)) return false;
  if (fromSize > toSize) return false;
  if (fromSize === 0) return path.length === 0 && hashEquals(fromRoot, emptyTreeHash);
  if (fromSize === toSize) return path.length === 0 && hashEquals(fromRoot, toRoot);
  if (!path.every(isHash)) return false;
  // 1. An empty consistency_path fails.
  if (path.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash to the consistency_path.
  const nodes = isPowerOfTwo(fromSize) ? [fromRoot, ...path] : [...path];
  // 3. fn = first - 1, sn = second - 1.
  let fn = fromSize - 1;
  let sn = toSize - 1;
  // 4. If LSB(fn) is set, right-shift fn and sn equally until it is not.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr and sr both start as the first value of the consistency_path.
  let fr = nodes[0] as Hash;
  let sr = nodes[0] as Hash;
  // 6. For each subsequent value c:
  for (const c of nodes.slice(1)) {
    // a. If sn is 0, stop the iteration and fail the proof verification.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // b. fr = HASH(0x01 || c || fr), sr = HASH(0x01 || c || sr); unless LSB(fn) is set, right-shift fn
      //    and sn until it is or fn is 0.
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      // c. Otherwise sr = HASH(0x01 || sr || c).
      sr = nodeHash(sr, c);
    }
    // d. Right-shift both fn and sn once.
    fn = half(fn);
    sn = half(sn);
  }
  // 7. fr must be first_hash, sr second_hash, and sn 0.
  return hashEquals(fr, fromRoot) && hashEquals(sr, toRoot) && sn === 0;
};
