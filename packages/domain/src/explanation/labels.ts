/** The words for the domain's values, in Chinese and English, shared by the web UI, the terminal UI and prose. */
import type { LocalisedText } from "../i18n/localised-text.js";
import type { Finding } from "../interference/categorise.js";
import type { ActKind, Method } from "../interference/contact.js";
import type { Employment, PersonRole, Relation } from "../interference/internal-staff.js";
import type { NonRecordingSanction } from "../interference/non-recording.js";
import type { InterferenceEvent, LegitimacyGround } from "../proceedings/interference-events.js";
import type { InterferenceStage } from "../proceedings/interference-record.js";
import type { WrongCaseEvent } from "../proceedings/wrong-case-events.js";
import type { WrongCaseStage } from "../proceedings/wrong-case-proceeding.js";
import type { WrongCaseStatus } from "../wrong-case/classification.js";
import type { CaseKind } from "../wrong-case/facts.js";
import type { MitigationOption } from "../wrong-case/liability.js";

const t = (zh: string, en: string): LocalisedText => ({ zh, en });

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, LocalisedText>> = {
  "administrative-penalty": t("行政处罚", "administrative penalty"),
  "administrative-licence": t("行政许可", "administrative licence"),
  inspection: t("检查", "inspection"),
  "coercive-measure": t("行政强制", "coercive measure"),
  other: t("其他", "other"),
};

export const STATUS_LABELS: Readonly<Record<WrongCaseStatus, LocalisedText>> = {
  "out-of-scope": t("不属于本制度适用范围", "outside the regime's scope"),
  pending: t("待调查核实", "pending confirmation by investigation"),
  "not-wrong-case": t("不构成错案", "not a wrong case"),
  "wrong-case": t("认定为错案", "a wrong case"),
};

export const MITIGATION_OPTION_LABELS: Readonly<Record<MitigationOption, LocalisedText>> = {
  lighter: t("从轻追究", "lighter liability"),
  exempt: t("免于追究", "exemption from liability"),
};

/**
 * What each ground for finding a contact legitimate (IF.13 不应认定为干预) rests on, in a few words: the
 * whole articles among them (IF.2, IF.7, IF.8) have only a number for a heading.
 */
export const LEGITIMACY_GROUND_LABELS: Readonly<Record<LegitimacyGround, LocalisedText>> = {
  // IF.2 行政执法机关内部人员是指在行政执法机关工作的人员或曾经工作的人员
  "IF.2": t("过问者不是行政执法机关内部人员", "the person is not internal staff"),
  // IF.7 因履行领导、监督职责……应当依照程序以书面形式提出
  "IF.7": t(
    "领导干部、上级机关因履行领导、监督职责依程序书面提出指导性意见",
    "guidance in writing, by procedure, from a leader or superior body in its supervisory role",
  ),
  // IF.8 其他执法机关的工作人员因履行法定职责需要……应当依照法律程序或者工作程序进行
  "IF.8": t(
    "其他执法机关工作人员因履行法定职责依程序了解案件情况",
    "another enforcement body's inquiry, by procedure, in its statutory duties",
  ),
  // IF.13（一）……依法依规履行指导、检查、督办等职责，并书面提出指导性或纠正性意见的
  "IF.13.1": t(
    "指导、管理、监督部门依法书面提出指导性或纠正性意见",
    "written guidance or correction from a supervising department",
  ),
  // IF.13（二）因履行职责需要，向办案机构或办案人员口头了解……并按照正常工作程序进行，且……做好工作记录的
  "IF.13.2": t(
    "因履行职责需要按正常工作程序口头了解案件情况，并已记录",
    "an oral inquiry in the course of duty, by the usual procedure, and recorded",
  ),
};

