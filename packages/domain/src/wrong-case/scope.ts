/**
 * WC.2 本制度所称的行政执法错案责任，是指行政处罚、行政许可案件被认定为错案后，应由相关行政执法人员承担的责任。
 * Only penalty and licensing cases are in scope; any other kind is out of scope (a result, not an error).
 */
import { citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";
import type { CaseKind } from "./facts.js";

export const IN_SCOPE: Readonly<Record<CaseKind, boolean>> = {
  "administrative-penalty": true,
  "administrative-licence": true,
  inspection: false,
  "coercive-measure": false,
  other: false,
};

const WC_2 = citation("WC.2");

export const scope = (kind: CaseKind): { inScope: boolean; step: BasisStep } => {
  const inScope = IN_SCOPE[kind];
  return { inScope, step: step(WC_2, "wc.scope", inScope, { caseKind: kind }) };
};
