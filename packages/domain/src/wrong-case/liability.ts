/**
 * Per-officer liability in a confirmed wrong case. Each officer is assessed separately (WC.6 有下列行为之一的，
 * 应追究其责任), with the discretionary WC.8 options, the mandatory WC.9 aggravation, the WC.10.3 referral and
 * the WC.7 proposal under the regime's sanction policy.
 */
import { type CitationId, citation, sortCitations } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";
import { CONDUCT } from "./conduct.js";
import type { AggravationId, ConductId, MitigationId, OfficerFacts } from "./facts.js";
import { type Proposal, propose } from "./proposal.js";
import type { SanctionPolicy } from "./sanction-policy.js";

/** WC.8 可以从轻或免于追究责任: the decider chooses; the domain offers both. */
export type MitigationOption = "lighter" | "exempt";

export interface OfficerLiability {
  readonly id: string;
  readonly liable: boolean;
  readonly conduct: ReadonlyArray<ConductId>;
  readonly mitigation: {
    readonly grounds: ReadonlyArray<MitigationId>;
    readonly options: ReadonlyArray<MitigationOption>;
  };
  readonly aggravation: { readonly grounds: ReadonlyArray<AggravationId> };
  readonly referral: { readonly discipline: boolean; readonly criminal: boolean };
  readonly proposal: Proposal | null;
  readonly citations: ReadonlyArray<CitationId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

const WC_6 = citation("WC.6");
const WC_7 = citation("WC.7");
const WC_8 = citation("WC.8");
const WC_9 = citation("WC.9");
const WC_10_3 = citation("WC.10.3");

/** Assumes `checkContradictions` has passed for this officer. */
export const assessOfficer = (policy: SanctionPolicy, o: OfficerFacts): OfficerLiability => {
  const conduct = sortCitations(o.conduct);
  const mitigating = sortCitations(o.mitigating);
  const aggravating = sortCitations(o.aggravating);
  const liable = conduct.length > 0;
  const discipline = conduct.some((c) => CONDUCT[c].discipline);
  const criminal = conduct.some((c) => CONDUCT[c].criminal);
  const proposal = liable ? propose(policy, { conduct, mitigating, aggravating }) : null;

  // Steps and citations pushed in order rather than spread together: this runs for every officer assessed.
  const basis: BasisStep[] = [];
  if (liable)
    for (const c of conduct)
      basis.push(
        step(citation(c), "wc.conduct", true, c === "WC.6.11" ? { reason: o.otherConductReason ?? "" } : {}),
      );
  else basis.push(step(WC_6, "wc.conduct.none", false));
  if (mitigating.length > 0) for (const m of mitigating) basis.push(step(citation(m), "wc.mitigation", true));
  else basis.push(step(WC_8, "wc.mitigation.none", false));
  if (aggravating.length > 0)
    for (const a of aggravating) basis.push(step(citation(a), "wc.aggravation", true));
  else basis.push(step(WC_9, "wc.aggravation.none", false));
  basis.push(step(WC_10_3, "wc.referral.discipline", discipline, { conduct: [...conduct] }));
  if (criminal) basis.push(step(WC_10_3, "wc.referral.criminal", true, { conduct: [...conduct] }));
  if (proposal)
    basis.push(
      step(WC_7, "wc.proposal", true, {
        policy: proposal.policy,
        rule: proposal.rule,
        sanctions: [...proposal.sanctions],
      }),
    );

  const cited: CitationId[] = [];
  if (liable) {
    for (const c of conduct) cited.push(citation(c));
    for (const m of mitigating) cited.push(citation(m));
    for (const a of aggravating) cited.push(citation(a));
    if (discipline) cited.push(WC_10_3);
  } else cited.push(WC_6);
  if (proposal) for (const c of proposal.citations) cited.push(c);
  return {
    id: o.id,
    liable,
    conduct,
    mitigation: { grounds: mitigating, options: mitigating.length > 0 ? ["lighter", "exempt"] : [] },
    aggravation: { grounds: aggravating },
    referral: { discipline, criminal },
    proposal,
    citations: sortCitations(cited),
    basis,
  };
};
