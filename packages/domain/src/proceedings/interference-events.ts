/**
 * The steps of an interference record (干预、插手案件办理的记录), each an event with what the step records.
 * The record is append-only (IF.3 全程留痕，有据可查): a correction is a further event, never an edit.
 */

import { Schema } from "effect";
import { Method } from "../interference/contact.js";
import { ActorId } from "./actor-id.js";
import { StepAttachments } from "./attachment-ref.js";
import { FreeText } from "./free-text.js";
import { StepDate } from "./step-date.js";

/** When the contact happened, in Beijing time: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` when the hour is known. */
export const ContactTime = Schema.String.pipe(
  Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d)?$/, {
    message: () => "the time of a contact is written YYYY-MM-DD or YYYY-MM-DDTHH:mm",
  }),
  Schema.annotations({ identifier: "ContactTime" }),
);

/** How the person made contact (IF.5 以口头、电话、书面等方式). */
export const ContactMethod = Method;
export type ContactMethod = Method;

/** IF.3 将时间、地点、人物、方式、内容等全面、如实记录: all five, none empty. */
export const RecordElements = Schema.Struct({
  time: ContactTime,
  place: FreeText,
  /** Who interfered: a staff id or, for someone without one, a name and description. */
  person: FreeText,
  method: ContactMethod,
  content: FreeText,
});
export type RecordElements = typeof RecordElements.Type;

/** IF.3 局机关办案机构及办案人员应对干预、插手案件办理的情况……全面、如实记录. */
export const InterferenceRecorded = Schema.TaggedStruct("InterferenceRecorded", {
  /** The day the record was made. */
  date: StepDate,
  handler: ActorId,
  /** The case the contact was about. */
  caseRef: FreeText,
  elements: RecordElements,
  /** IF.6 应当予以拒绝……告知其依照程序办理: what the handler answered, when recorded. */
  response: Schema.NullOr(FreeText),
  /** The categorisation made elsewhere (`interference/categorise.ts`), kept as the caller gave it. */
  categorisation: Schema.Unknown,
  /** 有据可查: files the record rests on (a letter, a message), by content hash; `[]` in events written before. */
  attachments: StepAttachments,
});

/** IF.3 append-only: the elements a correction restates, with why; the original stays as it was. */
export const RecordCorrected = Schema.TaggedStruct("RecordCorrected", {
  date: StepDate,
  by: ActorId,
  corrections: Schema.partialWith(RecordElements, { exact: true }),
  reason: FreeText,
});

/** IF.3 遇有行政执法机关内部人员非法过问案件办理的情况，应向区局法治科报告. */
export const ReportedToLegalSection = Schema.TaggedStruct("ReportedToLegalSection", {
  date: StepDate,
  by: ActorId,
});

/** IF.3 必要时可以直接向区司法行政部门行政执法协调监督机构报告. */
export const ReportedToJudicialSupervision = Schema.TaggedStruct("ReportedToJudicialSupervision", {
  date: StepDate,
  by: ActorId,
  /** Why it was necessary (必要时), e.g. the head is the person recorded. */
  reason: FreeText,
});

/** IF.4 区局法治科应加强检查、抽查: a record drawn in a sample. */
export const RecordSpotChecked = Schema.TaggedStruct("RecordSpotChecked", {
  date: StepDate,
  by: ActorId,
  /** The sample the record was drawn in, so the draw can be reproduced. */
  sampleRef: FreeText,
});

/** IF.4 检查: a record reported to the legal section, examined. */
export const RecordReviewed = Schema.TaggedStruct("RecordReviewed", {
  date: StepDate,
  by: ActorId,
});

/** IF.4 如发现干预、插手案件办理线索的，应当及时向机关负责人报告. */
export const LeadReportedToHead = Schema.TaggedStruct("LeadReportedToHead", {
  date: StepDate,
  by: ActorId,
  head: ActorId,
  lead: FreeText,
});

/** IF.4 并开展调查处理. */
export const InterferenceInvestigationOpened = Schema.TaggedStruct("InterferenceInvestigationOpened", {
  date: StepDate,
  by: ActorId,
  investigators: Schema.NonEmptyArray(ActorId),
});

export const InterferenceInvestigationNoted = Schema.TaggedStruct("InterferenceInvestigationNoted", {
  date: StepDate,
  by: ActorId,
  note: FreeText,
});

