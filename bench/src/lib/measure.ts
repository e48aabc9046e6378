/**
 * Interleaved measurement. These machines are shared and noisy, so a figure is only ever read beside a
 * baseline measured in the same run: contenders take turns in rounds (the order rotating each round), and a
 * ratio is the median of the per-round ratios, each taken from two measurements seconds apart. Absolute rates
 * are kept too (median, min, max over the rounds).
 *
 * A contender does a fixed number of operations per round, calibrated during warm-up so that a round lasts
 * about `roundMs`; anything it needs that is not the work measured (rows to insert, say) it builds in
 * `prepare`, untimed.
 */
import { performance } from "node:perf_hooks";

export interface Contender {
  readonly name: string;
  /** Untimed: get ready to perform `ops` operations. */
  readonly prepare?: (ops: number) => void | Promise<void>;
  /** Timed: perform `ops` operations. */
  readonly run: (ops: number) => void | Promise<void>;
}

export interface Plan {
  /** Warm-up (JIT, caches, calibration) per contender. */
  readonly warmupMs: number;
  /** About how long each contender's turn in a round lasts. */
  readonly roundMs: number;
  readonly rounds: number;
}

export const FULL_PLAN: Plan = { warmupMs: 1500, roundMs: 1000, rounds: 7 };
export const QUICK_PLAN: Plan = { warmupMs: 60, roundMs: 80, rounds: 2 };

export interface ContenderStats {
  readonly name: string;
  readonly opsPerRound: number;
  /** Operations per second (wall clock) in each round, in round order. */
  readonly rates: ReadonlyArray<number>;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /**
   * Operations per second of this process's CPU time (user + system, all its threads) in each round: what
   * one core does when it is not shared. Meaningful for work done in this process (not for a database
   * server's share of it).
   */
  readonly cpuRates: ReadonlyArray<number>;
  readonly cpuMedian: number;
}

export interface RatioStats {
  readonly of: string;
  readonly to: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly perRound: ReadonlyArray<number>;
}

export interface Measurement {
  readonly stats: Readonly<Record<string, ContenderStats>>;
  /** One contender's figures; throws for a name not measured. */
  readonly stat: (name: string) => ContenderStats;
  /** `of`'s rate over `to`'s, round by round. */
  readonly ratio: (of: string, to: string) => RatioStats;
}

export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
}

const timed = async (c: Contender, ops: number): Promise<Timing> => {
  if (c.prepare) await c.prepare(ops);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await c.run(ops);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
};

/** Doubles the batch until warm-up time is spent; returns the ops that make a round last about `roundMs`. */
const calibrate = async (c: Contender, plan: Plan): Promise<number> => {
  let ops = 1;
  let spent = 0;
  let rate = 0;
  while (spent < plan.warmupMs) {
    const { ms } = await timed(c, ops);
    spent += ms;
    if (ms > 0) rate = (ops / ms) * 1000;
    if (ms < plan.warmupMs / 8) ops *= 2;
  }
  return Math.max(1, Math.round((rate * plan.roundMs) / 1000));
};

export const measure = async (contenders: ReadonlyArray<Contender>, plan: Plan): Promise<Measurement> => {
  const opsPerRound = new Map<string, number>();
  for (const c of contenders) opsPerRound.set(c.name, await calibrate(c, plan));
  const rates = new Map<string, Array<number>>(contenders.map((c) => [c.name, []]));
  const cpuRates = new Map<string, Array<number>>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length] as Contender;
      const ops = opsPerRound.get(c.name) as number;
      const { ms, cpuMs } = await timed(c, ops);
      rates.get(c.name)?.push((ops / ms) * 1000);
      cpuRates.get(c.name)?.push((ops / Math.max(cpuMs, 0.001)) * 1000);
    }
  }
  const stats: Record<string, ContenderStats> = {};
  for (const c of contenders) {
    const r = rates.get(c.name) as Array<number>;
    const cr = cpuRates.get(c.name) as Array<number>;
    stats[c.name] = {
      name: c.name,
      opsPerRound: opsPerRound.get(c.name) as number,
      rates: r,
      median: median(r),
      min: Math.min(...r),
      max: Math.max(...r),
      cpuRates: cr,
      cpuMedian: median(cr),
    };
  }
  return {
    stats,
    stat: (name) => {
      const s = stats[name];
      if (s === undefined) throw new Error(`no measurement of ${name}`);
      return s;
    },
    ratio: (of, to) => {
      const a = rates.get(of);
      const b = rates.get(to);
      if (!a || !b) throw new Error(`no measurement of ${of} or ${to}`);
      const perRound = a.map((x, i) => x / (b[i] as number));
      return {
        of,
        to,
        median: median(perRound),
        min: Math.min(...perRound),
        max: Math.max(...perRound),
        perRound,
      };
    },
  };
};
