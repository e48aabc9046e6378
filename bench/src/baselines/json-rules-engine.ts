/**
 * Baseline "the common alternative": the interference rules (IF.2, IF.8, IF.10, IF.13, IF.7, IF.3; the
 * table of CONFORMANCE.md) encoded as json-rules-engine rules, the way a team reaching for a rules engine
 * would write them: one engine for the person (is it internal staff, another agency?), one run for each act,
 * the events carrying the citation ids and the rule key. Plain code decodes the request (the same hand-written
 * decoder as the plain baseline: json-rules-engine has no decoder) and folds the events into the result and
 * its basis; the bench explains the basis as it does for the others. It checks that the result is the same
 * as `assess` gives before timing it.
 */
import type { Regime } from "@liuhen/domain";
import { Engine, type RuleProperties } from "json-rules-engine";
import {
  type Act,
  contractError,
  decodeRequest,
  internalResult,
  internalStepOf,
  notInternalResult,
  type PlainResult,
  type PlainStep,
  type Request,
  step,
} from "./plain-assess.js";

const SUPERVISING = ["leader", "superior-body", "supervisory-department"];
const INSTRUCT = [
  "instruct-open-case",
  "instruct-withdraw-case",
  "instruct-stop-investigation",
  "instruct-change-coercive-measure",
  "instruct-lower-penalty",
  "instruct-raise-penalty",
];
const OPINION = ["guidance", "characterisation-opinion", "forward-case-materials"];

type Outcome = "interference" | "legitimate" | "record";

const rule = (
  name: string,
  outcome: Outcome,
  citations: ReadonlyArray<string>,
  all: ReadonlyArray<Record<string, unknown>>,
): RuleProperties => ({
  name,
  conditions: { all: all as never },
  event: { type: outcome, params: { rule: name, citations } },
});

const is = (fact: string, value: unknown) => ({ fact, operator: "equal", value });
const isIn = (fact: string, value: ReadonlyArray<string>) => ({ fact, operator: "in", value });
const beyondAuthority = {
  any: [
    { fact: "role", operator: "notIn", value: SUPERVISING },
    { fact: "withinAuthority", operator: "equal", value: false },
  ],
};
const probing = {
  any: [is("act", "probe-case-details"), { all: [is("act", "inquiry"), is("viaProcedure", false)] }],
};

/** One rule per row of the act table; exactly one holds for each act. */
export const ACT_RULES: ReadonlyArray<RuleProperties> = [
  rule(
    "if.written-guidance",
    "legitimate",
    ["IF.13.1"],
    [
      isIn("act", [...OPINION, ...INSTRUCT]),
      isIn("role", SUPERVISING),
      is("withinAuthority", true),
      is("method", "written"),
    ],
  ),
  rule(
    "if.oral-guidance",
    "record",
    ["IF.7"],
    [
      isIn("act", [...OPINION, ...INSTRUCT]),
      isIn("role", SUPERVISING),
      is("withinAuthority", true),
      { fact: "method", operator: "notEqual", value: "written" },
    ],
  ),
  rule("if.instruction", "interference", ["IF.10.1"], [isIn("act", INSTRUCT), beyondAuthority]),
  rule("if.private-opinion", "interference", ["IF.10.2"], [isIn("act", OPINION), beyondAuthority]),
  rule(
    "if.unlawful-demand",
    "interference",
    ["IF.10.3"],
    [isIn("act", ["demand-unlawful-evidence-preservation", "demand-unlawful-property-disposal"])],
  ),
  rule("if.private-meeting", "interference", ["IF.10.4"], [is("act", "propose-private-meeting")]),
  rule("if.plead", "interference", ["IF.10.5"], [is("act", "plead-for-party")]),
  rule("if.tip-off", "interference", ["IF.10.5", "IF.10.6"], [is("act", "tip-off")]),
  rule("if.forward-for-party", "interference", ["IF.10.6"], [is("act", "forward-materials-for-party")]),
  rule("if.probe-for-party", "interference", ["IF.10.5", "IF.10.6"], [probing, is("onBehalfOfParty", true)]),
  rule("if.probe", "interference", ["IF.10.7"], [probing, is("onBehalfOfParty", false)]),
  rule(
    "if.inquiry-via-procedure",
    "legitimate",
    ["IF.13.2"],
    [is("act", "inquiry"), is("viaProcedure", true), is("recorded", true)],
  ),
  rule(
    "if.inquiry-unrecorded",
    "record",
    ["IF.3"],
    [is("act", "inquiry"), is("viaProcedure", true), is("recorded", false)],
  ),
  rule("if.other", "interference", ["IF.10.7"], [is("act", "other")]),
];

/** IF.2 internal staff, IF.8 other agencies. */
export const PERSON_RULES: ReadonlyArray<RuleProperties> = [
  {
    name: "if.internal",
    conditions: { all: [{ fact: "relation", operator: "in", value: ["current", "former"] }] },
    event: { type: "internal" },
  },
  {
    name: "if.other-agency",
    conditions: { all: [{ fact: "role", operator: "equal", value: "other-agency" }] },
    event: { type: "other-agency" },
  },
];

export interface RulesEngineBaseline {
  readonly assess: (request: unknown) => Promise<PlainResult>;
}

export const rulesEngineBaseline = (regime: Regime): RulesEngineBaseline => {
  const ref = `${regime.id}@${regime.version}`;
  const decode = decodeRequest(regime);
  const personEngine = new Engine([...PERSON_RULES]);
  const actEngine = new Engine([...ACT_RULES]);

  const interference = async (r: Extract<Request, { kind: "interference" }>): Promise<PlainResult> => {
    const { events: personEvents } = await personEngine.run({
      relation: r.person.relation,
      role: r.person.role,
    });
    const internal = personEvents.some((e) => e.type === "internal");
    const otherAgency = personEvents.some((e) => e.type === "other-agency");
    const role = r.person.role;
    const internalStep = internalStepOf(r, internal);
    if (!internal) return notInternalResult(ref, r, internalStep, otherAgency);
    const ifCategories = new Set<string>();
    const legitimate = new Set<string>();
    const record = new Set<string>();
    const basis: Array<PlainStep> = [internalStep];
    for (const act of r.acts as ReadonlyArray<Act>) {
      const { events } = await actEngine.run({
        act: act.act,
        withinAuthority: act.withinAuthority,
        role,
        method: r.method,
        viaProcedure: r.viaProcedure,
        recorded: r.recorded,
        onBehalfOfParty: r.onBehalfOfParty,
      });
      if (events.length !== 1) throw new Error(`act ${act.act}: ${events.length} rules held, not one`);
      const event = events[0] as (typeof events)[number];
      const params = event.params as { rule: string; citations: ReadonlyArray<string> };
      const inputs = { act: act.act, role, method: r.method, withinAuthority: act.withinAuthority };
      const into =
        event.type === "interference" ? ifCategories : event.type === "legitimate" ? legitimate : record;
      for (const c of params.citations) {
        into.add(c);
        basis.push(step(c, params.rule, true, inputs));
      }
    }
    return internalResult(ref, r, { ifCategories, legitimate, record }, basis);
  };

  return {
    assess: async (input) => {
      const r = decode(input);
      if ("error" in r) return r;
      if (r.kind !== "interference")
        return contractError(
          "InvalidRequest",
          "the rules-engine baseline holds the interference rules only",
          ["kind"],
        );
      return interference(r);
    },
  };
};
