/**
 * WC.5 以下案件，经调查属实的，界定为错案：1.… 7.…
 * A wrong case needs a trigger AND confirmation by investigation: a trigger alone leaves the case pending,
 * and confirmation without any trigger is not a wrong case under WC.5.
 */
import { citation, sortCitations } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";
import type { TriggerId, WrongCaseFacts } from "./facts.js";
import { scope } from "./scope.js";

export type WrongCaseStatus = "out-of-scope" | "pending" | "not-wrong-case" | "wrong-case";

export interface Classification {
  readonly status: WrongCaseStatus;
  readonly triggers: ReadonlyArray<TriggerId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

const WC_5 = citation("WC.5");

export const classify = (facts: Pick<WrongCaseFacts, "case" | "triggers" | "confirmed">): Classification => {
  const s = scope(facts.case.kind);
  if (!s.inScope) return { status: "out-of-scope", triggers: [], basis: [s.step] };
  const triggers = sortCitations(facts.triggers);
  const basis: BasisStep[] = [s.step];
  if (triggers.length === 0) basis.push(step(WC_5, "wc.trigger.none", false));
  else {
    for (const t of triggers) basis.push(step(citation(t), "wc.trigger", true));
    basis.push(step(WC_5, "wc.confirmed", facts.confirmed, { triggers: [...triggers] }));
  }
  const status: WrongCaseStatus =
    triggers.length === 0 ? "not-wrong-case" : facts.confirmed ? "wrong-case" : "pending";
  return { status, triggers, basis };
};
