/**
 * Generated statistics facts, written straight into the statistics projection's tables (migration
 * `0014_statistics`) in bulk: `interference_facts`, `interference_subjects` and the counters of
 * `interference_counts` that the projection would have kept for them (the store's own `interferenceCounters`).
 * A seeded mix: 5 agencies (one large), 36 months, 300 handlers, IF.10 categories (a third of records none),
 * methods, findings, 1 in 50 reported to the judicial supervision.
 */
import {
  CATEGORIES,
  type InterferenceFacts,
  interferenceCounters,
  joinedCategories,
  METHODS,
} from "@liuhen/store";
import { seededRandom } from "../lib/random.js";

export const STATISTICS_AGENCIES = {
  "agency-big": 6,
  "agency-b": 1,
  "agency-c": 1,
  "agency-d": 1,
  "agency-e": 1,
};
export const BIG_AGENCY = "agency-big";
/** People whose records the query moves to the judicial supervision channel (IF.3 routing). */
export const SENIORS = ["person-0001", "person-0002", "person-0003"];

export interface GeneratedFacts {
  readonly facts: Array<[string, string, string, string, string | null, string, string, number]>;
  readonly subjects: Array<[string, string, string]>;
  readonly counters: Array<[string, number, string, string, string, number]>;
}

export const generateFacts = (n: number, seed = "liuhen-statistics"): GeneratedFacts => {
  const random = seededRandom(seed);
  const facts: GeneratedFacts["facts"] = [];
  const subjects: GeneratedFacts["subjects"] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const agency = random.weighted(STATISTICS_AGENCIES);
    const month = `${2023 + Math.floor(random.int(0, 35) / 12)}-${String(random.int(1, 12)).padStart(2, "0")}`;
    const recorded = random.chance(0.35) ? [] : CATEGORIES.filter(() => random.chance(0.2));
    const findingKind = random.weighted({ pending: 5, legitimate: 2, found: 3 });
    const finding =
      findingKind === "found"
        ? CATEGORIES.filter(() => random.chance(0.25))
        : (findingKind as "pending" | "legitimate");
    const f: InterferenceFacts = {
      month,
      handler: `person-${String(random.int(100, 399)).padStart(4, "0")}`,
      method: random.chance(0.97) ? random.pick(METHODS) : null,
      recorded,
      finding,
      reportedToJudicialSupervision: random.chance(0.02),
      subjects: [`person-${String(random.int(1, 2000)).padStart(4, "0")}`],
    };
    const streamId = `interference/IF-${i}`;
    const flag = f.reportedToJudicialSupervision ? 1 : 0;
    facts.push([
      agency,
      streamId,
      month,
      f.handler,
      f.method,
      joinedCategories(f.recorded),
      typeof f.finding === "string" ? f.finding : joinedCategories(f.finding),
      flag,
    ]);
    for (const s of f.subjects) subjects.push([agency, streamId, s]);
    for (const [dimension, value] of interferenceCounters(f)) {
      const key = [agency, flag, month, dimension, value].join("\u0000");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const counters: GeneratedFacts["counters"] = [...counts].map(([key, count]) => {
    const [agency, flag, month, dimension, value] = key.split("\u0000") as [
      string,
      string,
      string,
      string,
      string,
    ];
    return [agency, Number(flag), month, dimension, value, count];
  });
  return { facts, subjects, counters };
};
