/**
 * A wrong-case assessment: classification (WC.2, WC.5), then, for a confirmed wrong case only, each
 * officer's liability (WC.6–WC.11).
 */
import { Either } from "effect";
import { type CitationId, citation, sortCitations } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { classify, type WrongCaseStatus } from "./classification.js";
import { type ContradictoryFacts, checkContradictions } from "./contradictions.js";
import type { WrongCaseFacts } from "./facts.js";
import { assessOfficer, type OfficerLiability } from "./liability.js";
import type { SanctionPolicy } from "./sanction-policy.js";

export interface WrongCaseAssessment {
  readonly status: WrongCaseStatus;
  readonly citations: ReadonlyArray<CitationId>;
  readonly officers: ReadonlyArray<OfficerLiability>;
  readonly basis: ReadonlyArray<BasisStep>;
}

const WC_2 = citation("WC.2");
const WC_5 = citation("WC.5");

/**
 * The assessment of facts in which no officer's facts contradict each other (`contradictionIn` found none):
 * `assess` looks for contradictions itself, answering them as data, and need not look twice.
 */
export const assessConsistentWrongCase = (
  policy: SanctionPolicy,
  facts: WrongCaseFacts,
): WrongCaseAssessment => {
  const c = classify(facts);
  const cited: CitationId[] = [WC_2];
  if (c.status === "not-wrong-case") cited.push(WC_5);
  else for (const t of c.triggers) cited.push(citation(t));
  return {
    status: c.status,
    citations: sortCitations(cited),
    officers: c.status === "wrong-case" ? facts.officers.map((o) => assessOfficer(policy, o)) : [],
    basis: c.basis,
  };
};

export const assessWrongCase = (
  policy: SanctionPolicy,
  facts: WrongCaseFacts,
): Either.Either<WrongCaseAssessment, ContradictoryFacts> =>
  // Contradictory facts are refused whatever the status: they would decide the case once it is confirmed.
  Either.map(Either.all(facts.officers.map(checkContradictions)), () =>
    assessConsistentWrongCase(policy, facts),
  );
