/**
 * WC.7 区局法治科……对我局行政执法错案责任机构和责任人依法提出处理建议。
 * The proposal for one officer under a sanction policy: the heaviest conduct sets the rung; WC.8 grounds
 * move it by the policy's mitigation (never up); WC.9 grounds move it by the policy's aggravation (up).
 */
import { type CitationId, citation, sortCitations } from "../citation/citation-id.js";
import type { AggravationId, ConductId, MitigationId } from "./facts.js";
import { rungOf, SANCTION_IDS, type SanctionId, sanctionAt, TOP_RUNG } from "./sanction-ladder.js";
import type { SanctionPolicy } from "./sanction-policy.js";

export interface Proposal {
  readonly sanctions: ReadonlyArray<SanctionId>;
  /** The policy version, e.g. `default@1`. */
  readonly policy: string;
  /** The rules inside the policy that produced it, joined by " + ". */
  readonly rule: string;
  /** The main rung on the WC.11 ladder (0 = WC.11.1). */
  readonly rung: number;
  readonly citations: ReadonlyArray<CitationId>;
}

export interface ProposalFacts {
  readonly conduct: ReadonlyArray<ConductId>;
  readonly mitigating: ReadonlyArray<MitigationId>;
  readonly aggravating: ReadonlyArray<AggravationId>;
}

const WC_7 = citation("WC.7");

const clamp = (rung: number) => Math.max(0, Math.min(TOP_RUNG, rung));

/** `null` when the officer has no WC.6 conduct: nothing to propose. */
export const propose = (policy: SanctionPolicy, facts: ProposalFacts): Proposal | null => {
  let base = -1;
  let baseRule = "";
  for (const r of policy.conductRules) {
    if (r.conduct.some((c) => facts.conduct.includes(c)) && rungOf(r.sanction) > base) {
      base = rungOf(r.sanction);
      baseRule = r.rule;
    }
  }
  if (base < 0) return null;
  const rules = [baseRule];
  let rung = base;
  if (facts.mitigating.length > 0) {
    rung = clamp(rung + policy.mitigation.rungs);
    rules.push(policy.mitigation.rule);
  }
  if (facts.aggravating.length > 0) {
    // Each WC.9 conduct is its own ground to deal more heavily: each raises the proposal.
    rung = clamp(rung + policy.aggravation.rungs * facts.aggravating.length);
    rules.push(policy.aggravation.rule);
  }
  const main = sanctionAt(rung);
  const extra = policy.accompaniments.filter((a) => rung >= rungOf(a.from) && a.add !== main);
  for (const a of extra) rules.push(a.rule);
  const sanctions = SANCTION_IDS.filter((s) => s === main || extra.some((a) => a.add === s));
  const cited: CitationId[] = [];
  for (const c of facts.conduct) cited.push(citation(c));
  cited.push(WC_7);
  for (const m of facts.mitigating) cited.push(citation(m));
  for (const a of facts.aggravating) cited.push(citation(a));
  for (const s of sanctions) cited.push(citation(s));
  return {
    sanctions,
    policy: policy.version,
    rule: rules.join(" + "),
    rung,
    citations: sortCitations(cited),
  };
};
