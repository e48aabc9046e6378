/**
 * Proof generation after RFC 6962 §2.1.1 (PATH, the audit path) and §2.1.2 (PROOF/SUBPROOF, the consistency
 * proof). Each proof is first described as the leaf ranges whose heads it lists, so a store can fetch the
 * perfect subtrees those ranges need in one go (`subtreesOf`) and then hash them (`rangeHash`).
 */
import type { Hash } from "./hashing.js";
import { type LeafRange, rangeHash, type SubtreeHashes, splitPoint } from "./subtrees.js";

const checkSize = (what: string, n: number): void => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
};

/** PATH(m, D[n]) as leaf ranges, nearest the leaf first. Needs 0 ≤ m < n. */
export const inclusionRanges = (leafIndex: number, treeSize: number): ReadonlyArray<LeafRange> => {
  checkSize("leaf index", leafIndex);
  checkSize("tree size", treeSize);
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize}`);
  const path: Array<LeafRange> = [];
  // Walk down from the root; each step's sibling joins the path, which is then read leaf-first.
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      start += k;
    }
  }
  return path.reverse();
};

/** PROOF(m, D[n]) as leaf ranges, in the RFC's order. Needs 0 ≤ m ≤ n; empty when m is 0 or m = n. */
export const consistencyRanges = (fromSize: number, toSize: number): ReadonlyArray<LeafRange> => {
  checkSize("first tree size", fromSize);
  checkSize("second tree size", toSize);
  if (fromSize > toSize) throw new RangeError(`tree size ${fromSize} is past ${toSize}`);
  if (fromSize === 0 || fromSize === toSize) return [];
  const proof: Array<LeafRange> = [];
  // SUBPROOF(m, D[start:end], b), unrolled; entries are pushed root-side first and reversed at the end.
  let m = fromSize;
  let start = 0;
  let end = toSize;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      start += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) proof.push({ start, end });
  return proof.reverse();
};

/** The audit path for leaf `leafIndex` in the tree of the first `treeSize` leaves. */
export const inclusionProof = (
  leafIndex: number,
  treeSize: number,
  hashes: SubtreeHashes,
): ReadonlyArray<Hash> => inclusionRanges(leafIndex, treeSize).map((range) => rangeHash(range, hashes));

/** The consistency proof between the trees of the first `fromSize` and the first `toSize` leaves. */
export const consistencyProof = (
  fromSize: number,
  toSize: number,
  hashes: SubtreeHashes,
): ReadonlyArray<Hash> => consistencyRanges(fromSize, toSize).map((range) => rangeHash(range, hashes));
