/**
 * Appending without rehashing the log. The frontier of a tree of n leaves is its perfect subtrees along the
 * right edge (`decompose({start: 0, end: n})`, at most one per level). Appending a leaf merges equal-sized
 * subtrees at the right like a binary counter carries; each merge completes a subtree that never changes
 * again and is stored once. An append costs O(log n) hashes at worst and O(1) on average.
 */
import { emptyTreeHash, type Hash, nodeHash } from "./hashing.js";
import { decompose, type Subtree } from "./subtrees.js";

export interface SubtreeHash extends Subtree {
  readonly hash: Hash;
}

export interface Frontier {
  readonly size: number;
  /** Left to right, largest first: exactly `decompose({ start: 0, end: size })`. */
  readonly subtrees: ReadonlyArray<SubtreeHash>;
}

export const emptyFrontier: Frontier = { size: 0, subtrees: [] };

/** The frontier's subtrees for a tree size: what to load before appending. */
export const frontierSubtrees = (size: number): ReadonlyArray<Subtree> => decompose({ start: 0, end: size });

/** The tree head: the right fold of the frontier, or SHA-256("") for no leaves. */
export const frontierRoot = (frontier: Frontier): Hash => {
  const parts = frontier.subtrees;
  const last = parts[parts.length - 1];
  if (last === undefined) return emptyTreeHash;
  let hash = last.hash;
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash((parts[i] as SubtreeHash).hash, hash);
  return hash;
};

export interface Appended {
  readonly frontier: Frontier;
  /** The subtrees of level ≥ 1 that these leaves completed, each to be stored once. */
  readonly completed: ReadonlyArray<SubtreeHash>;
}

export const appendLeaves = (frontier: Frontier, leaves: ReadonlyArray<Hash>): Appended => {
  const stack = [...frontier.subtrees];
  const completed: Array<SubtreeHash> = [];
  let size = frontier.size;
  for (const leaf of leaves) {
    let node: SubtreeHash = { level: 0, index: size, hash: leaf };
    for (
      let top = stack[stack.length - 1];
      top !== undefined && top.level === node.level;
      top = stack[stack.length - 1]
    ) {
      stack.pop();
      node = { level: node.level + 1, index: top.index / 2, hash: nodeHash(top.hash, node.hash) };
      completed.push(node);
    }
    stack.push(node);
    size += 1;
  }
  return { frontier: { size, subtrees: stack }, completed };
};
