/** Properties of `assess` over generated requests: total, ordered, deterministic, and true to WC.8 and WC.9. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTS,
  AGGRAVATION_IDS,
  assess,
  CONDUCT_IDS,
  citationOrder,
  isContractError,
  MITIGATION_IDS,
  qianjiangRegime,
  SANCTION_IDS,
  TRIGGER_IDS,
  type WrongCaseResult,
} from "../../src/index.js";

const subset = <A>(xs: ReadonlyArray<A>, max = xs.length) =>
  fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });

const officerArb = fc.record({
  id: fc.constantFrom("o1", "o2", "o3"),
  conduct: subset(
    CONDUCT_IDS.filter((c) => c !== "WC.6.11"),
    3,
  ),
  mitigating: subset(MITIGATION_IDS, 2),
  aggravating: subset(AGGRAVATION_IDS, 2),
});
const wrongCaseArb = fc.record({
  kind: fc.constant("wrong-case"),
  case: fc.record({ kind: fc.constantFrom("administrative-penalty", "administrative-licence") }),
  triggers: subset(TRIGGER_IDS, 2).filter((t) => t.length > 0),
  confirmed: fc.constant(true),
  officers: fc.uniqueArray(officerArb, { selector: (o) => o.id, minLength: 1, maxLength: 3 }),
});
const interferenceArb = fc.record({
  kind: fc.constant("interference"),
  person: fc.oneof(
    fc.record({
      relation: fc.constantFrom("current", "former"),
      employment: fc.constantFrom("established", "contract", "retired"),
      role: fc.constantFrom(
        "leader",
        "superior-body",
        "supervisory-department",
        "colleague",
        "party-side",
        "other",
      ),
    }),
    fc.record({
      relation: fc.constant("none"),
      role: fc.constantFrom("other-agency", "party-side", "other"),
    }),
  ),
  acts: fc.array(
    fc.record({
      act: fc.constantFrom(...ACTS.filter((a) => a !== "other")),
      withinAuthority: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  method: fc.constantFrom("oral", "phone", "written", "message", "in-person"),
  viaProcedure: fc.boolean(),
  recorded: fc.boolean(),
  onBehalfOfParty: fc.boolean(),
});
const periodArb = fc.record({
  kind: fc.constant("period"),
  period: fc.constantFrom("WC.10.1", "WC.10.3"),
  start: fc
    .date({ min: new Date("2020-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
});
const requestArb = fc.oneof(wrongCaseArb, interferenceArb, periodArb);

/** Every citations array anywhere in a result. */
const citationLists = (value: unknown): string[][] => {
  if (Array.isArray(value)) return value.flatMap(citationLists);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "citations" && Array.isArray(v) ? [v as string[], ...citationLists(v)] : citationLists(v),
  );
};

const rungs = (r: WrongCaseResult, id: string) => {
  const p = r.officers.find((o) => o.id === id)?.proposal;
  return p
    ? Math.max(...p.sanctions.map((s) => SANCTION_IDS.indexOf(s as (typeof SANCTION_IDS)[number])))
    : -1;
};

const wrongCase = (request: unknown): WrongCaseResult | null => {
  const r = assess(request);
  return isContractError(r) || r.kind !== "wrong-case" ? null : r;
};

describe("assess properties", () => {
  it("never throws on arbitrary JSON and returns a result or a tagged error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), requestArb, fc.anything()), (json) => {
        const r = assess(json);
        if (isContractError(r)) {
          expect([
            "InvalidRequest",
            "ContradictoryFacts",
            "UnknownRegime",
            "RegimeNotInForce",
            "CalendarOutOfRange",
          ]).toContain(r.error.tag);
          expect(r.error.message.length).toBeGreaterThan(0);
        } else {
          expect(["wrong-case", "interference", "non-recording", "period"]).toContain(r.kind);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("cites only ids the regime has, each list in citation order without repeats", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        for (const list of citationLists(assess(request))) {
          for (const id of list) expect(qianjiangRegime.hasCitation(id)).toBe(true);
          expect([...new Set(list)].sort(citationOrder)).toEqual(list);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic: the same request gives the same result", () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(JSON.stringify(assess(structuredClone(request)))).toBe(JSON.stringify(assess(request)));
      }),
      { numRuns: 500 },
    );
  });

  it("WC.9: adding an aggravation ground raises the proposal at least one rung, unless at the top", () => {
    fc.assert(
      fc.property(wrongCaseArb, fc.constantFrom(...AGGRAVATION_IDS), (request, ground) => {
        const target = request.officers[0];
        fc.pre(target !== undefined && target.conduct.length > 0 && !target.aggravating.includes(ground));
        const before = wrongCase(request);
        const after = wrongCase({
          ...request,
          officers: request.officers.map((o, i) =>
            i === 0 ? { ...o, aggravating: [...o.aggravating, ground] } : o,
          ),
        });
        fc.pre(before !== null && after !== null);
        if (!before || !after || !target) return;
        const b = rungs(before, target.id);
        const a = rungs(after, target.id);
        if (b === SANCTION_IDS.length - 1) expect(a).toBe(b);
        else expect(a).toBeGreaterThanOrEqual(b + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it("WC.8: adding a mitigation ground never raises the proposal", () => {
    fc.assert(
      fc.property(wrongCaseArb, fc.constantFrom(...MITIGATION_IDS), (request, ground) => {
        const target = request.officers[0];
        fc.pre(target !== undefined && !target.mitigating.includes(ground));
        const before = wrongCase(request);
        const after = wrongCase({
          ...request,
          officers: request.officers.map((o, i) =>
            i === 0 ? { ...o, mitigating: [...o.mitigating, ground] } : o,
          ),
        });
        fc.pre(before !== null && after !== null);
        if (!before || !after || !target) return;
        expect(rungs(after, target.id)).toBeLessThanOrEqual(rungs(before, target.id));
      }),
      { numRuns: 1000 },
    );
  });

  it("WC.4: 责罚相当 — adding a conduct never lowers an officer's proposal", () => {
    fc.assert(
      fc.property(
        wrongCaseArb,
        fc.constantFrom(...CONDUCT_IDS.filter((c) => c !== "WC.6.11")),
        (request, conduct) => {
          const target = request.officers[0];
          fc.pre(target !== undefined && !target.conduct.includes(conduct));
          const before = wrongCase(request);
          const after = wrongCase({
            ...request,
            officers: request.officers.map((o, i) =>
              i === 0 ? { ...o, conduct: [...o.conduct, conduct] } : o,
            ),
          });
          fc.pre(before !== null && after !== null);
          if (!before || !after || !target) return;
          expect(rungs(after, target.id)).toBeGreaterThanOrEqual(rungs(before, target.id));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
