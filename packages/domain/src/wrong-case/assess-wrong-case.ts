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

export const assessWrongCase = (
  policy: SanctionPolicy,
  facts: WrongCaseFacts,
): Either.Either<WrongCaseAssessment, ContradictoryFacts> =>
  // Contradictory facts are refused whatever the status: they would decide the case once it is confirmed.
  Either.flatMap(Either.all(facts.officers.map(checkContradictions)), (officers) => {
    const c = classify(facts);
    const citations = sortCitations([
      citation("WC.2"),
      ...(c.status === "not-wrong-case" ? [citation("WC.5")] : c.triggers.map(citation)),
    ]);
    return Either.right({
      status: c.status,
      citations,
      officers: c.status === "wrong-case" ? officers.map((o) => assessOfficer(policy, o)) : [],
      basis: c.basis,
    });
  });
