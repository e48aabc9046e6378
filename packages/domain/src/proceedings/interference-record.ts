/**
 * The interference record as a pure state machine: from the handler's record through the legal section's
 * check, the finding, the approved notification and the referrals, with a transition table saying which
 * step is legal from which stage.
 *
 * IF.3  局机关办案机构及办案人员应对干预、插手案件办理的情况将时间、地点、人物、方式、内容等全面、如实记录，做到全程留痕，
 *       有据可查。遇有行政执法机关内部人员非法过问案件办理的情况，应向区局法治科报告。必要时可以直接向区司法行政部门
 *       行政执法协调监督机构报告。
 * IF.4  区局法治科应加强检查、抽查，如发现干预、插手案件办理线索的，应当及时向机关负责人报告并开展调查处理，必要时
 *       可移交同级司法行政部门行政执法协调监督机构调查处理。
 * IF.10 局机关内部人员有下列行为之一的，属于违反规定干预办案，应按人事管理权限并报经批准后予以通报。
 * IF.11 ……构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分；构成犯罪的，依法移交有关部门追究刑事责任。
 * IF.12a 局机关内部人员对如实记录过问案件情况的办案人员进行打击报复的……移交……纪律处分；构成犯罪的，……追究刑事责任。
 */
import { Either, Match, Schema } from "effect";
import { citation } from "../citation/citation-id.js";
import type { DateOutOfOrder } from "./date-out-of-order.js";
import type { IllegalTransition } from "./illegal-transition.js";
import {
  ContactFoundLegitimate,
  HandedOverToJudicialSupervision,
  type InterferenceEvent,
  type InterferenceEventTag,
  InterferenceFound,
  InterferenceInvestigationNoted,
  InterferenceInvestigationOpened,
  InterferenceNotified,
  InterferenceRecordClosed,
  InterferenceRecorded,
  LeadReportedToHead,
  NotificationApproved,
  RecordCorrected,
  type RecordElements,
  RecordReviewed,
  RecordSpotChecked,
  ReferredForCriminalLiability,
  ReferredForDiscipline,
  ReportedToJudicialSupervision,
  ReportedToLegalSection,
  RetaliationReferred,
} from "./interference-events.js";
import { StepDate } from "./step-date.js";
import {
  legalNextSteps,
  type NextStep,
  type ProceedingPosition,
  resolveTransition,
  sinceAfter,
  type TransitionTable,
} from "./transition-table.js";

export const InterferenceStage = Schema.Literal(
  /** Nothing recorded yet. */
  "new",
  /** The handler has recorded the contact (IF.3 记录). */
  "recorded",
  /** Reported to the legal section as an unlawful inquiry (IF.3 向区局法治科报告). */
  "reported-to-legal-section",
  /** Reported straight to the district judicial-supervision body (IF.3 必要时可以直接……报告). */
  "reported-to-judicial-supervision",
  /** Spot-checked or reviewed by the legal section (IF.4 检查、抽查). */
  "checked",
  /** A lead reported to the bureau's head (IF.4 及时向机关负责人报告). */
  "lead-reported",
  /** Under investigation (IF.4 开展调查处理). */
  "investigating",
  /** Found to be interference under IF.10; notification awaits approval. */
  "interference-found",
  /** Found not to be interference (IF.13, IF.7, IF.2/IF.8); ends without notification. */
  "legitimate",
  /** Notification approved under personnel authority (IF.10 按人事管理权限并报经批准). */
  "approved",
  /** Circulated (IF.10 予以通报). */
  "notified",
  /** Referred for discipline or criminal liability (IF.11). */
  "referred",
  /** Handed over to the judicial-supervision body (IF.4 必要时可移交). */
  "handed-over",
  /** The bureau's handling is complete. */
  "closed",
);
export type InterferenceStage = typeof InterferenceStage.Type;

export class InterferenceState extends Schema.Class<InterferenceState>("InterferenceState")({
  stage: InterferenceStage,
  /** The date of the last step that was not repeatable: no later step may be dated before it. */
  since: Schema.NullOr(StepDate),
  /** The record as first made; never changed. */
  record: Schema.NullOr(InterferenceRecorded),
  /** Corrections in the order made (IF.3 append-only). */
  corrections: Schema.Array(RecordCorrected),
  report: Schema.NullOr(Schema.Union(ReportedToLegalSection, ReportedToJudicialSupervision)),
  check: Schema.NullOr(Schema.Union(RecordSpotChecked, RecordReviewed)),
  lead: Schema.NullOr(LeadReportedToHead),
  investigation: Schema.NullOr(InterferenceInvestigationOpened),
  notes: Schema.Array(InterferenceInvestigationNoted),
  finding: Schema.NullOr(Schema.Union(InterferenceFound, ContactFoundLegitimate)),
  approval: Schema.NullOr(NotificationApproved),
  notification: Schema.NullOr(InterferenceNotified),
  referrals: Schema.Array(Schema.Union(ReferredForDiscipline, ReferredForCriminalLiability)),
  retaliationReferrals: Schema.Array(RetaliationReferred),
  handover: Schema.NullOr(HandedOverToJudicialSupervision),
  closure: Schema.NullOr(InterferenceRecordClosed),
}) {}

