/**
 * IF.4 区局法治科应加强检查、抽查: the sample of a spot check, as a pure function of what was fixed before anyone
 * could know it.
 *
 * A draw has two moments, both logged. At the commitment the population (the records and handlers eligible,
 * in canonical order), the sample sizes and `SHA-256(seed)` are written; the seed itself stays secret. At the
 * draw the seed is revealed, and the sample is `drawSample(seed, anchor, population, sizes)`, where `anchor`
 * is the root hash of the agency's log tree just after the commitment was appended: a value nobody could know
 * before the commitment existed (it hashes the commitment's own event, its id and time included). So the
 * sample is fixed once the commitment is logged, anyone can recompute it from the log, and a committer who
 * tries seed after seed leaves every try in the log.
 *
 * The shuffle is a partial Fisher–Yates whose indices come from a SHA-256 counter stream over
 * `SAMPLER || 0x00 || seed || anchor || 0x00 || label || 0x00 || counter`, 32-bit words drawn with rejection so
 * each index is exactly uniform. Records and handlers are drawn from separate streams (`label`).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { Schema } from "effect";
import { canonicalJson } from "../receipt/decision-receipt.js";

/** The algorithm's name and version, kept with every draw so a later change cannot reread an old one. */
export const SPOT_CHECK_SAMPLER = "liuhen-spot-check/v1";

const Hex32 = (what: string) =>
  Schema.String.pipe(
    Schema.pattern(/^[0-9a-f]{64}$/, { message: () => `${what} is 64 lower-case hex digits (32 bytes)` }),
  );

/** The secret of a draw: 32 random bytes as hex, revealed at the draw. */
export const SpotCheckSeed = Hex32("a seed").annotations({ identifier: "SpotCheckSeed" });
/** A SHA-256 digest as hex: the seed's commitment, the population's digest, a tree root. */
export const Sha256Digest = Hex32("a SHA-256 digest").annotations({ identifier: "Sha256Digest" });

/** An id in the population: a record's or a handler's, opaque here. */
export const PopulationItem = Schema.NonEmptyTrimmedString.pipe(
  Schema.maxLength(200, { message: () => "an id has at most 200 characters" }),
);

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const strictlyAscending = (items: ReadonlyArray<string>): boolean =>
  items.every((item, i) => i === 0 || compareText(items[i - 1] as string, item) < 0);

const CanonicalList = Schema.Array(PopulationItem).pipe(
  Schema.filter((items) => strictlyAscending(items) || "a population lists each id once, in code-unit order"),
);

/** Who could be drawn: the records and the handlers eligible at the commitment, each list sorted, no repeats. */
export const SpotCheckPopulation = Schema.Struct({
  records: CanonicalList,
  handlers: CanonicalList,
}).annotations({ identifier: "SpotCheckPopulation" });
export type SpotCheckPopulation = typeof SpotCheckPopulation.Type;

const Size = Schema.Int.pipe(
  Schema.nonNegative({ message: () => "a sample size is a whole number ≥ 0" }),
  Schema.lessThanOrEqualTo(10_000, { message: () => "a sample size is at most 10,000" }),
);

/** How many of each to draw; more than the population draws all of it, in a random order. */
export const SampleSizes = Schema.Struct({ records: Size, handlers: Size }).annotations({
  identifier: "SampleSizes",
});
export type SampleSizes = typeof SampleSizes.Type;

/** The ids drawn, in the order drawn. */
export interface SpotCheckSample {
  readonly records: ReadonlyArray<string>;
  readonly handlers: ReadonlyArray<string>;
}

/** A population in canonical order: each id once, sorted by UTF-16 code units (as `canonicalJson` sorts keys). */
export const canonicalPopulation = (population: {
  readonly records: Iterable<string>;
  readonly handlers: Iterable<string>;
}): SpotCheckPopulation => ({
  records: [...new Set(population.records)].sort(compareText),
  handlers: [...new Set(population.handlers)].sort(compareText),
});

/** `SHA-256(seed)`, what the commitment logs: the seed's bytes hashed, as hex. */
export const seedCommitment = (seed: string): string => bytesToHex(sha256(hexToBytes(seed)));

