/**
 * The legal section's steps in both regimes, as forms: the procedure each calls, the event it records (to
 * match the domain's next steps), and what it asks for. Whether a step is legal now is the domain's answer
 * (`nextSteps` from the server); whether the caller may take it, the server's. Every step is written to the
 * append-only log and cannot be undone, so each one is confirmed first.
 */
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  InterferenceCategory,
  LegitimacyGround,
  type LocalisedText,
} from "@liuhen/domain";

export type Regime = "wrong-case" | "interference";

export type FieldKind =
  /** Free text; required unless `optional`. */
  | { readonly _tag: "Text"; readonly optional?: boolean }
  /** A person's id in the directory. */
  | { readonly _tag: "Person" }
  /** A whole number from 0. */
  | { readonly _tag: "Count" }
  /** A day, YYYY-MM-DD. */
  | { readonly _tag: "Date" }
  /** One of the given values. */
  | { readonly _tag: "Choice"; readonly options: ReadonlyArray<Option> }
  /** One or more of the given values, separated by commas or spaces. */
  | { readonly _tag: "Choices"; readonly options: ReadonlyArray<Option>; readonly optional?: boolean };

export interface Option {
  readonly value: string;
  readonly label: LocalisedText;
}

export interface StepField {
  readonly name: string;
  readonly label: LocalisedText;
  readonly kind: FieldKind;
}

export interface LegalStep {
  readonly regime: Regime;
  /** The tRPC procedure under `wrongCase.` or `interference.`. */
  readonly procedure: string;
  /** The domain event it records, as `nextSteps` names it. */
  readonly event: string;
  readonly label: LocalisedText;
  readonly fields: ReadonlyArray<StepField>;
}

const t = (zh: string, en: string): LocalisedText => ({ zh, en });
const text = (name: string, zh: string, en: string): StepField => ({
  name,
  label: t(zh, en),
  kind: { _tag: "Text" },
});
const person = (name: string, zh: string, en: string): StepField => ({
  name,
  label: t(zh, en),
  kind: { _tag: "Person" },
});
/** Citation ids as options: the article behind each can be opened from the prompt. */
const citations = (ids: ReadonlyArray<string>): ReadonlyArray<Option> =>
  ids.map((id) => ({ value: id, label: t(id, id) }));

export const WRONG_CASE_STEPS: ReadonlyArray<LegalStep> = [
  // WC.10.1 区局法治科应当及时受理
  {
    regime: "wrong-case",
    procedure: "accept",
    event: "ReportAccepted",
    label: t("受理", "accept"),
    fields: [],
  },
  // WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理
  {
    regime: "wrong-case",
    procedure: "transfer",
    event: "ReportTransferred",
    label: t("转送有权部门", "transfer"),
    fields: [text("competentBody", "有权部门", "competent body"), text("reason", "转送理由", "reason")],
  },
  // WC.10.1 并负责答复
  {
    regime: "wrong-case",
    procedure: "answerReporter",
    event: "ReporterAnswered",
    label: t("答复举报人", "answer the reporter"),
    fields: [text("answer", "答复内容", "answer")],
  },
  // WC.10.2 应当及时报局主要负责人
  {
    regime: "wrong-case",
    procedure: "reportToHead",
    event: "ReportedToHead",
    label: t("报局主要负责人", "report to the head"),
    fields: [person("head", "局主要负责人（人员编号）", "head (person id)")],
  },
  // WC.7 对……责任人依法提出处理建议: the assessment (classification, liability, sanctions) is its own form.
  {
    regime: "wrong-case",
    procedure: "propose",
    event: "HandlingProposed",
    label: t("认定错案并提出处理建议", "classify and propose sanctions"),
    fields: [text("summary", "处理建议", "proposal summary")],
  },
  // WC.10.3 如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告
  {
    regime: "wrong-case",
    procedure: "referToDisciplineGroup",
    event: "ReferredToDisciplineGroup",
    label: t("报告纪检组", "refer to the discipline group"),
    fields: [text("summary", "报告内容", "summary")],
  },
  {
    regime: "wrong-case",
    procedure: "notifyOfficer",
    event: "OfficerNotified",
    label: t("告知执法人员处理决定", "notify the officer"),
    fields: [person("officer", "执法人员（人员编号）", "officer (person id)")],
  },
  {
    regime: "wrong-case",
    procedure: "close",
    event: "WrongCaseClosed",
    label: t("办结", "close"),
    fields: [],
  },
];

