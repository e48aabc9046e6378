/**
 * Proceedings to record in the store's tests: builders for one valid step of each kind the scripts use, and
 * whole scripts (a transfer, an investigation with re-investigation, a decision with referral; interference
 * records found, found legitimate, and with a retaliation referral). Dates fall in 2025, inside the holiday
 * calendar's years.
 */
import {
  CommitteeDecided,
  ContactFoundLegitimate,
  FindingsSubmitted,
  HandlingProposed,
  type InterferenceEvent,
  InterferenceFound,
  InterferenceInvestigationNoted,
  InterferenceInvestigationOpened,
  InterferenceNotified,
  InterferenceRecordClosed,
  InterferenceRecorded,
  InvestigationLogged,
  InvestigationTeamAssigned,
  LeadReportedToHead,
  NotificationApproved,
  OfficerNotified,
  OfficerStatementFiled,
  RecordCorrected,
  RecordReviewed,
  RecordSpotChecked,
  ReferredForDiscipline,
  ReferredToDisciplineGroup,
  ReinvestigationOrdered,
  ReportAccepted,
  ReportedToHead,
  ReportedToLegalSection,
  ReporterAnswered,
  ReportReceived,
  ReportTransferred,
  RetaliationReferred,
  WrongCaseClosed,
  type WrongCaseEvent,
} from "@liuhen/domain";
import { Effect } from "effect";
import { Proceedings } from "../../src/index.js";

export const wc = {
  received: (date: string) =>
    ReportReceived.make({
      date,
      reporter: { _tag: "Public", name: null, contact: "138-0000-0000" },
      officers: ["officer-1"],
      allegation: "罚款未按法定程序决定",
    }),
  accepted: (date: string) => ReportAccepted.make({ date, by: "legal-1" }),
  transferred: (date: string) =>
    ReportTransferred.make({ date, by: "legal-1", competentBody: "区税务局", reason: "被举报人员不属本局" }),
  answered: (date: string) => ReporterAnswered.make({ date, by: "legal-1", answer: "已受理，正在办理" }),
  toHead: (date: string) => ReportedToHead.make({ date, by: "legal-1", head: "head-1" }),
  team: (date: string) =>
    InvestigationTeamAssigned.make({ date, by: "head-1", members: ["jiwei-1", "jiwei-2"] }),
  logged: (date: string) =>
    InvestigationLogged.make({ date, by: "jiwei-1", method: "file-review", summary: "调阅案卷" }),
  findings: (date: string) =>
    FindingsSubmitted.make({
      date,
      by: "jiwei-1",
      confirmed: true,
      triggers: ["WC.5.3"],
      nature: "程序违法",
      responsible: ["officer-1"],
    }),
  proposed: (date: string) =>
    HandlingProposed.make({
      date,
      by: "legal-1",
      assessmentRef: "assessment-42",
      assessment: { sanctions: ["WC.11.1"], policy: "default@1" },
      summary: "建议责令作出书面检查",
    }),
  decided: (date: string, suspectedViolation = false) =>
    CommitteeDecided.make({
      date,
      by: "secretary-1",
      attendance: ["secretary-1", "member-2", "member-3"],
      outcome: "责令作出书面检查",
      officers: ["officer-1"],
      suspectedViolation,
    }),
  reinvestigate: (date: string) =>
    ReinvestigationOrdered.make({
      date,
      by: "secretary-1",
      attendance: ["secretary-1", "member-2"],
      reasons: "事实不清：相对人陈述未核实",
    }),
  referred: (date: string) =>
    ReferredToDisciplineGroup.make({ date, by: "legal-1", summary: "涉嫌违纪，移送纪检组" }),
  notified: (date: string) => OfficerNotified.make({ date, by: "legal-1", officer: "officer-1" }),
  statement: (date: string) =>
    OfficerStatementFiled.make({ date, officer: "officer-1", statement: "对事实认定有异议" }),
  closed: (date: string) => WrongCaseClosed.make({ date, by: "legal-1" }),
};

export const inf = {
  recorded: (date: string) =>
    InterferenceRecorded.make({
      date,
      handler: "handler-3",
      caseRef: "黔江市监罚〔2025〕12号",
      elements: {
        time: `${date}T10:30`,
        place: "执法支队办公室",
        person: "staff-9",
        method: "in-person",
        content: "要求对当事人降格处罚",
      },
      response: "已拒绝，告知其依照程序办理",
      categorisation: { finding: "interference", categories: ["IF.10.1"] },
    }),
  corrected: (date: string) =>
    RecordCorrected.make({
      date,
      by: "handler-3",
      corrections: { place: "局机关三楼会议室" },
      reason: "地点记录有误",
    }),
  toLegal: (date: string) => ReportedToLegalSection.make({ date, by: "handler-3" }),
  spotChecked: (date: string) =>
    RecordSpotChecked.make({ date, by: "legal-1", sampleRef: "sample-2025Q2-seed-17" }),
  reviewed: (date: string) => RecordReviewed.make({ date, by: "legal-1" }),
  lead: (date: string) =>
    LeadReportedToHead.make({ date, by: "legal-1", head: "head-1", lead: "疑似违规过问" }),
  opened: (date: string) =>
    InterferenceInvestigationOpened.make({ date, by: "head-1", investigators: ["jiwei-1"] }),
  noted: (date: string) => InterferenceInvestigationNoted.make({ date, by: "jiwei-1", note: "询问当事人" }),
  found: (date: string) =>
    InterferenceFound.make({ date, by: "jiwei-1", categories: ["IF.10.1"], reasons: "要求降格处罚" }),
  legitimate: (date: string) =>
    ContactFoundLegitimate.make({ date, by: "legal-1", grounds: ["IF.13.2"], reasons: "依程序询问案件进展" }),
  approved: (date: string) =>
    NotificationApproved.make({ date, approver: "head-1", authority: "干部管理权限" }),
  notified: (date: string) =>
    InterferenceNotified.make({ date, by: "legal-1", notice: "黔江市监通〔2025〕3号" }),
  discipline: (date: string) => ReferredForDiscipline.make({ date, by: "legal-1", basis: "构成违纪" }),
  retaliation: (date: string) =>
    RetaliationReferred.make({
      date,
      by: "legal-1",
      against: "staff-9",
      referral: "discipline",
      facts: "调离办案人员岗位",
    }),
  closed: (date: string) => InterferenceRecordClosed.make({ date, by: "legal-1" }),
};