export const ACT_LABELS: Readonly<Record<ActKind, LocalisedText>> = {
  guidance: t("提出指导性意见", "guidance"),
  inquiry: t("了解案件情况", "inquiry"),
  "instruct-open-case": t("指示立案", "instruction to open a case"),
  "instruct-withdraw-case": t("指示撤销案件", "instruction to withdraw a case"),
  "instruct-stop-investigation": t("指示终止调查", "instruction to stop an investigation"),
  "instruct-change-coercive-measure": t("指示变更行政强制措施", "instruction to change a coercive measure"),
  "instruct-lower-penalty": t("指示降格行政处罚", "instruction to lower a penalty"),
  "instruct-raise-penalty": t("指示升格行政处罚", "instruction to raise a penalty"),
  "characterisation-opinion": t("提出案件定性处理意见", "opinion on characterisation or handling"),
  "forward-case-materials": t("批转涉案材料", "forwarding case materials"),
  "demand-unlawful-evidence-preservation": t(
    "要求违法登记保存证据",
    "demand for unlawful preservation of evidence",
  ),
  "demand-unlawful-property-disposal": t("要求违法处置涉案财物", "demand for unlawful disposal of property"),
  "propose-private-meeting": t("提出私下会见当事人", "proposal of a private meeting with a party"),
  "plead-for-party": t("为当事人请托、说情", "pleading for a party"),
  "probe-case-details": t("打探案情", "probing case details"),
  "tip-off": t("通风报信", "tipping off"),
  "forward-materials-for-party": t("为当事人转递涉案材料", "forwarding materials for a party"),
  other: t("其他干预行为", "other interference"),
};

export const METHOD_LABELS: Readonly<Record<Method, LocalisedText>> = {
  oral: t("口头", "oral"),
  phone: t("电话", "phone"),
  written: t("书面", "written"),
  message: t("短信或网络消息", "message"),
  "in-person": t("当面", "in person"),
};

export const RELATION_LABELS: Readonly<Record<Relation, LocalisedText>> = {
  current: t("在职人员", "current staff"),
  former: t("曾在本机关工作的人员", "former staff"),
  none: t("非本机关人员", "never worked at the body"),
};

export const EMPLOYMENT_LABELS: Readonly<Record<Employment, LocalisedText>> = {
  established: t("正式在编在岗", "established staff"),
  contract: t("无正式编制的聘用人员", "contract staff"),
  retired: t("离退休人员", "retired"),
};

export const ROLE_LABELS: Readonly<Record<PersonRole, LocalisedText>> = {
  leader: t("局机关领导干部", "leader of the bureau"),
  "superior-body": t("上级机关工作人员", "staff of a superior body"),
  "supervisory-department": t("具有指导、管理、监督职能的部门", "supervising department"),
  colleague: t("同事", "colleague"),
  "other-agency": t("其他执法机关工作人员", "staff of another enforcement body"),
  "party-side": t("当事人一方", "on the party's side"),
  other: t("其他人员", "other"),
};

export const FINDING_LABELS: Readonly<Record<Finding, LocalisedText>> = {
  interference: t("属于违反规定干预办案", "interference"),
  legitimate: t("不认定为干预、插手案件办理", "legitimate, not interference"),
  "permitted-record-required": t("可以提出，但应记录在案", "permitted, but must be recorded"),
  "not-internal": t("不属于本机关内部人员", "not internal staff"),
};

export const NON_RECORDING_SANCTION_LABELS: Readonly<Record<NonRecordingSanction, LocalisedText>> = {
  warning: t("警告", "warning"),
  "circulated-criticism": t("通报批评", "circulated criticism"),
};

/** Where a wrong-case proceeding stands (WC.10), as staff read it in a list. */
export const WRONG_CASE_STAGE_LABELS: Readonly<Record<WrongCaseStage, LocalisedText>> = {
  new: t("未登记", "not yet recorded"),
  received: t("已收到举报或投诉，待受理", "received, awaiting acceptance"),
  accepted: t("已受理", "accepted"),
  transferred: t("已转送有权部门处理", "transferred to the competent body"),
  "reported-to-head": t("已报局主要负责人", "reported to the head of the bureau"),
  "team-assigned": t("已组织调查组", "investigation team assigned"),
  investigating: t("调查中", "under investigation"),
  "findings-submitted": t("调查结论已提交", "findings submitted"),
  "proposal-made": t("已提出处理建议", "handling proposed"),
  "reinvestigation-ordered": t("责令重新组织调查", "re-investigation ordered"),
  decided: t("党委已集体研究决定", "decided by the party committee"),
  "referral-due": t("待移送纪检组", "referral to the discipline group due"),
  referred: t("已移送纪检组", "referred to the discipline group"),
  notified: t("处理决定已告知执法人员", "decision made known to the officer"),
  closed: t("已办结", "closed"),
};