type InterferenceFields = Schema.Struct.Type<typeof InterferenceState.fields>;

export const initialInterference: InterferenceState = new InterferenceState({
  stage: "new",
  since: null,
  record: null,
  corrections: [],
  report: null,
  check: null,
  lead: null,
  investigation: null,
  notes: [],
  finding: null,
  approval: null,
  notification: null,
  referrals: [],
  retaliationReferrals: [],
  handover: null,
  closure: null,
});

// Every stage once a record exists. A correction (IF.3) and a retaliation referral (IF.9, IF.12a) stay
// possible after the bureau's handling ends: the record and the recorder's protection outlive it.
const ONCE_RECORDED = [
  "recorded",
  "reported-to-legal-section",
  "reported-to-judicial-supervision",
  "checked",
  "lead-reported",
  "investigating",
  "interference-found",
  "legitimate",
  "approved",
  "notified",
  "referred",
  "handed-over",
  "closed",
] as const satisfies ReadonlyArray<InterferenceStage>;

const inPlace = (stages: ReadonlyArray<InterferenceStage>) => Object.fromEntries(stages.map((s) => [s, s]));

export const interferenceTransitions = {
  // IF.3 将时间、地点、人物、方式、内容等全面、如实记录，做到全程留痕，有据可查
  InterferenceRecorded: {
    citations: [citation("IF.3")],
    repeatable: false,
    from: { new: "recorded" },
  },
  // IF.3 全程留痕，有据可查: a correction is added, the record is never edited
  RecordCorrected: {
    citations: [citation("IF.3")],
    repeatable: true,
    from: inPlace(ONCE_RECORDED),
    notBefore: (s) => s.record?.date ?? null,
  },
  // IF.3 遇有行政执法机关内部人员非法过问案件办理的情况，应向区局法治科报告
  ReportedToLegalSection: {
    citations: [citation("IF.3")],
    repeatable: false,
    from: { recorded: "reported-to-legal-section" },
  },
  // IF.3 必要时可以直接向区司法行政部门行政执法协调监督机构报告
  ReportedToJudicialSupervision: {
    citations: [citation("IF.3")],
    repeatable: false,
    from: {
      recorded: "reported-to-judicial-supervision",
      "reported-to-legal-section": "reported-to-judicial-supervision",
    },
  },
  // IF.4 区局法治科应加强检查、抽查: any record may be drawn, reported or not
  RecordSpotChecked: {
    citations: [citation("IF.4")],
    repeatable: false,
    from: { recorded: "checked", "reported-to-legal-section": "checked" },
  },
  // IF.4 检查: a record reported to the legal section is examined
  RecordReviewed: {
    citations: [citation("IF.4")],
    repeatable: false,
    from: { "reported-to-legal-section": "checked" },
  },
  // IF.4 如发现干预、插手案件办理线索的，应当及时向机关负责人报告
  LeadReportedToHead: {
    citations: [citation("IF.4")],
    repeatable: false,
    from: { checked: "lead-reported" },
  },
  // IF.4 并开展调查处理
  InterferenceInvestigationOpened: {
    citations: [citation("IF.4")],
    repeatable: false,
    from: { "lead-reported": "investigating" },
  },
  InterferenceInvestigationNoted: {
    citations: [citation("IF.4")],
    repeatable: true,
    from: { investigating: "investigating" },
  },
  // IF.10 局机关内部人员有下列行为之一的，属于违反规定干预办案; IF.5 不得违反规定干预、插手
  InterferenceFound: {
    citations: [citation("IF.5"), citation("IF.10")],
    repeatable: false,
    from: { investigating: "interference-found" },
  },
  // IF.13 ……不应认定为干预、插手案件办理: a check that finds no lead, or an investigation, may end here
  ContactFoundLegitimate: {
    citations: [citation("IF.13")],
    repeatable: false,
    from: { checked: "legitimate", investigating: "legitimate" },
  },
  // IF.10 应按人事管理权限并报经批准
  NotificationApproved: {
    citations: [citation("IF.10")],
    repeatable: false,
    from: { "interference-found": "approved" },
  },
  // IF.10 ……后予以通报
  InterferenceNotified: {
    citations: [citation("IF.10")],
    repeatable: false,
    from: { approved: "notified" },
  },
  // IF.11 构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分 (a crime may be referred as well)
  ReferredForDiscipline: {
    citations: [citation("IF.11")],
    repeatable: false,
    from: { notified: "referred", referred: "referred" },
  },
  // IF.11 构成犯罪的，依法移交有关部门追究刑事责任
  ReferredForCriminalLiability: {
    citations: [citation("IF.11")],
    repeatable: false,
    from: { notified: "referred", referred: "referred" },
  },
  // IF.12a 对如实记录过问案件情况的办案人员进行打击报复的……移交; IF.9 局机关内部人员不得对办案人员打击报复
  RetaliationReferred: {
    citations: [citation("IF.9"), citation("IF.12a")],
    repeatable: true,
    from: inPlace(ONCE_RECORDED),
    notBefore: (s) => s.record?.date ?? null,
  },
  // IF.4 必要时可移交同级司法行政部门行政执法协调监督机构调查处理
  HandedOverToJudicialSupervision: {
    citations: [citation("IF.4")],
    repeatable: false,
    from: { "lead-reported": "handed-over", investigating: "handed-over" },
  },
  // IF.10, IF.11: notified, and referred where the conduct called for it
  InterferenceRecordClosed: {
    citations: [citation("IF.10"), citation("IF.11")],
    repeatable: false,
    from: { notified: "closed", referred: "closed" },
  },
} satisfies TransitionTable<InterferenceStage, InterferenceEvent, InterferenceState>;

