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

/** Assumes `checkContradictions` has passed for this officer. */
export const assessOfficer = (policy: SanctionPolicy, o: OfficerFacts): OfficerLiability => {
  const conduct = sortCitations(o.conduct);
  const mitigating = sortCitations(o.mitigating);
  const aggravating = sortCitations(o.aggravating);
  const liable = conduct.length > 0;
  const discipline = conduct.some((c) => CONDUCT[c].discipline);
  const criminal = conduct.some((c) => CONDUCT[c].criminal);
  const proposal = liable ? propose(policy, { conduct, mitigating, aggravating }) : null;

  const basis: BasisStep[] = [
    ...(liable
      ? conduct.map((c) =>
          step(
            citation(c),
            "wc.conduct",
            true,
            c === "WC.6.11" ? { reason: o.otherConductReason ?? "" } : {},
          ),
        )
      : [step(citation("WC.6"), "wc.conduct.none", false)]),
    ...(mitigating.length > 0
      ? mitigating.map((m) => step(citation(m), "wc.mitigation", true))
      : [step(citation("WC.8"), "wc.mitigation.none", false)]),
    ...(aggravating.length > 0
      ? aggravating.map((a) => step(citation(a), "wc.aggravation", true))
      : [step(citation("WC.9"), "wc.aggravation.none", false)]),
    step(citation("WC.10.3"), "wc.referral.discipline", discipline, { conduct: [...conduct] }),
    ...(criminal ? [step(citation("WC.10.3"), "wc.referral.criminal", true, { conduct: [...conduct] })] : []),
    ...(proposal
      ? [
          step(citation("WC.7"), "wc.proposal", true, {
            policy: proposal.policy,
            rule: proposal.rule,
            sanctions: [...proposal.sanctions],
          }),
        ]
      : []),
  ];
  const active = liable
    ? [...conduct, ...mitigating, ...aggravating, ...(discipline ? ["WC.10.3"] : [])].map(citation)
    : [citation("WC.6")];
  return {
    id: o.id,
    liable,
    conduct,
    mitigation: { grounds: mitigating, options: mitigating.length > 0 ? ["lighter", "exempt"] : [] },
    aggravation: { grounds: aggravating },
    referral: { discipline, criminal },
    proposal,
    citations: sortCitations([...active, ...(proposal?.citations ?? [])]),
    basis,
  };
};
