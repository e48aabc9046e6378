/**
 * A small seeded random source (SplitMix32 seeding an sfc32 generator): the same seed gives the same data
 * set on every machine and Node version, so two runs measure the same work. Not for anything secret.
 */

export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  readonly pick: <A>(items: ReadonlyArray<A>) => A;
  /** One of the keys, drawn with the given weights (which need not sum to 1). */
  readonly weighted: <K extends string>(weights: Readonly<Record<K, number>>) => K;
  /** `n` distinct items, in the order they were drawn. */
  readonly sample: <A>(items: ReadonlyArray<A>, n: number) => Array<A>;
  /** A random source of its own, derived from this one (for a sub-generator that must not shift the rest). */
  readonly fork: () => Random;
}

const splitMix32 = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
};

/** FNV-1a of a text seed, so seeds can be words ("assess-corpus-1"). */
const hashSeed = (seed: string | number): number => {
  if (typeof seed === "number") return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

export const seededRandom = (seed: string | number): Random => {
  const init = splitMix32(hashSeed(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator)
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <A>(items: ReadonlyArray<A>): A => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as A;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as Array<[K, number]>;
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [k, w] of entries) {
        x -= w;
        if (x < 0) return k;
      }
      return (entries[entries.length - 1] as [K, number])[0];
    },
    sample: <A>(items: ReadonlyArray<A>, n: number): Array<A> => {
      const pool = [...items];
      const out: Array<A> = [];
      while (out.length < n && pool.length > 0)
        out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as A);
      return out;
    },
    fork: () => seededRandom(Math.floor(next() * 4294967296)),
  };
};