export const INTERFERENCE_STEPS: ReadonlyArray<LegalStep> = [
  // IF.4 检查
  {
    regime: "interference",
    procedure: "review",
    event: "RecordReviewed",
    label: t("检查", "review"),
    fields: [],
  },
  // IF.4 如发现干预、插手案件办理线索的，应当及时向机关负责人报告
  {
    regime: "interference",
    procedure: "leadToHead",
    event: "LeadReportedToHead",
    label: t("线索报机关负责人", "report the lead to the head"),
    fields: [person("head", "机关负责人（人员编号）", "head (person id)"), text("lead", "线索", "lead")],
  },
  // IF.10 局机关内部人员有下列行为之一的，属于违反规定干预办案
  {
    regime: "interference",
    procedure: "findInterference",
    event: "InterferenceFound",
    label: t("认定干预办案", "find interference"),
    fields: [
      {
        name: "categories",
        label: t("情形（IF.10 各项）", "categories (IF.10 items)"),
        kind: { _tag: "Choices", options: citations(InterferenceCategory.literals) },
      },
      text("reasons", "认定理由", "reasons"),
    ],
  },
  // IF.13 不应认定为干预、插手案件办理
  {
    regime: "interference",
    procedure: "findLegitimate",
    event: "ContactFoundLegitimate",
    label: t("不认定为干预", "find legitimate"),
    fields: [
      {
        name: "grounds",
        label: t("依据", "grounds"),
        kind: { _tag: "Choices", options: citations(LegitimacyGround.literals) },
      },
      text("reasons", "理由", "reasons"),
    ],
  },
  // IF.10 ……后予以通报 (prepared here; the head's approval comes first)
  {
    regime: "interference",
    procedure: "notify",
    event: "InterferenceNotified",
    label: t("通报", "circulate the notification"),
    fields: [text("notice", "通报内容", "notice")],
  },
  // IF.11 构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分
  {
    regime: "interference",
    procedure: "referForDiscipline",
    event: "ReferredForDiscipline",
    label: t("移交纪律处分", "refer for discipline"),
    fields: [text("basis", "依据", "basis")],
  },
  // IF.11 构成犯罪的，依法移交有关部门追究刑事责任
  {
    regime: "interference",
    procedure: "referForCriminalLiability",
    event: "ReferredForCriminalLiability",
    label: t("移交追究刑事责任", "refer for criminal liability"),
    fields: [text("authority", "移交机关", "authority"), text("basis", "依据", "basis")],
  },
  // IF.4 必要时可移交同级司法行政部门行政执法协调监督机构调查处理
  {
    regime: "interference",
    procedure: "handOver",
    event: "HandedOverToJudicialSupervision",
    label: t("移交司法行政部门", "hand over"),
    fields: [text("reason", "理由", "reason")],
  },
  {
    regime: "interference",
    procedure: "close",
    event: "InterferenceRecordClosed",
    label: t("办结", "close"),
    fields: [],
  },
];

/** The legal section's steps among the next steps the domain allows. */
export const legalStepsAmong = (
  regime: Regime,
  nextSteps: ReadonlyArray<{ readonly event: string }>,
): ReadonlyArray<LegalStep> => {
  const allowed = new Set(nextSteps.map((s) => s.event));
  return (regime === "wrong-case" ? WRONG_CASE_STEPS : INTERFERENCE_STEPS).filter((s) =>
    allowed.has(s.event),
  );
};

/** The case kinds the assessment form offers, with the domain's labels. */
export const CASE_KIND_OPTIONS: ReadonlyArray<Option> = CASE_KINDS.map((kind) => ({
  value: kind,
  label: CASE_KIND_LABELS[kind],
}));