export interface WrongCaseScript {
  readonly kind: "wrong-case";
  readonly id: string;
  readonly steps: ReadonlyArray<WrongCaseEvent>;
}
export interface InterferenceScript {
  readonly kind: "interference";
  readonly id: string;
  readonly steps: ReadonlyArray<InterferenceEvent>;
}
export type Script = WrongCaseScript | InterferenceScript;

/** Matters outside the bureau's remit, transferred (WC.10.1): the period opens and is ended in time. */
export const transferred = (id: string): WrongCaseScript => ({
  kind: "wrong-case",
  id,
  steps: [
    wc.received("2025-09-29"),
    wc.accepted("2025-09-30"),
    wc.answered("2025-10-09"),
    wc.transferred("2025-10-10"),
    wc.closed("2025-10-11"),
  ],
});

/** Accepted and not yet decided: the WC.10.1 period still runs. */
export const awaitingTransfer = (id: string): WrongCaseScript => ({
  kind: "wrong-case",
  id,
  steps: [wc.received("2025-09-29"), wc.accepted("2025-09-30")],
});

/** Investigated, proposed, sent back by the party committee (WC.10.3 period running), investigated again. */
export const reinvestigating = (id: string): WrongCaseScript => ({
  kind: "wrong-case",
  id,
  steps: [
    wc.received("2025-04-01"),
    wc.accepted("2025-04-02"),
    wc.toHead("2025-04-03"),
    wc.team("2025-04-07"),
    wc.logged("2025-04-08"),
    wc.findings("2025-04-20"),
    wc.proposed("2025-04-22"),
    wc.reinvestigate("2025-04-25"),
    wc.logged("2025-05-06"),
  ],
});

/** Decided with a suspected violation, referred (WC.10.3), notified, defended, closed. */
export const decidedAndReferred = (id: string): WrongCaseScript => ({
  kind: "wrong-case",
  id,
  steps: [
    wc.received("2025-05-06"),
    wc.accepted("2025-05-06"),
    wc.toHead("2025-05-07"),
    wc.team("2025-05-08"),
    wc.logged("2025-05-09"),
    wc.findings("2025-05-20"),
    wc.proposed("2025-05-21"),
    wc.decided("2025-05-28", true),
    wc.referred("2025-05-29"),
    wc.notified("2025-05-30"),
    wc.statement("2025-06-03"),
    wc.closed("2025-06-10"),
  ],
});

/** Recorded, reported, investigated, found (IF.10), notified, referred (IF.11), closed. */
export const interferenceFound = (id: string): InterferenceScript => ({
  kind: "interference",
  id,
  steps: [
    inf.recorded("2025-06-03"),
    inf.toLegal("2025-06-04"),
    inf.reviewed("2025-06-05"),
    inf.lead("2025-06-06"),
    inf.opened("2025-06-09"),
    inf.noted("2025-06-10"),
    inf.found("2025-06-20"),
    inf.approved("2025-06-23"),
    inf.notified("2025-06-24"),
    inf.discipline("2025-06-25"),
    inf.closed("2025-06-30"),
  ],
});

/** Recorded, corrected, spot-checked, found legitimate (IF.13.2). */
export const contactLegitimate = (id: string): InterferenceScript => ({
  kind: "interference",
  id,
  steps: [
    inf.recorded("2025-07-01"),
    inf.corrected("2025-07-02"),
    inf.spotChecked("2025-07-10"),
    inf.legitimate("2025-07-11"),
  ],
});

/** Recorded, then the recorder is retaliated against (IF.12a). */
export const retaliation = (id: string): InterferenceScript => ({
  kind: "interference",
  id,
  steps: [inf.recorded("2025-08-01"), inf.retaliation("2025-08-15")],
});

export const ALL_SCRIPTS = [
  transferred,
  awaitingTransfer,
  reinvestigating,
  decidedAndReferred,
  interferenceFound,
  contactLegitimate,
  retaliation,
] as const;

/**
 * Records the scripts' steps round-robin (first steps of all, then second steps…), so the log interleaves
 * the proceedings as a working bureau's would.
 */
export const recordScripts = (agencyId: string, scripts: ReadonlyArray<Script>, actor = "user:legal-1") =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const longest = Math.max(0, ...scripts.map((s) => s.steps.length));
    for (let i = 0; i < longest; i++) {
      for (const script of scripts) {
        const base = { agencyId, proceedingId: script.id, expectedVersion: i, actor };
        if (script.kind === "wrong-case") {
          const event = script.steps[i];
          if (event !== undefined) yield* proceedings.recordWrongCase({ ...base, event });
        } else {
          const event = script.steps[i];
          if (event !== undefined) yield* proceedings.recordInterference({ ...base, event });
        }
      }
    }
  });
