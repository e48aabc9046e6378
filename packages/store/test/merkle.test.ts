/**
 * The pure RFC 6962 module against an independent reference: the RFC's recursive definitions of MTH, PATH
 * and PROOF written out below over plain arrays, hashes from node:crypto directly, and the Certificate
 * Transparency project's published tree heads for its eight test leaves.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  appendLeaves,
  consistencyProof,
  emptyFrontier,
  type Frontier,
  fromHex,
  frontierRoot,
  frontierSubtrees,
  type Hash,
  inclusionProof,
  leafHash,
  nodeHash,
  rangeHash,
  subtreeHashesFromLeaves,
  subtreesOf,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from "../src/merkle/index.js";

// ---- Reference: RFC 6962 §2.1 as written, recursive over arrays. ----
const sha256 = (...parts: ReadonlyArray<Uint8Array>): Hash => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const refLeaf = (data: Uint8Array): Hash => sha256(Uint8Array.of(0), data);
const refNode = (l: Hash, r: Hash): Hash => sha256(Uint8Array.of(1), l, r);
const k = (n: number): number => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};
const mth = (d: ReadonlyArray<Hash>): Hash => {
  if (d.length === 0) return sha256();
  if (d.length === 1) return d[0] as Hash;
  const s = k(d.length);
  return refNode(mth(d.slice(0, s)), mth(d.slice(s)));
};
const path = (m: number, d: ReadonlyArray<Hash>): Array<Hash> => {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s
    ? [...path(m, d.slice(0, s)), mth(d.slice(s))]
    : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
};
const subproof = (m: number, d: ReadonlyArray<Hash>, b: boolean): Array<Hash> => {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
};

const hex = (h: Hash): string => Buffer.from(h).toString("hex");
const flipBit = (h: Hash, bit: number): Hash => {
  const copy = new Uint8Array(h);
  copy[Math.floor(bit / 8) % 32] = (copy[Math.floor(bit / 8) % 32] as number) ^ (1 << (bit % 8));
  return copy;
};
const garbage = sha256(new TextEncoder().encode("not a node of this tree"));

// Certificate Transparency's test leaves and the heads of their first 0..8 (merkle_tree_test.cc, and
// transparency-dev/merkle's testonly package).
const CT_LEAVES = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
]
  .map((h) => new Uint8Array(Buffer.from(h, "hex")))
  .map(leafHash);
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const MAX = 70;
const LEAVES: ReadonlyArray<Hash> = Array.from({ length: MAX }, (_, i) =>
  refLeaf(new TextEncoder().encode(`event ${i}`)),
);
const HASHES = subtreeHashesFromLeaves(LEAVES);
const ROOTS: ReadonlyArray<Hash> = Array.from({ length: MAX + 1 }, (_, n) => mth(LEAVES.slice(0, n)));

describe("RFC 6962 hashing", () => {
  it("hashes a leaf as SHA-256(0x00 || data) and a node as SHA-256(0x01 || left || right)", () => {
    const a = new TextEncoder().encode("a");
    expect(hex(leafHash(a))).toBe(
      createHash("sha256")
        .update(Buffer.from([0x00, 0x61]))
        .digest("hex"),
    );
    const l = leafHash(a);
    const r = leafHash(new TextEncoder().encode("b"));
    expect(hex(nodeHash(l, r))).toBe(
      createHash("sha256")
        .update(Buffer.concat([Buffer.from([1]), l, r]))
        .digest("hex"),
    );
  });

  it("gives the head of a three-leaf tree as H(H(l0, l1), l2), computed here by hand", () => {
    const d = ["x", "y", "z"].map((s) =>
      createHash("sha256")
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(s)]))
        .digest(),
    );
    const n01 = createHash("sha256")
      .update(Buffer.concat([Buffer.from([1]), d[0] as Buffer, d[1] as Buffer]))
      .digest();
    const root = createHash("sha256")
      .update(Buffer.concat([Buffer.from([1]), n01, d[2] as Buffer]))
      .digest("hex");
    const leaves = ["x", "y", "z"].map((s) => leafHash(new TextEncoder().encode(s)));
    expect(toHex(rangeHash({ start: 0, end: 3 }, subtreeHashesFromLeaves(leaves)))).toBe(root);
    expect(toHex(frontierRoot(appendLeaves(emptyFrontier, leaves).frontier))).toBe(root);
  });

  it("matches Certificate Transparency's published heads for sizes 0..8", () => {
    for (let n = 0; n <= 8; n++) {
      expect(toHex(frontierRoot(appendLeaves(emptyFrontier, CT_LEAVES.slice(0, n)).frontier))).toBe(
        CT_ROOTS[n],
      );
    }
  });

  it("matches Certificate Transparency's published audit paths for leaves 0 and 5 of 8", () => {
    const ct = subtreeHashesFromLeaves(CT_LEAVES);
    expect(inclusionProof(0, 8, ct).map(toHex)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(inclusionProof(5, 8, ct).map(toHex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
  });

  it("round-trips hex and refuses what is not a SHA-256 digest", () => {
    const h = leafHash(new Uint8Array());
    expect(toHex(fromHex(toHex(h)))).toBe(toHex(h));
    expect(() => fromHex("abc")).toThrow();
    expect(() => fromHex(toHex(h).toUpperCase())).toThrow();
  });
});

describe("appending to the frontier", () => {
  it("gives the RFC 6962 head after every append, one leaf at a time or in batches", () => {
    let one: Frontier = emptyFrontier;
    for (let n = 1; n <= MAX; n++) {
      one = appendLeaves(one, [LEAVES[n - 1] as Hash]).frontier;
      expect(hex(frontierRoot(one)), `size ${n}`).toBe(hex(ROOTS[n] as Hash));
    }
    let batched: Frontier = emptyFrontier;
    for (const batch of [3, 1, 7, 2, 16, 5, 36]) {
      batched = appendLeaves(batched, LEAVES.slice(batched.size, batched.size + batch)).frontier;
      expect(hex(frontierRoot(batched)), `size ${batched.size}`).toBe(hex(ROOTS[batched.size] as Hash));
    }
    expect(hex(frontierRoot(emptyFrontier))).toBe(CT_ROOTS[0]);
  });

  it("completes every perfect subtree exactly once, and the frontier is the right edge", () => {
    let frontier: Frontier = emptyFrontier;
    const completed = new Map<string, string>();
    for (let n = 1; n <= MAX; n++) {
      const step = appendLeaves(frontier, [LEAVES[n - 1] as Hash]);
      for (const s of step.completed) {
        const key = `${s.level}:${s.index}`;
        expect(completed.has(key), key).toBe(false);
        completed.set(key, hex(s.hash));
        expect(hex(s.hash)).toBe(hex(HASHES(s)));
      }
      frontier = step.frontier;
      expect(frontier.subtrees.map(({ level, index }) => ({ level, index }))).toEqual(frontierSubtrees(n));
    }
    // Perfect subtrees of level ≥ 1 inside 70 leaves: 35 + 17 + 8 + 4 + 2 + 1.
    expect(completed.size).toBe(67);
  });
});

describe("inclusion proofs (RFC 6962 §2.1.1, verified after RFC 9162 §2.1.3.2)", () => {
  it("equal the RFC's PATH and verify, for every leaf of every tree of 1..70 leaves", () => {
    const wrong: Array<string> = [];
    const refused: Array<string> = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, HASHES);
        if (proof.map(hex).join() !== path(m, LEAVES.slice(0, n)).map(hex).join())
          wrong.push(`leaf ${m} of ${n}`);
        const claim = {
          leafIndex: m,
          treeSize: n,
          leafHash: LEAVES[m] as Hash,
          path: proof,
          rootHash: ROOTS[n] as Hash,
        };
        if (!verifyInclusion(claim)) refused.push(`leaf ${m} of ${n}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("are rejected with a flipped bit, a missing or extra node, a wrong index or a wrong size", () => {
    const accepted: Array<string> = [];
    let rejected = 0;
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(m, n, HASHES);
        const good = {
          leafIndex: m,
          treeSize: n,
          leafHash: LEAVES[m] as Hash,
          path: proof,
          rootHash: ROOTS[n] as Hash,
        };
        const bad: Array<[string, typeof good]> = [
          ["leaf bit", { ...good, leafHash: flipBit(good.leafHash, m) }],
          ["root bit", { ...good, rootHash: flipBit(good.rootHash, n) }],
          ["extra node at the end", { ...good, path: [...proof, garbage] }],
          ["extra node in front", { ...good, path: [garbage, ...proof] }],
          ["size × 2", { ...good, treeSize: n * 2 }],
          ["size 0", { ...good, treeSize: 0 }],
          ["index = size", { ...good, leafIndex: n }],
          ["leaf of another index", { ...good, leafHash: LEAVES[(m + 1) % MAX] as Hash }],
        ];
        if (Math.floor(n / 2) > m) bad.push(["size ÷ 2", { ...good, treeSize: Math.floor(n / 2) }]);
        if (m > 0) bad.push(["index − 1", { ...good, leafIndex: m - 1 }]);
        if (m + 1 < n) bad.push(["index + 1", { ...good, leafIndex: m + 1 }]);
        proof.forEach((node, i) => {
          bad.push([
            `bit ${i * 37} of node ${i}`,
            { ...good, path: proof.map((p, j) => (j === i ? flipBit(node, i * 37) : p)) },
          ]);
          bad.push([`node ${i} missing`, { ...good, path: proof.filter((_, j) => j !== i) }]);
          bad.push([
            `node ${i} repeated`,
            { ...good, path: [...proof.slice(0, i + 1), node, ...proof.slice(i + 1)] },
          ]);
        });
        for (const [what, claim] of bad) {
          if (verifyInclusion(claim)) accepted.push(`leaf ${m} of ${n}: ${what}`);
          else rejected += 1;
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(rejected).toBeGreaterThan(30_000);
  });
});

describe("consistency proofs (RFC 6962 §2.1.2, verified after RFC 9162 §2.1.4.2)", () => {
  it("equal the RFC's PROOF and verify, for every pair of sizes 1 ≤ m ≤ n ≤ 70", () => {
    const wrong: Array<string> = [];
    const refused: Array<string> = [];
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, HASHES);
        if (proof.map(hex).join() !== subproof(m, LEAVES.slice(0, n), true).map(hex).join())
          wrong.push(`${m} → ${n}`);
        const claim = {
          fromSize: m,
          toSize: n,
          fromRoot: ROOTS[m] as Hash,
          toRoot: ROOTS[n] as Hash,
          path: proof,
        };
        if (!verifyConsistency(claim)) refused.push(`${m} → ${n}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("accept the empty tree as the start of any tree, with an empty proof only", () => {
    expect(consistencyProof(0, 9, HASHES)).toEqual([]);
    const claim = { fromSize: 0, toSize: 9, fromRoot: ROOTS[0] as Hash, toRoot: ROOTS[9] as Hash, path: [] };
    expect(verifyConsistency(claim)).toBe(true);
    expect(verifyConsistency({ ...claim, path: [garbage] })).toBe(false);
    expect(verifyConsistency({ ...claim, fromRoot: ROOTS[1] as Hash })).toBe(false);
  });

  it("are rejected with a flipped bit, a missing or extra node, or a wrong size", () => {
    const accepted: Array<string> = [];
    let rejected = 0;
    for (let n = 2; n <= MAX; n++) {
      for (let m = 1; m < n; m++) {
        const proof = consistencyProof(m, n, HASHES);
        const good = {
          fromSize: m,
          toSize: n,
          fromRoot: ROOTS[m] as Hash,
          toRoot: ROOTS[n] as Hash,
          path: proof,
        };
        const bad: Array<[string, typeof good]> = [
          ["first root bit", { ...good, fromRoot: flipBit(good.fromRoot, m) }],
          ["second root bit", { ...good, toRoot: flipBit(good.toRoot, n) }],
          ["roots swapped", { ...good, fromRoot: good.toRoot, toRoot: good.fromRoot }],
          ["empty proof", { ...good, path: [] }],
          ["extra node at the end", { ...good, path: [...proof, garbage] }],
          ["extra node in front", { ...good, path: [garbage, ...proof] }],
          ["second size × 2", { ...good, toSize: n * 2 }],
          ["first size after second", { ...good, fromSize: n + 1 }],
        ];
        if (m > 1) bad.push(["first size − 1", { ...good, fromSize: m - 1 }]);
        if (m + 1 < n) bad.push(["first size + 1", { ...good, fromSize: m + 1 }]);
        proof.forEach((node, i) => {
          bad.push([
            `bit ${i * 41} of node ${i}`,
            { ...good, path: proof.map((p, j) => (j === i ? flipBit(node, i * 41) : p)) },
          ]);
          bad.push([`node ${i} missing`, { ...good, path: proof.filter((_, j) => j !== i) }]);
          bad.push([
            `node ${i} repeated`,
            { ...good, path: [...proof.slice(0, i + 1), node, ...proof.slice(i + 1)] },
          ]);
        });
        for (const [what, claim] of bad) {
          if (verifyConsistency(claim)) accepted.push(`${m} → ${n}: ${what}`);
          else rejected += 1;
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(rejected).toBeGreaterThan(30_000);
  });

  it("need only the perfect subtrees a store keeps: one per level and range", () => {
    // A consistency proof from 37 to 70 touches few stored subtrees, not the 70 leaves.
    const needed = subtreesOf([
      { start: 0, end: 37 },
      { start: 0, end: 70 },
    ]);
    expect(needed.length).toBeLessThanOrEqual(7 + 4);
  });
});
