/**
 * The steps of a wrong-case proceeding (错案责任倒查问责, WC.10), each an event with what the step records.
 * Events are what a store persists; the proceeding's state is rebuilt from them (`replayWrongCase`).
 *
 * WC.10 执法错案责任的追究程序：（一）立案 （二）调查 （三）追究。
 */
import { Schema } from "effect";
import { ActorId } from "./actor-id.js";
import { StepAttachments } from "./attachment-ref.js";
import { FreeText } from "./free-text.js";
import { StepDate } from "./step-date.js";

/** WC.10.1 任何人均有权举报或投诉执法人员过错行为: a member of staff, or anyone from the public. */
export const Reporter = Schema.Union(
  Schema.TaggedStruct("Staff", { id: ActorId }),
  // The public page needs no account: a name and a way to reach them, either of which may be withheld.
  Schema.TaggedStruct("Public", { name: Schema.NullOr(FreeText), contact: Schema.NullOr(FreeText) }),
);
export type Reporter = typeof Reporter.Type;

/** WC.10.1 立案: a report or complaint about an officer's fault reaches the legal section. */
export const ReportReceived = Schema.TaggedStruct("ReportReceived", {
  date: StepDate,
  reporter: Reporter,
  /** The officers the report names; empty when the reporter could not name them. */
  officers: Schema.Array(ActorId),
  allegation: FreeText,
});

/** WC.10.1 区局法治科应当及时受理. */
export const ReportAccepted = Schema.TaggedStruct("ReportAccepted", {
  date: StepDate,
  by: ActorId,
});

/** WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理. */
export const ReportTransferred = Schema.TaggedStruct("ReportTransferred", {
  date: StepDate,
  by: ActorId,
  /** The competent body (有权部门), as named by the legal section. */
  competentBody: FreeText,
  /** Why the matter is not the bureau's to handle. */
  reason: FreeText,
});

/** WC.10.1 并负责答复: the reporter is told what became of the report. */
export const ReporterAnswered = Schema.TaggedStruct("ReporterAnswered", {
  date: StepDate,
  by: ActorId,
  answer: FreeText,
});

/** WC.10.2 区局法治科受理案件后，应当及时报局主要负责人. */
export const ReportedToHead = Schema.TaggedStruct("ReportedToHead", {
  date: StepDate,
  by: ActorId,
  head: ActorId,
});

/** WC.10.2 由局主要负责人指派区局机关纪委及时组成调查组. */
export const InvestigationTeamAssigned = Schema.TaggedStruct("InvestigationTeamAssigned", {
  date: StepDate,
  /** The head who assigns. */
  by: ActorId,
  members: Schema.NonEmptyArray(ActorId),
});

/** WC.10.2 调阅有关案件材料、询问执法责任人、了解核实有关情况、询问行政相对人. */
export const InvestigationMethod = Schema.Literal(
  "file-review",
  "officer-interview",
  "verification",
  "counterparty-interview",
);
export type InvestigationMethod = typeof InvestigationMethod.Type;

/** One act of investigation, by one of the four means of WC.10.2, with the files it produced or examined. */
export const InvestigationLogged = Schema.TaggedStruct("InvestigationLogged", {
  date: StepDate,
  by: ActorId,
  method: InvestigationMethod,
  summary: FreeText,
  /** 调阅有关案件材料、询问……: the files the act rests on, by content hash; `[]` in events written before. */
  attachments: StepAttachments,
});

/** The WC.5 triggers a finding can rest on (经调查属实). */
export const WrongCaseTrigger = Schema.Literal(
  "WC.5.1",
  "WC.5.2",
  "WC.5.3",
  "WC.5.4",
  "WC.5.5",
  "WC.5.6",
  "WC.5.7",
);
export type WrongCaseTrigger = typeof WrongCaseTrigger.Type;

