/**
 * IF.9 办案人员如实记录局机关内部人员干预、插手案件的情况，受法律和组织保护。局机关内部人员不得对办案人员打击报复。
 * 办案人员非因法定事由，非经法定程序，不得被免职、调离、辞退或者给予降级、撤职、开除等处分。
 * IF.12a 局机关内部人员对如实记录过问案件情况的办案人员进行打击报复的……移交区纪委监委驻发改委纪检组给予纪律处分；
 * 构成犯罪的，依法移交有关部门追究刑事责任。
 */
import { Schema } from "effect";
import { type CitationId, citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";

/** 免职、调离、辞退、降级、撤职、开除, and any other sanction. */
export const PersonnelActionKind = Schema.Literal(
  "removal-from-office",
  "transfer",
  "dismissal",
  "demotion",
  "discharge-from-post",
  "expulsion",
  "other-sanction",
);
export type PersonnelActionKind = typeof PersonnelActionKind.Type;

export const PersonnelAction = Schema.Struct({
  kind: PersonnelActionKind,
  /** The handler has recorded interference truthfully (IF.3) at any time before the action. */
  againstRecorder: Schema.Boolean,
  /** 法定事由: the statutory cause, in words; empty when none is given. */
  statutoryCause: Schema.String,
  /** 法定程序: the statutory procedure followed, in words; empty when none is given. */
  statutoryProcedure: Schema.String,
});
export type PersonnelAction = typeof PersonnelAction.Type;

export interface ProtectionCheck {
  /** The legal section must be alerted (IF.9): any such action against a recorder. */
  readonly alert: boolean;
  /** Cause or procedure missing: the action may not proceed as it stands (IF.9). */
  readonly blocked: boolean;
  /** What is missing, by field. */
  readonly missing: ReadonlyArray<"statutoryCause" | "statutoryProcedure">;
  readonly citations: ReadonlyArray<CitationId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

export const checkProtection = (action: PersonnelAction): ProtectionCheck => {
  const missing = (["statutoryCause", "statutoryProcedure"] as const).filter((f) => action[f].trim() === "");
  const alert = action.againstRecorder;
  const blocked = alert && missing.length > 0;
  const if9 = citation("IF.9");
  return {
    alert,
    blocked,
    missing: alert ? missing : [],
    citations: alert ? [if9, ...(blocked ? [citation("IF.12a")] : [])] : [],
    basis: [
      step(if9, "if.protection.recorder", alert, { action: action.kind }),
      ...(alert ? [step(if9, "if.protection.statutory", !blocked, { missing: [...missing] })] : []),
      ...(blocked ? [step(citation("IF.12a"), "if.protection.retaliation-suspected", true)] : []),
    ],
  };
};
