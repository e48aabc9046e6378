/**
 * Proceedings as the domain's state machines build them from events, to the step each document needs: the
 * same states the store rebuilds from its log.
 */
import {
  type InterferenceEvent,
  type InterferenceState,
  replayInterference,
  replayWrongCase,
  type WrongCaseEvent,
  type WrongCaseState,
} from "@liuhen/domain";
import { Either } from "effect";

const clock = { due: (_: unknown, start: string) => Either.right(start) };

const replay = (events: ReadonlyArray<WrongCaseEvent>): WrongCaseState => {
  const state = replayWrongCase(events, clock);
  if (Either.isLeft(state)) throw new Error(`fixture refused: ${JSON.stringify(state.left)}`);
  return state.right;
};

export const NAMES: Record<string, string> = {
  "staff-0001": "张明",
  "staff-0002": "李华",
  "staff-0003": "王芳",
  "staff-0004": "赵强",
  "staff-0005": "陈静",
  "staff-0006": "刘洋",
  "staff-0007": "孙磊",
  "staff-0008": "周敏",
};
export const nameOf = (id: string) => NAMES[id] ?? id;

const received: WrongCaseEvent = {
  _tag: "ReportReceived",
  date: "2025-03-03",
  reporter: { _tag: "Public", name: "黄女士", contact: "138****0000" },
  officers: ["staff-0006"],
  allegation: "执法人员在对某超市作出罚款决定时未告知陈述申辩权利，且适用的法律依据错误",
};
const accepted: WrongCaseEvent = { _tag: "ReportAccepted", date: "2025-03-04", by: "staff-0001" };

export const transferredCase = replay([
  received,
  accepted,
  {
    _tag: "ReportTransferred",
    date: "2025-03-05",
    by: "staff-0001",
    competentBody: "重庆市黔江区司法局",
    reason: "所反映事项涉及区司法行政部门的行政执法监督职责，不属于本单位受理的案件。",
  },
  {
    _tag: "ReporterAnswered",
    date: "2025-03-06",
    by: "staff-0001",
    answer: "经审查，你反映的事项已于2025年3月5日转送重庆市黔江区司法局处理，请关注该局的处理结果。",
  },
]);

export const decidedCase = replay([
  received,
  accepted,
  { _tag: "ReportedToHead", date: "2025-03-05", by: "staff-0001", head: "staff-0002" },
  {
    _tag: "InvestigationTeamAssigned",
    date: "2025-03-06",
    by: "staff-0002",
    members: ["staff-0003", "staff-0004"],
  },
  {
    _tag: "InvestigationLogged",
    date: "2025-03-10",
    by: "staff-0003",
    method: "file-review",
    summary: "调阅了该案全部卷宗材料。",
    attachments: [],
  },
  {
    _tag: "FindingsSubmitted",
    date: "2025-03-20",
    by: "staff-0003",
    confirmed: true,
    triggers: ["WC.5.3"],
    nature: "该案经行政复议决定予以撤销，系适用法律依据错误导致的错案。",
    responsible: ["staff-0006"],
  },
  {
    _tag: "HandlingProposed",
    date: "2025-03-25",
    by: "staff-0001",
    assessmentRef: "sha256:0f3c",
    assessment: {},
    summary: "建议责令刘洋作出书面检查，并予以通报批评。",
  },
  {
    _tag: "CommitteeDecided",
    date: "2025-04-02",
    by: "staff-0005",
    attendance: ["staff-0005", "staff-0007", "staff-0008"],
    outcome: "责令刘洋作出书面检查，并在全局范围内予以通报批评。",
    officers: ["staff-0006"],
    suspectedViolation: true,
  },
  { _tag: "ReferredToDisciplineGroup", date: "2025-04-03", by: "staff-0005", summary: "有关材料随函附送。" },
  {
    _tag: "ReporterAnswered",
    date: "2025-04-05",
    by: "staff-0001",
    answer: "经调查，你反映的问题属实，我局已依照有关规定对责任人员作出处理。感谢你对市场监管工作的监督。",
  },
]);

const interference = (events: ReadonlyArray<InterferenceEvent>): InterferenceState => {
  const state = replayInterference(events);
  if (Either.isLeft(state)) throw new Error(`fixture refused: ${JSON.stringify(state.left)}`);
  return state.right;
};

export const notifiedRecord = interference([
  {
    _tag: "InterferenceRecorded",
    date: "2025-05-06",
    handler: "staff-0004",
    caseRef: "黔江市监处罚〔2025〕12号",
    elements: {
      time: "2025-05-06T10:30",
      place: "局机关三楼办公室",
      person: "staff-0007",
      method: "phone",
      content: "要求对某餐饮店的罚款予以减轻，并询问案件调查进展。",
    },
    response: "已拒绝，并告知其依照程序办理。",
    categorisation: null,
    attachments: [],
  },
  { _tag: "ReportedToLegalSection", date: "2025-05-06", by: "staff-0004" },
  { _tag: "RecordReviewed", date: "2025-05-07", by: "staff-0001" },
  {
    _tag: "LeadReportedToHead",
    date: "2025-05-07",
    by: "staff-0001",
    head: "staff-0002",
    lead: "有干预办案线索。",
  },
  {
    _tag: "InterferenceInvestigationOpened",
    date: "2025-05-08",
    by: "staff-0002",
    investigators: ["staff-0003"],
  },
  {
    _tag: "InterferenceFound",
    date: "2025-05-20",
    by: "staff-0001",
    categories: ["IF.10.1", "IF.10.5"],
    reasons: "当事人的请托经查属实。",
  },
  {
    _tag: "NotificationApproved",
    date: "2025-05-22",
    approver: "staff-0002",
    authority: "局主要负责人按人事管理权限",
  },
  { _tag: "InterferenceNotified", date: "2025-05-23", by: "staff-0001", notice: "黔江市监通〔2025〕1号" },
  { _tag: "ReferredForDiscipline", date: "2025-05-23", by: "staff-0001", basis: "其行为涉嫌违反工作纪律。" },
]);