/** Where an interference record stands (IF.3 to IF.11), as staff read it in a list. */
export const INTERFERENCE_STAGE_LABELS: Readonly<Record<InterferenceStage, LocalisedText>> = {
  new: t("未登记", "not yet recorded"),
  recorded: t("已记录", "recorded"),
  "reported-to-legal-section": t("已报法治科，待检查", "reported to the legal section"),
  "reported-to-judicial-supervision": t("已报区司法行政部门", "reported to judicial supervision"),
  checked: t("已检查", "checked"),
  "lead-reported": t("线索已报机关负责人", "lead reported to the head"),
  investigating: t("调查处理中", "under investigation"),
  "interference-found": t("认定为干预办案，通报待批准", "interference found, notification awaits approval"),
  legitimate: t("不认定为干预", "not interference"),
  approved: t("通报已批准，待通报", "notification approved"),
  notified: t("已通报", "notified"),
  referred: t("已移交追责", "referred"),
  "handed-over": t("已移交司法行政部门", "handed over"),
  closed: t("已办结", "closed"),
};

/** What each step of either proceeding is called in a timeline, by its event's tag. */
export const PROCEEDING_EVENT_LABELS: Readonly<
  Record<WrongCaseEvent["_tag"] | InterferenceEvent["_tag"], LocalisedText>
> = {
  ReportReceived: t("收到举报或投诉", "report received"),
  ReportAccepted: t("受理", "accepted"),
  ReportTransferred: t("转送有权部门", "transferred"),
  ReporterAnswered: t("答复举报人", "reporter answered"),
  ReportedToHead: t("报局主要负责人", "reported to the head"),
  InvestigationTeamAssigned: t("指派调查组", "team assigned"),
  InvestigationLogged: t("调查记录", "investigation logged"),
  FindingsSubmitted: t("提交调查结论", "findings submitted"),
  HandlingProposed: t("提出处理建议", "handling proposed"),
  CommitteeDecided: t("党委集体研究决定", "committee decided"),
  ReinvestigationOrdered: t("责令重新组织调查", "re-investigation ordered"),
  ReferredToDisciplineGroup: t("报告纪检组", "referred to the discipline group"),
  OfficerNotified: t("告知执法人员", "officer notified"),
  OfficerStatementFiled: t("陈述和申辩", "statement filed"),
  OfficerAppealFiled: t("申诉", "appeal filed"),
  WrongCaseClosed: t("办结", "closed"),
  InterferenceRecorded: t("记录过问情况", "contact recorded"),
  RecordCorrected: t("补正记录", "record corrected"),
  ReportedToLegalSection: t("报告法治科", "reported to the legal section"),
  ReportedToJudicialSupervision: t("报告区司法行政部门", "reported to judicial supervision"),
  RecordSpotChecked: t("抽查", "spot-checked"),
  RecordReviewed: t("检查", "reviewed"),
  LeadReportedToHead: t("线索报机关负责人", "lead reported to the head"),
  InterferenceInvestigationOpened: t("开展调查", "investigation opened"),
  InterferenceInvestigationNoted: t("调查记录", "investigation noted"),
  InterferenceFound: t("认定干预办案", "interference found"),
  ContactFoundLegitimate: t("不认定为干预", "found legitimate"),
  NotificationApproved: t("批准通报", "notification approved"),
  InterferenceNotified: t("通报", "notified"),
  ReferredForDiscipline: t("移交纪律处分", "referred for discipline"),
  ReferredForCriminalLiability: t("移交追究刑事责任", "referred for criminal liability"),
  RetaliationReferred: t("移交打击报复线索", "retaliation referred"),
  HandedOverToJudicialSupervision: t("移交司法行政部门", "handed over"),
  InterferenceRecordClosed: t("办结", "closed"),
};
