import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { Schema } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalPopulation,
  checkDraw,
  drawSample,
  populationDigest,
  SampleSizes,
  SpotCheckPopulation,
  seedCommitment,
} from "../../src/index.js";

const hex = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
const SEED = hex("seed-1");
const OTHER_SEED = hex("seed-2");
const ANCHOR = hex("tree-root-after-commit");

const population = canonicalPopulation({
  records: Array.from({ length: 40 }, (_, i) => `record-${String(i).padStart(3, "0")}`),
  handlers: ["person-zhao", "person-qian", "person-sun", "person-li", "person-zhou", "person-wu"],
});

describe("IF.4 spot-check sample", () => {
  it("IF.4: the same seed, anchor and population give the same sample", () => {
    const sizes = { records: 5, handlers: 2 };
    const first = drawSample({ seed: SEED, anchor: ANCHOR, population, sizes });
    const again = drawSample({ seed: SEED, anchor: ANCHOR, population, sizes });
    expect(again).toEqual(first);
    expect(first.records).toHaveLength(5);
    expect(first.handlers).toHaveLength(2);
  });

  it("IF.4: a population listed in another order is put in canonical order and draws the same", () => {
    const sizes = { records: 7, handlers: 3 };
    const shuffled = canonicalPopulation({
      records: [...population.records].reverse(),
      handlers: [...population.handlers, population.handlers[0] as string],
    });
    expect(shuffled).toEqual(population);
    expect(drawSample({ seed: SEED, anchor: ANCHOR, population: shuffled, sizes })).toEqual(
      drawSample({ seed: SEED, anchor: ANCHOR, population, sizes }),
    );
  });

  it("IF.4: another seed, or another anchor, gives another sample", () => {
    const sizes = { records: 8, handlers: 3 };
    const base = drawSample({ seed: SEED, anchor: ANCHOR, population, sizes });
    expect(drawSample({ seed: OTHER_SEED, anchor: ANCHOR, population, sizes })).not.toEqual(base);
    expect(drawSample({ seed: SEED, anchor: hex("another-root"), population, sizes })).not.toEqual(base);
  });

  it("IF.4: a sample has the size asked, no repeats, only members; more than the population draws all", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 30 }),
        fc.nat({ max: 40 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (ids, size, seedBytes) => {
          const pop = canonicalPopulation({ records: ids, handlers: [] });
          const sample = drawSample({
            seed: bytesToHex(seedBytes),
            anchor: ANCHOR,
            population: pop,
            sizes: { records: size, handlers: 0 },
          });
          expect(sample.records).toHaveLength(Math.min(size, ids.length));
          expect(new Set(sample.records).size).toBe(sample.records.length);
          for (const id of sample.records) expect(pop.records).toContain(id);
          expect(sample.handlers).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("IF.4: an empty population or a size of 0 draws nothing", () => {
    const empty = canonicalPopulation({ records: [], handlers: [] });
    expect(
      drawSample({ seed: SEED, anchor: ANCHOR, population: empty, sizes: { records: 3, handlers: 3 } }),
    ).toEqual({ records: [], handlers: [] });
    expect(
      drawSample({ seed: SEED, anchor: ANCHOR, population, sizes: { records: 0, handlers: 0 } }),
    ).toEqual({ records: [], handlers: [] });
  });

  it("IF.4: each member is drawn about equally often (uniformity smoke test)", () => {
    // One of 5 drawn, 5,000 seeds: each is expected 1,000 times; a chi-square over 4 degrees of freedom
    // above 18.5 has a probability under 0.1 %.
    const pop = canonicalPopulation({ records: ["a", "b", "c", "d", "e"], handlers: [] });
    const counts = new Map<string, number>();
    const runs = 5000;
    for (let i = 0; i < runs; i++) {
      const [drawn] = drawSample({
        seed: hex(`uniformity-${i}`),
        anchor: ANCHOR,
        population: pop,
        sizes: { records: 1, handlers: 0 },
      }).records;
      counts.set(drawn as string, (counts.get(drawn as string) ?? 0) + 1);
    }
    const expected = runs / pop.records.length;
    const chiSquare = pop.records.reduce(
      (sum, id) => sum + ((counts.get(id) ?? 0) - expected) ** 2 / expected,
      0,
    );
    expect(chiSquare).toBeLessThan(18.5);
  });

  it("IF.4: every position of a full shuffle is uniform over the members (order smoke test)", () => {
    const pop = canonicalPopulation({ records: ["a", "b", "c"], handlers: [] });
    const lastCounts = new Map<string, number>();
    const runs = 3000;
    for (let i = 0; i < runs; i++) {
      const drawn = drawSample({
        seed: hex(`order-${i}`),
        anchor: ANCHOR,
        population: pop,
        sizes: { records: 3, handlers: 0 },
      }).records;
      const last = drawn[2] as string;
      lastCounts.set(last, (lastCounts.get(last) ?? 0) + 1);
    }
    for (const id of pop.records) {
      expect(lastCounts.get(id) ?? 0).toBeGreaterThan(850);
      expect(lastCounts.get(id) ?? 0).toBeLessThan(1150);
    }
  });

  it("IF.4: a logged draw is checked: the seed against its commitment, the population and the sample", () => {
    const sizes = { records: 4, handlers: 1 };
    const sample = drawSample({ seed: SEED, anchor: ANCHOR, population, sizes });
    const logged = {
      seed: SEED,
      anchor: ANCHOR,
      population,
      sizes,
      seedHash: seedCommitment(SEED),
      populationDigest: populationDigest(population),
      sample,
    };
    expect(checkDraw(logged)).toMatchObject({
      seedMatches: true,
      populationMatches: true,
      sampleMatches: true,
    });
    // A sample picked by hand, a seed swapped after the commitment, a population changed after it.
    expect(
      checkDraw({ ...logged, sample: { ...sample, records: population.records.slice(0, 4) } }).sampleMatches,
    ).toBe(false);
    expect(checkDraw({ ...logged, seed: OTHER_SEED }).seedMatches).toBe(false);
    const smaller = canonicalPopulation({
      records: population.records.slice(1),
      handlers: population.handlers,
    });
    expect(checkDraw({ ...logged, population: smaller }).populationMatches).toBe(false);
  });

  it("IF.4: the commitment is SHA-256 of the seed's bytes", () => {
    expect(seedCommitment("00".repeat(32))).toBe(
      "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
    );
  });

  it("IF.4: a population must be canonical and a size bounded, or it does not decode", () => {
    const decodePopulation = Schema.decodeUnknownEither(SpotCheckPopulation);
    expect(decodePopulation({ records: ["b", "a"], handlers: [] })._tag).toBe("Left");
    expect(decodePopulation({ records: ["a", "a"], handlers: [] })._tag).toBe("Left");
    expect(decodePopulation({ records: ["a", "b"], handlers: [] })._tag).toBe("Right");
    const decodeSizes = Schema.decodeUnknownEither(SampleSizes);
    expect(decodeSizes({ records: -1, handlers: 0 })._tag).toBe("Left");
    expect(decodeSizes({ records: 1.5, handlers: 0 })._tag).toBe("Left");
    expect(decodeSizes({ records: 3, handlers: 2 })._tag).toBe("Right");
  });
});