/** SHA-256 of the population's canonical JSON (RFC 8785): one value that names the whole population. */
export const populationDigest = (population: SpotCheckPopulation): string =>
  bytesToHex(
    sha256(utf8ToBytes(canonicalJson({ records: population.records, handlers: population.handlers }))),
  );

const SEPARATOR = new Uint8Array([0]);
const TWO_TO_32 = 2 ** 32;

const u32be = (n: number): Uint8Array => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
};

/** An endless stream of uniform 32-bit words: SHA-256 of the prefix and a block counter, 8 words a block. */
const wordStream = (prefix: Uint8Array): (() => number) => {
  let counter = 0;
  let block = new DataView(new ArrayBuffer(0));
  let offset = 0;
  return () => {
    if (offset >= block.byteLength) {
      const digest = sha256(concatBytes(prefix, u32be(counter)));
      block = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
      counter += 1;
      offset = 0;
    }
    const word = block.getUint32(offset);
    offset += 4;
    return word;
  };
};

/** A uniform integer in [0, bound): words at or above the largest multiple of `bound` are drawn again. */
const uniformBelow = (next: () => number, bound: number): number => {
  const limit = TWO_TO_32 - (TWO_TO_32 % bound);
  for (;;) {
    const word = next();
    if (word < limit) return word % bound;
  }
};

/**
 * The first `count` items of a seeded Fisher–Yates shuffle of `items` (all of them, if `count` is larger):
 * position i takes the item at a uniform index among positions i…n−1.
 */
export const seededSample = (
  key: Uint8Array,
  label: string,
  items: ReadonlyArray<string>,
  count: number,
): ReadonlyArray<string> => {
  if (items.length >= TWO_TO_32) throw new RangeError("a population has fewer than 2^32 members");
  const next = wordStream(concatBytes(key, SEPARATOR, utf8ToBytes(label), SEPARATOR));
  const pool = [...items];
  const take = Math.min(Math.max(0, Math.floor(count)), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + uniformBelow(next, pool.length - i);
    const picked = pool[j] as string;
    pool[j] = pool[i] as string;
    pool[i] = picked;
  }
  return pool.slice(0, take);
};

/** The key both streams hang from: the sampler's name, the seed and the anchor, hashed together. */
export const drawKey = (seed: string, anchor: string): Uint8Array =>
  sha256(concatBytes(utf8ToBytes(SPOT_CHECK_SAMPLER), SEPARATOR, hexToBytes(seed), hexToBytes(anchor)));

export interface DrawInput {
  /** The revealed seed, 64 hex digits. */
  readonly seed: string;
  /** The log's tree root hash just after the commitment, 64 hex digits. */
  readonly anchor: string;
  readonly population: SpotCheckPopulation;
  readonly sizes: SampleSizes;
}

/** IF.4 抽查: the sample, a function of the seed, the anchor and the population fixed at the commitment. */
export const drawSample = (input: DrawInput): SpotCheckSample => {
  const key = drawKey(input.seed, input.anchor);
  return {
    records: seededSample(key, "records", input.population.records, input.sizes.records),
    handlers: seededSample(key, "handlers", input.population.handlers, input.sizes.handlers),
  };
};

export interface DrawCheck {
  /** The revealed seed hashes to the commitment. */
  readonly seedMatches: boolean;
  /** The population hashes to the digest logged with it. */
  readonly populationMatches: boolean;
  /** The sample logged is the one the seed, anchor and population give. */
  readonly sampleMatches: boolean;
  /** The sample the inputs give, recomputed. */
  readonly recomputed: SpotCheckSample;
}

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** Recomputes a logged draw: anyone with the log can check that the sample was not chosen. */
export const checkDraw = (
  input: DrawInput & {
    readonly seedHash: string;
    readonly populationDigest: string;
    readonly sample: SpotCheckSample;
  },
): DrawCheck => {
  const recomputed = drawSample(input);
  return {
    seedMatches: seedCommitment(input.seed) === input.seedHash,
    populationMatches: populationDigest(input.population) === input.populationDigest,
    sampleMatches:
      sameList(recomputed.records, input.sample.records) &&
      sameList(recomputed.handlers, input.sample.handlers),
    recomputed,
  };
};
