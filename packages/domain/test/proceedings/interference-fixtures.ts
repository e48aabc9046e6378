/** One valid event of every interference-record kind, dated as asked: the builders the tests and properties share. */
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
  RecordReviewed,
  RecordSpotChecked,
  ReferredForCriminalLiability,
  ReferredForDiscipline,
  ReportedToJudicialSupervision,
  ReportedToLegalSection,
  RetaliationReferred,
} from "../../src/proceedings/index.js";

type Builders = {
  readonly [K in InterferenceEventTag]: (
    date: string,
    flag?: boolean,
  ) => Extract<InterferenceEvent, { _tag: K }>;
};

export const inf: Builders = {
  InterferenceRecorded: (date, flag = false) =>
    InterferenceRecorded.make({
      date,
      handler: "handler-3",
      caseRef: "黔江市监罚〔2024〕12号",
      elements: {
        time: `${date}T10:30`,
        place: "执法支队办公室",
        person: "staff-9",
        method: flag ? "phone" : "in-person",
        content: "要求对当事人降格处罚",
      },
      response: "已拒绝，告知其依照程序办理",
      categorisation: { finding: "interference", categories: ["IF.10.1"] },
    }),
  RecordCorrected: (date) =>
    RecordCorrected.make({
      date,
      by: "handler-3",
      corrections: { place: "局机关三楼会议室" },
      reason: "地点记录有误",
    }),
  ReportedToLegalSection: (date) => ReportedToLegalSection.make({ date, by: "handler-3" }),
  ReportedToJudicialSupervision: (date) =>
    ReportedToJudicialSupervision.make({ date, by: "handler-3", reason: "被记录人为局主要负责人" }),
  RecordSpotChecked: (date) =>
    RecordSpotChecked.make({ date, by: "legal-1", sampleRef: "sample-2024Q1-seed-17" }),
  RecordReviewed: (date) => RecordReviewed.make({ date, by: "legal-1" }),
  LeadReportedToHead: (date) =>
    LeadReportedToHead.make({ date, by: "legal-1", head: "head-1", lead: "记录显示超越职权要求降格处罚" }),
  InterferenceInvestigationOpened: (date) =>
    InterferenceInvestigationOpened.make({ date, by: "legal-1", investigators: ["legal-1", "legal-2"] }),
  InterferenceInvestigationNoted: (date) =>
    InterferenceInvestigationNoted.make({ date, by: "legal-2", note: "询问办案人员，核实通话记录" }),
  InterferenceFound: (date) =>
    InterferenceFound.make({
      date,
      by: "legal-1",
      categories: ["IF.10.1"],
      reasons: "超越职权下达降格处罚指示",
    }),
  ContactFoundLegitimate: (date) =>
    ContactFoundLegitimate.make({
      date,
      by: "legal-1",
      grounds: ["IF.13.1"],
      reasons: "书面督办意见，属监督职责",
    }),
  NotificationApproved: (date) =>
    NotificationApproved.make({ date, approver: "head-1", authority: "局党委管理干部" }),
  InterferenceNotified: (date) =>
    InterferenceNotified.make({ date, by: "legal-1", notice: "黔江市监通〔2024〕3号" }),
  ReferredForDiscipline: (date) => ReferredForDiscipline.make({ date, by: "legal-1", basis: "违反工作纪律" }),
  ReferredForCriminalLiability: (date) =>
    ReferredForCriminalLiability.make({ date, by: "legal-1", authority: "区公安分局", basis: "涉嫌受贿" }),
  RetaliationReferred: (date, flag = false) =>
    RetaliationReferred.make({
      date,
      by: "legal-1",
      against: "staff-9",
      referral: flag ? "criminal" : "discipline",
      facts: "无故调离记录人员岗位",
    }),
  HandedOverToJudicialSupervision: (date) =>
    HandedOverToJudicialSupervision.make({ date, by: "legal-1", reason: "涉及局领导，移交区司法局" }),
  InterferenceRecordClosed: (date) => InterferenceRecordClosed.make({ date, by: "legal-1" }),
};

export const INTERFERENCE_TAGS = Object.keys(inf) as ReadonlyArray<InterferenceEventTag>;

/** A whole record: reported, reviewed, investigated, found, approved, circulated, referred, closed. */
export const happyInterference: ReadonlyArray<InterferenceEvent> = [
  inf.InterferenceRecorded("2024-05-06"),
  inf.ReportedToLegalSection("2024-05-06"),
  inf.RecordReviewed("2024-05-08"),
  inf.LeadReportedToHead("2024-05-08"),
  inf.InterferenceInvestigationOpened("2024-05-09"),
  inf.InterferenceInvestigationNoted("2024-05-10"),
  inf.InterferenceFound("2024-05-20"),
  inf.NotificationApproved("2024-05-22"),
  inf.InterferenceNotified("2024-05-23"),
  inf.ReferredForDiscipline("2024-05-24"),
  inf.InterferenceRecordClosed("2024-05-30"),
];
