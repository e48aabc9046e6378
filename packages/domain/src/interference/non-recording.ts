/**
 * IF.12b（原文第二个第十二条）办案人员不记录或者不如实记录局机关内部人员干预、插手案件情况的，予以警告、通报批评；
 * 两次以上不记录或者不如实记录的，依照《中国共产党纪律处分条例》等规定移交区纪委监委驻发改委纪检组给予纪律处分。
 * 主管领导授意不记录或者不如实记录的，依法依纪追究主管领导责任。
 */
import { Schema } from "effect";
import { type CitationId, citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";

export const NonRecordingFacts = Schema.Struct({
  /** This failure and every earlier one by the same handler (0: none, so no consequence). */
  violations: Schema.Int.pipe(
    Schema.nonNegative({ message: () => "violations is a count: a whole number ≥ 0" }),
  ),
  instructedBySupervisor: Schema.optionalWith(Schema.Boolean, { default: () => false }),
});
export type NonRecordingFacts = typeof NonRecordingFacts.Type;

export type NonRecordingSanction = "warning" | "circulated-criticism";

export interface NonRecordingConsequence {
  readonly sanctions: ReadonlyArray<NonRecordingSanction>;
  readonly referDiscipline: boolean;
  readonly supervisorLiable: boolean;
  readonly citations: ReadonlyArray<CitationId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

/** 两次以上: from the second time on. */
export const DISCIPLINE_FROM_VIOLATION = 2;

export const nonRecordingConsequence = (facts: NonRecordingFacts): NonRecordingConsequence => {
  const sanctioned = facts.violations >= 1;
  const referDiscipline = facts.violations >= DISCIPLINE_FROM_VIOLATION;
  const id = citation("IF.12b");
  return {
    sanctions: sanctioned ? ["warning", "circulated-criticism"] : [],
    referDiscipline,
    // The supervisor answers for an omission they instructed; with no omission there is nothing to answer for.
    supervisorLiable: sanctioned && facts.instructedBySupervisor,
    citations: [id],
    basis: [
      step(id, "if.non-recording.sanction", sanctioned, { violations: facts.violations }),
      step(id, "if.non-recording.discipline", referDiscipline, { violations: facts.violations }),
      step(id, "if.non-recording.supervisor", sanctioned && facts.instructedBySupervisor),
    ],
  };
};
