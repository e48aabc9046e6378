/**
 * The tree as a set of perfect subtrees. A `Subtree` at `level` l and `index` i covers the 2^l leaves
 * [i·2^l, (i+1)·2^l). Every hash RFC 6962 asks for, heads and proof nodes alike, is the hash of a range
 * that splits into a few such subtrees (at most one per level), so a store that keeps each perfect subtree
 * once it is complete can answer any head or proof without rehashing the log.
 *
 * Arithmetic, not bit operators: tree sizes may pass 2^31.
 */
import { type Hash, nodeHash } from "./hashing.js";

export interface Subtree {
  readonly level: number;
  readonly index: number;
}

/** Leaves [start, end): the range whose RFC 6962 head MTH(D[start:end]) is wanted. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** Looks up the hash of a complete perfect subtree (level 0: the leaf hash). */
export type SubtreeHashes = (subtree: Subtree) => Hash;

export const subtreeKey = (s: Subtree): string => `${s.level}:${s.index}`;

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** k, the largest power of two smaller than n (n ≥ 2): the split point of RFC 6962 §2.1. */
export const splitPoint = (n: number): number => {
  if (!isSize(n) || n < 2) throw new RangeError(`no split point for a tree of ${n} leaves`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * The perfect subtrees that make up a range, left to right, largest first. For a range that the RFC 6962
 * recursion produces (its start a multiple of the power of two at or above its length), MTH of the range is
 * the right fold of these: H(s1, H(s2, … sk)).
 */
export const decompose = (range: LeafRange): ReadonlyArray<Subtree> => {
  const { start, end } = range;
  if (!isSize(start) || !isSize(end) || start > end) {
    throw new RangeError(`not a leaf range: [${start}, ${end})`);
  }
  const parts: Array<Subtree> = [];
  let at = start;
  while (at < end) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    parts.push({ level, index: at / width });
    at += width;
  }
  return parts;
};

/** MTH(D[start:end]) from the perfect subtrees that make it up; the range must not be empty. */
export const rangeHash = (range: LeafRange, hashes: SubtreeHashes): Hash => {
  const parts = decompose(range);
  const last = parts[parts.length - 1];
  if (last === undefined) throw new RangeError("the empty range has no subtree hash; use emptyTreeHash");
  let hash = hashes(last);
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(hashes(parts[i] as Subtree), hash);
  return hash;
};

/** The subtrees, without repeats, whose hashes `rangeHash` needs for all these ranges: what to fetch. */
export const subtreesOf = (ranges: ReadonlyArray<LeafRange>): ReadonlyArray<Subtree> => {
  const seen = new Map<string, Subtree>();
  for (const range of ranges) for (const s of decompose(range)) seen.set(subtreeKey(s), s);
  return [...seen.values()];
};

/**
 * Subtree hashes computed from the leaf hashes alone (memoised), for callers that hold the whole log, such
 * as an offline verifier reading an export, and for tests.
 */
export const subtreeHashesFromLeaves = (leaves: ReadonlyArray<Hash>): SubtreeHashes => {
  const memo = new Map<string, Hash>();
  const get = (s: Subtree): Hash => {
    const key = subtreeKey(s);
    const known = memo.get(key);
    if (known !== undefined) return known;
    let hash: Hash;
    if (s.level === 0) {
      const leaf = leaves[s.index];
      if (leaf === undefined) throw new RangeError(`no leaf ${s.index} in a tree of ${leaves.length}`);
      hash = leaf;
    } else {
      hash = nodeHash(
        get({ level: s.level - 1, index: s.index * 2 }),
        get({ level: s.level - 1, index: s.index * 2 + 1 }),
      );
    }
    memo.set(key, hash);
    return hash;
  };
  return get;
};
