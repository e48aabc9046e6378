/** One valid event of every wrong-case kind, dated as asked: the builders the tests and properties share. */
import {
  CommitteeDecided,
  FindingsSubmitted,
  HandlingProposed,
  InvestigationLogged,
  InvestigationTeamAssigned,
  OfficerAppealFiled,
  OfficerNotified,
  OfficerStatementFiled,
  ReferredToDisciplineGroup,
  ReinvestigationOrdered,
  ReportAccepted,
  ReportedToHead,
  ReporterAnswered,
  ReportReceived,
  ReportTransferred,
  WrongCaseClosed,
  type WrongCaseEvent,
  type WrongCaseEventTag,
} from "../../src/proceedings/index.js";

type Builders = {
  readonly [K in WrongCaseEventTag]: (date: string, flag?: boolean) => Extract<WrongCaseEvent, { _tag: K }>;
};

/** `flag`: a public reporter instead of staff; a decision that flags a suspected violation. */
export const wc: Builders = {
  ReportReceived: (date, flag = false) =>
    ReportReceived.make({
      date,
      reporter: flag
        ? { _tag: "Public", name: null, contact: "138-0000-0000" }
        : { _tag: "Staff", id: "staff-7" },
      officers: ["officer-1"],
      allegation: "罚款未按法定程序决定",
    }),
  ReportAccepted: (date) => ReportAccepted.make({ date, by: "legal-1" }),
  ReportTransferred: (date) =>
    ReportTransferred.make({
      date,
      by: "legal-1",
      competentBody: "区税务局",
      reason: "被举报人员不属本局",
    }),
  ReporterAnswered: (date) => ReporterAnswered.make({ date, by: "legal-1", answer: "已受理，正在调查" }),
  ReportedToHead: (date) => ReportedToHead.make({ date, by: "legal-1", head: "head-1" }),
  InvestigationTeamAssigned: (date) =>
    InvestigationTeamAssigned.make({ date, by: "head-1", members: ["jiwei-1", "jiwei-2"] }),
  InvestigationLogged: (date, flag = false) =>
    InvestigationLogged.make({
      date,
      by: "jiwei-1",
      method: flag ? "counterparty-interview" : "file-review",
      summary: "调阅案卷",
    }),
  FindingsSubmitted: (date, flag = true) =>
    FindingsSubmitted.make({
      date,
      by: "jiwei-1",
      confirmed: flag,
      triggers: ["WC.5.3"],
      nature: "程序违法",
      responsible: flag ? ["officer-1"] : [],
    }),
  HandlingProposed: (date) =>
    HandlingProposed.make({
      date,
      by: "legal-1",
      assessmentRef: "assessment-42",
      assessment: { sanctions: ["WC.11.1"], policy: "default@1" },
      summary: "建议责令作出书面检查",
    }),
  CommitteeDecided: (date, flag = false) =>
    CommitteeDecided.make({
      date,
      by: "secretary-1",
      attendance: ["secretary-1", "member-2", "member-3"],
      outcome: "责令作出书面检查",
      officers: ["officer-1"],
      suspectedViolation: flag,
    }),
  ReinvestigationOrdered: (date) =>
    ReinvestigationOrdered.make({
      date,
      by: "secretary-1",
      attendance: ["secretary-1", "member-2"],
      reasons: "事实不清：相对人陈述未核实",
    }),
  ReferredToDisciplineGroup: (date) =>
    ReferredToDisciplineGroup.make({ date, by: "legal-1", summary: "涉嫌违纪，移送纪检组" }),
  OfficerNotified: (date) => OfficerNotified.make({ date, by: "legal-1", officer: "officer-1" }),
  OfficerStatementFiled: (date) =>
    OfficerStatementFiled.make({ date, officer: "officer-1", statement: "对事实认定有异议" }),
  OfficerAppealFiled: (date, flag = false) =>
    OfficerAppealFiled.make({
      date,
      officer: "officer-1",
      body: flag ? "discipline-supervision" : "enforcement-supervision",
      grounds: "处理过重",
    }),
  WrongCaseClosed: (date) => WrongCaseClosed.make({ date, by: "legal-1" }),
};

export const WRONG_CASE_TAGS = Object.keys(wc) as ReadonlyArray<WrongCaseEventTag>;

/** A whole proceeding without re-investigation: report, investigation, decision, notice, defence, closure. */
export const happyWrongCase: ReadonlyArray<WrongCaseEvent> = [
  wc.ReportReceived("2024-03-01"),
  wc.ReportAccepted("2024-03-01"),
  wc.ReporterAnswered("2024-03-02"),
  wc.ReportedToHead("2024-03-04"),
  wc.InvestigationTeamAssigned("2024-03-05"),
  wc.InvestigationLogged("2024-03-06"),
  wc.InvestigationLogged("2024-03-08", true),
  wc.FindingsSubmitted("2024-03-15"),
  wc.HandlingProposed("2024-03-18"),
  wc.CommitteeDecided("2024-03-25"),
  wc.OfficerNotified("2024-03-26"),
  wc.OfficerStatementFiled("2024-03-28"),
  wc.OfficerAppealFiled("2024-04-02"),
  wc.WrongCaseClosed("2024-04-10"),
];
