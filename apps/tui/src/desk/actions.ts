/**
 * What the legal officer can do from a screen, as prompts: each action names its fields, may show what the
 * domain makes of the answers before anything is kept (the WC.7 proposal's assessment), and submits through
 * the desk. Every action here records an event in the append-only log, so each is confirmed first.
 */
import type { LocalisedText } from "@liuhen/domain";
import {
  type AssessmentPreview,
  assessmentFields,
  assessmentRequest,
  findingsOf,
  listOf,
  previewAssessment,
} from "./assessment-form.js";
import type { CaseFile, LegalDesk } from "./legal-desk.js";
import { type LegalStep, legalStepsAmong, type StepField } from "./legal-steps.js";

export interface Action {
  readonly label: LocalisedText;
  readonly fields: ReadonlyArray<StepField>;
  readonly defaults: Readonly<Record<string, string>>;
  /** What the domain makes of the answers, shown with the confirmation. */
  readonly preview?: (answers: Readonly<Record<string, string>>) => AssessmentPreview;
  readonly submit: (answers: Readonly<Record<string, string>>) => Promise<unknown>;
}

/** The step's own fields as the procedure takes them (lists as arrays). */
const stepInput = (step: LegalStep, answers: Readonly<Record<string, string>>): Record<string, unknown> =>
  Object.fromEntries(
    step.fields.map((f) => [
      f.name,
      f.kind._tag === "Choices" ? listOf(answers[f.name]) : (answers[f.name] ?? ""),
    ]),
  );

const stepAction = (desk: LegalDesk, target: CaseFile, step: LegalStep): Action => {
  if (step.procedure !== "propose") {
    return {
      label: step.label,
      fields: step.fields,
      defaults: {},
      submit: (answers) => desk.step(target, step.procedure, stepInput(step, answers)),
    };
  }
  // WC.7: the facts of the assessment first (classification, liability per officer), then the summary.
  const findings = findingsOf(target.file.state);
  const form = assessmentFields(findings);
  return {
    label: step.label,
    fields: [...form.fields, ...step.fields],
    defaults: form.defaults,
    preview: (answers) => previewAssessment(assessmentRequest(findings, answers)),
    submit: (answers) =>
      desk.step(target, "propose", {
        assessment: assessmentRequest(findings, answers),
        summary: answers.summary ?? "",
      }),
  };
};

/** The legal section's actions on a file: those of its steps the domain allows next. */
export const fileActions = (desk: LegalDesk, target: CaseFile): ReadonlyArray<Action> =>
  legalStepsAmong(target.regime, target.file.nextSteps).map((step) => stepAction(desk, target, step));

/**
 * IF.4 抽查, first step: the period and sample sizes, fixed (and logged) before the draw. `today` is the
 * server's case-clock day: the period defaults to its month so far.
 */
export const commitSpotCheckAction = (desk: LegalDesk, today: string): Action => {
  return {
    label: { zh: "新建抽查（承诺抽样范围）", en: "commit a spot check" },
    fields: [
      { name: "from", label: { zh: "记录起始日", en: "records from" }, kind: { _tag: "Date" } },
      { name: "to", label: { zh: "记录截止日", en: "records to" }, kind: { _tag: "Date" } },
      { name: "records", label: { zh: "抽取记录数", en: "records to draw" }, kind: { _tag: "Count" } },
      { name: "handlers", label: { zh: "抽取办案人员数", en: "handlers to draw" }, kind: { _tag: "Count" } },
      { name: "purpose", label: { zh: "抽查目的", en: "purpose" }, kind: { _tag: "Text", optional: true } },
    ],
    defaults: { from: `${today.slice(0, 7)}-01`, to: today, records: "2", handlers: "1" },
    submit: (answers) =>
      desk.commitSpotCheck({
        from: answers.from ?? "",
        to: answers.to ?? "",
        records: Number(answers.records),
        handlers: Number(answers.handlers),
        purpose: answers.purpose ? answers.purpose : null,
      }),
  };
};

/** IF.4 抽查, second step: the seed revealed and the sample drawn. */
export const drawSpotCheckAction = (desk: LegalDesk, drawId: string): Action => ({
  label: { zh: `抽取样本 ${drawId}`, en: `draw the sample of ${drawId}` },
  fields: [],
  defaults: {},
  submit: () => desk.drawSpotCheck(drawId),
});

/** IF.4 检查: the record drawn, checked under its draw (the log names the draw as the check's ground). */
export const checkSampledRecordAction = (desk: LegalDesk, target: CaseFile, drawId: string): Action => ({
  label: { zh: "抽查检查", en: "check the record drawn" },
  fields: [],
  defaults: {},
  submit: () => desk.checkSampledRecord(drawId, target),
});