/** WC.10.3 根据调查结果，认定错案性质、责任人. */
export const FindingsSubmitted = Schema.TaggedStruct("FindingsSubmitted", {
  date: StepDate,
  by: ActorId,
  /** WC.5 经调查属实: whether the investigation confirmed a wrong case. */
  confirmed: Schema.Boolean,
  triggers: Schema.Array(WrongCaseTrigger),
  /** 错案性质, in words. */
  nature: FreeText,
  /** 责任人; empty when the investigation holds no one responsible. */
  responsible: Schema.Array(ActorId),
});

/**
 * WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议. The assessment behind the proposal is made elsewhere
 * (`assess`); the proceeding keeps the caller's reference to it and its payload as given.
 */
export const HandlingProposed = Schema.TaggedStruct("HandlingProposed", {
  date: StepDate,
  by: ActorId,
  assessmentRef: FreeText,
  assessment: Schema.Unknown,
  summary: FreeText,
});

/** WC.10.3 经区局党委集体讨论后及时做出处理决定，如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告. */
export const CommitteeDecided = Schema.TaggedStruct("CommitteeDecided", {
  date: StepDate,
  /** Who records the decision (the committee's secretary). */
  by: ActorId,
  /** 集体讨论: those present; one person is no collective. */
  attendance: Schema.Array(ActorId).pipe(
    Schema.minItems(2, { message: () => "a collective discussion (集体讨论) has at least two present" }),
  ),
  outcome: FreeText,
  /** The officers the decision concerns, to be notified. */
  officers: Schema.Array(ActorId),
  /** 涉嫌违纪违法: the matter must be reported to the discipline inspection group. */
  suspectedViolation: Schema.Boolean,
});

/** WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定. */
export const ReinvestigationOrdered = Schema.TaggedStruct("ReinvestigationOrdered", {
  date: StepDate,
  by: ActorId,
  attendance: Schema.Array(ActorId).pipe(
    Schema.minItems(2, { message: () => "a collective discussion (集体讨论) has at least two present" }),
  ),
  /** Which facts are unclear (事实不清). */
  reasons: FreeText,
});

/** WC.10.3 及时向区纪委监委驻发改委纪检组报告. */
export const ReferredToDisciplineGroup = Schema.TaggedStruct("ReferredToDisciplineGroup", {
  date: StepDate,
  by: ActorId,
  summary: FreeText,
});

/** The decision is made known to an officer it concerns, which opens their WC.12 remedies. */
export const OfficerNotified = Schema.TaggedStruct("OfficerNotified", {
  date: StepDate,
  by: ActorId,
  officer: ActorId,
});

/** WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩. */
export const OfficerStatementFiled = Schema.TaggedStruct("OfficerStatementFiled", {
  date: StepDate,
  officer: ActorId,
  statement: FreeText,
});

/** WC.12 也可以按照有关规定向区行政执法监督部门或区纪检、监察部门提出申诉. */
export const AppealBody = Schema.Literal("enforcement-supervision", "discipline-supervision");
export type AppealBody = typeof AppealBody.Type;

export const OfficerAppealFiled = Schema.TaggedStruct("OfficerAppealFiled", {
  date: StepDate,
  officer: ActorId,
  body: AppealBody,
  grounds: FreeText,
});

/** The proceeding ends: the matter was transferred, or the decision was made known. */
export const WrongCaseClosed = Schema.TaggedStruct("WrongCaseClosed", {
  date: StepDate,
  by: ActorId,
});

export const WrongCaseEvent = Schema.Union(
  ReportReceived,
  ReportAccepted,
  ReportTransferred,
  ReporterAnswered,
  ReportedToHead,
  InvestigationTeamAssigned,
  InvestigationLogged,
  FindingsSubmitted,
  HandlingProposed,
  CommitteeDecided,
  ReinvestigationOrdered,
  ReferredToDisciplineGroup,
  OfficerNotified,
  OfficerStatementFiled,
  OfficerAppealFiled,
  WrongCaseClosed,
);
export type WrongCaseEvent = typeof WrongCaseEvent.Type;
export type WrongCaseEventTag = WrongCaseEvent["_tag"];