/** Why an event is refused. */
export type InterferenceRefusal = IllegalTransition | DateOutOfOrder;

/** What each step adds to the record: every event kind handled, or this fails to compile. */
const record = (s: InterferenceState, event: InterferenceEvent): Partial<InterferenceFields> =>
  Match.valueTags(event, {
    InterferenceRecorded: (e) => ({ record: e }),
    RecordCorrected: (e) => ({ corrections: [...s.corrections, e] }),
    ReportedToLegalSection: (e) => ({ report: e }),
    ReportedToJudicialSupervision: (e) => ({ report: e }),
    RecordSpotChecked: (e) => ({ check: e }),
    RecordReviewed: (e) => ({ check: e }),
    LeadReportedToHead: (e) => ({ lead: e }),
    InterferenceInvestigationOpened: (e) => ({ investigation: e }),
    InterferenceInvestigationNoted: (e) => ({ notes: [...s.notes, e] }),
    InterferenceFound: (e) => ({ finding: e }),
    ContactFoundLegitimate: (e) => ({ finding: e }),
    NotificationApproved: (e) => ({ approval: e }),
    InterferenceNotified: (e) => ({ notification: e }),
    ReferredForDiscipline: (e) => ({ referrals: [...s.referrals, e] }),
    ReferredForCriminalLiability: (e) => ({ referrals: [...s.referrals, e] }),
    RetaliationReferred: (e) => ({ retaliationReferrals: [...s.retaliationReferrals, e] }),
    HandedOverToJudicialSupervision: (e) => ({ handover: e }),
    InterferenceRecordClosed: (e) => ({ closure: e }),
  });

/** The record after `event`, or why the event is refused. */
export const applyInterference = (
  state: InterferenceState,
  event: InterferenceEvent,
): Either.Either<InterferenceState, InterferenceRefusal> =>
  Either.map(
    resolveTransition<InterferenceStage, InterferenceEvent, InterferenceState>(
      interferenceTransitions,
      state,
      event,
    ),
    ({ to, rule }) =>
      // Built from decoded events only, so not validated again.
      new InterferenceState(
        { ...state, ...record(state, event), stage: to, since: sinceAfter(rule, state, event.date) },
        true,
      ),
  );

/** The record rebuilt from its events, from the start; the first refused event stops it. */
export const replayInterference = (
  events: Iterable<InterferenceEvent>,
): Either.Either<InterferenceState, InterferenceRefusal> => {
  let state = initialInterference;
  for (const event of events) {
    const next = applyInterference(state, event);
    if (Either.isLeft(next)) return next;
    state = next.right;
  }
  return Either.right(state);
};

/** The steps legal now, with where they lead and the articles behind them. */
export const interferenceNextSteps = (
  state: ProceedingPosition<InterferenceStage>,
): ReadonlyArray<NextStep<InterferenceStage, InterferenceEventTag>> =>
  legalNextSteps<InterferenceStage, InterferenceEvent, InterferenceState>(
    interferenceTransitions,
    state.stage,
  );

/** The five elements as they now read: the original record with every correction laid over it in order. */
export const currentRecordElements = (state: InterferenceState): RecordElements | null => {
  if (state.record === null) return null;
  let elements: RecordElements = state.record.elements;
  for (const c of state.corrections) elements = { ...elements, ...c.corrections };
  return elements;
};
