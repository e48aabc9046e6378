/**
 * The legal section's proposal (WC.7) as a form: the facts of a wrong-case assessment request
 * (CONFORMANCE.md) — case kind, WC.5 triggers, whether the investigation confirmed them, and per officer the
 * WC.6 conduct, WC.8 mitigation and WC.9 aggravation — prefilled from the team's findings. The domain's
 * `assess` classifies the case and proposes sanctions; the UI shows its explanation before anything is kept.
 */
import {
  AGGRAVATION_IDS,
  type AssessResult,
  assess,
  CONDUCT_IDS,
  DEFAULT_REGISTRY,
  explain,
  isContractError,
  MITIGATION_IDS,
  STATUS_LABELS,
  TRIGGER_IDS,
} from "@liuhen/domain";
import { Either } from "effect";
import { CASE_KIND_OPTIONS, type Option, type StepField } from "./legal-steps.js";

const ids = (list: ReadonlyArray<string>): ReadonlyArray<Option> =>
  list.map((id) => ({ value: id, label: { zh: id, en: id } }));

const YES_NO: ReadonlyArray<Option> = [
  { value: "yes", label: { zh: "是（经调查属实）", en: "yes, confirmed" } },
  { value: "no", label: { zh: "否", en: "no" } },
];

/** The findings a form is prefilled from (the latest round's, as the server encodes the state). */
export interface Findings {
  readonly confirmed: boolean;
  readonly triggers: ReadonlyArray<string>;
  readonly responsible: ReadonlyArray<string>;
}

export const findingsOf = (state: unknown): Findings | null => {
  const rounds = (state as { rounds?: ReadonlyArray<{ findings?: Findings | null }> }).rounds ?? [];
  return rounds.at(-1)?.findings ?? null;
};

/** The form's fields and the answers it starts with. */
export const assessmentFields = (
  findings: Findings | null,
): { fields: ReadonlyArray<StepField>; defaults: Readonly<Record<string, string>> } => {
  const officers = findings?.responsible ?? [];
  const fields: StepField[] = [
    {
      name: "caseKind",
      label: { zh: "案件类别（WC.2）", en: "case kind (WC.2)" },
      kind: { _tag: "Choice", options: CASE_KIND_OPTIONS },
    },
    {
      name: "triggers",
      label: { zh: "错案情形（WC.5）", en: "triggers (WC.5)" },
      kind: { _tag: "Choices", options: ids(TRIGGER_IDS) },
    },
    {
      name: "confirmed",
      label: { zh: "经调查属实", en: "confirmed by the investigation" },
      kind: { _tag: "Choice", options: YES_NO },
    },
  ];
  for (const [n, officer] of officers.entries()) {
    fields.push(
      {
        name: `officers.${n}.conduct`,
        label: { zh: `${officer} 的责任行为（WC.6）`, en: `${officer}: conduct (WC.6)` },
        kind: { _tag: "Choices", options: ids(CONDUCT_IDS), optional: true },
      },
      {
        name: `officers.${n}.mitigating`,
        label: { zh: `${officer} 从轻或免责情形（WC.8）`, en: `${officer}: mitigation (WC.8)` },
        kind: { _tag: "Choices", options: ids(MITIGATION_IDS), optional: true },
      },
      {
        name: `officers.${n}.aggravating`,
        label: { zh: `${officer} 从重情形（WC.9）`, en: `${officer}: aggravation (WC.9)` },
        kind: { _tag: "Choices", options: ids(AGGRAVATION_IDS), optional: true },
      },
    );
  }
  const defaults: Record<string, string> = {};
  if (findings !== null) {
    defaults.triggers = findings.triggers.join(",");
    defaults.confirmed = findings.confirmed ? "yes" : "no";
  }
  return { fields, defaults };
};

/** Splits a list answer (commas, spaces or 、). */
export const listOf = (answer: string | undefined): ReadonlyArray<string> =>
  (answer ?? "")
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** The assessment request the answers make. */
export const assessmentRequest = (findings: Findings | null, answers: Readonly<Record<string, string>>) => ({
  kind: "wrong-case" as const,
  case: { kind: answers.caseKind ?? "" },
  triggers: listOf(answers.triggers),
  confirmed: answers.confirmed === "yes",
  officers: (findings?.responsible ?? []).map((id, n) => ({
    id,
    conduct: listOf(answers[`officers.${n}.conduct`]),
    mitigating: listOf(answers[`officers.${n}.mitigating`]),
    aggravating: listOf(answers[`officers.${n}.aggravating`]),
  })),
});

export interface AssessmentPreview {
  readonly result: AssessResult;
  /** The classification and, per officer, liability and proposed sanctions, as the domain explains them. */
  readonly lines: ReadonlyArray<string>;
  /** The domain's refusal (naming the field), when the facts do not make a request. */
  readonly refusal: string | null;
}

/** The domain's explanation of an assessment result: classification, then per officer liability and sanctions. */
export const explainAssessment = (result: AssessResult): ReadonlyArray<string> => {
  if (isContractError(result)) return [];
  const regime = DEFAULT_REGISTRY.find(result.regime.split("@")[0]);
  if (Either.isLeft(regime)) return [];
  if (result.kind !== "wrong-case") return explain(regime.right, result.basis, "zh");
  return [
    `认定 / classification: ${STATUS_LABELS[result.status].zh} / ${STATUS_LABELS[result.status].en}`,
    ...explain(regime.right, result.basis, "zh"),
    ...result.officers.flatMap((o) => [
      `· ${o.id}: ${o.liable ? "应追究责任 / liable" : "不追究 / not liable"}${
        o.proposal ? `；建议 / proposed: ${o.proposal.sanctions.join("、") || "—"}` : ""
      }`,
      ...explain(regime.right, o.basis, "zh").map((line) => `  ${line}`),
    ]),
  ];
};

/** What the domain makes of the facts: the lines to show, or its refusal naming the field. */
export const previewAssessment = (request: unknown): AssessmentPreview => {
  const result = assess(request);
  if (isContractError(result)) {
    return {
      result,
      lines: [],
      refusal: `${result.error.path.join(".") || "assessment"}: ${result.error.message}`,
    };
  }
  return { result, lines: explainAssessment(result), refusal: null };
};

/** Every citation id an assessment rests on, for the article overlay. */
export const assessmentCitations = (result: AssessResult): ReadonlyArray<string> => {
  if (isContractError(result)) return [];
  if (result.kind !== "wrong-case") return result.basis.map((s) => s.citation);
  return [
    ...result.basis.map((s) => s.citation),
    ...result.officers.flatMap((o) => [...o.basis.map((s) => s.citation), ...o.citations]),
  ];
};