/** IF.10 第一项至第七项. */
export const InterferenceCategory = Schema.Literal(
  "IF.10.1",
  "IF.10.2",
  "IF.10.3",
  "IF.10.4",
  "IF.10.5",
  "IF.10.6",
  "IF.10.7",
);
export type InterferenceCategory = typeof InterferenceCategory.Type;

/** IF.10 局机关内部人员有下列行为之一的，属于违反规定干预办案. */
export const InterferenceFound = Schema.TaggedStruct("InterferenceFound", {
  date: StepDate,
  by: ActorId,
  categories: Schema.NonEmptyArray(InterferenceCategory),
  reasons: FreeText,
});

/**
 * Not interference: IF.13.1 written guidance within a supervisory duty; IF.13.2 an oral inquiry through
 * normal procedure, recorded; IF.7 oral guidance by a leader, recorded; IF.2 and IF.8 not internal staff.
 */
export const LegitimacyGround = Schema.Literal("IF.2", "IF.7", "IF.8", "IF.13.1", "IF.13.2");
export type LegitimacyGround = typeof LegitimacyGround.Type;

/** IF.13 不应认定为干预、插手案件办理. */
export const ContactFoundLegitimate = Schema.TaggedStruct("ContactFoundLegitimate", {
  date: StepDate,
  by: ActorId,
  grounds: Schema.NonEmptyArray(LegitimacyGround),
  reasons: FreeText,
});

/** IF.10 应按人事管理权限并报经批准后予以通报: the approval. */
export const NotificationApproved = Schema.TaggedStruct("NotificationApproved", {
  date: StepDate,
  /** The holder of personnel authority over the person recorded. */
  approver: ActorId,
  /** The personnel authority the approval rests on (人事管理权限). */
  authority: FreeText,
});

/** IF.10 予以通报. */
export const InterferenceNotified = Schema.TaggedStruct("InterferenceNotified", {
  date: StepDate,
  by: ActorId,
  /** The notice (通报) as issued, or its document reference. */
  notice: FreeText,
});

/** IF.11 构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分. */
export const ReferredForDiscipline = Schema.TaggedStruct("ReferredForDiscipline", {
  date: StepDate,
  by: ActorId,
  basis: FreeText,
});

/** IF.11 构成犯罪的，依法移交有关部门追究刑事责任. */
export const ReferredForCriminalLiability = Schema.TaggedStruct("ReferredForCriminalLiability", {
  date: StepDate,
  by: ActorId,
  /** 有关部门. */
  authority: FreeText,
  basis: FreeText,
});

/** IF.12a 对如实记录过问案件情况的办案人员进行打击报复的: referral for discipline or, for a crime, prosecution. */
export const RetaliationReferred = Schema.TaggedStruct("RetaliationReferred", {
  date: StepDate,
  by: ActorId,
  /** Who retaliated. */
  against: FreeText,
  referral: Schema.Literal("discipline", "criminal"),
  facts: FreeText,
});

/** IF.4 必要时可移交同级司法行政部门行政执法协调监督机构调查处理. */
export const HandedOverToJudicialSupervision = Schema.TaggedStruct("HandedOverToJudicialSupervision", {
  date: StepDate,
  by: ActorId,
  reason: FreeText,
});

/** The bureau's handling of the record is complete. */
export const InterferenceRecordClosed = Schema.TaggedStruct("InterferenceRecordClosed", {
  date: StepDate,
  by: ActorId,
});

export const InterferenceEvent = Schema.Union(
  InterferenceRecorded,
  RecordCorrected,
  ReportedToLegalSection,
  ReportedToJudicialSupervision,
  RecordSpotChecked,
  RecordReviewed,
  LeadReportedToHead,
  InterferenceInvestigationOpened,
  InterferenceInvestigationNoted,
  InterferenceFound,
  ContactFoundLegitimate,
  NotificationApproved,
  InterferenceNotified,
  ReferredForDiscipline,
  ReferredForCriminalLiability,
  RetaliationReferred,
  HandedOverToJudicialSupervision,
  InterferenceRecordClosed,
);
export type InterferenceEvent = typeof InterferenceEvent.Type;
export type InterferenceEventTag = InterferenceEvent["_tag"];
