/**
 * Rows of the authorization matrix for interference records (IF.3–IF.12a), the staff directory and
 * personnel actions (IF.9). Each step's cell gets a record of its own about a colleague (routed to the legal
 * section), taken to the stage where the step is legal; the cell's person is the recorder where the step is
 * the recorder's, the head the lead goes to where it is the head's, and on the investigation where it is an
 * investigator's. The subject's cell gets a record about the subject instead: need-to-know refuses them
 * before any stage matters.
 */
import type { Role } from "@liuhen/domain";
import { call, type SignedIn } from "../support/http.js";
import {
  contact,
  IF_CAST,
  ifStep,
  type RecordPosition,
  recordContact,
} from "../support/interference-driver.js";
import { type Cell, type MatrixEnv, type Row, type Rows, STAFF_ROLES, SUBJECT_PERSON } from "./matrix.js";

/** The person the records of the non-subject cells are about: a colleague with no account. */
export const COLLEAGUE = { personId: "person-matrix-colleague", name: "孙同事", department: "执法二科" };

const STAGES = [
  "recorded",
  "reported-to-legal-section",
  "checked",
  "lead-reported",
  "investigating",
  "interference-found",
  "approved",
  "notified",
] as const;
type RecordStage = (typeof STAGES)[number];

const holds = (cell: Cell, role: Role) => cell.identity.account?.roles.includes(role) === true;
const isSubject = (cell: Cell) => cell.personId === SUBJECT_PERSON;

/** A record for the cell: about the subject for the subject's cell, else about the colleague, at `stage`. */
const recordFor = async (
  cell: Cell,
  { url, icast }: MatrixEnv,
  stage: RecordStage,
  recorder: "cell" | "cast" = "cast",
): Promise<RecordPosition> => {
  const about = isSubject(cell) ? SUBJECT_PERSON : COLLEAGUE.personId;
  const byCell =
    recorder === "cell" &&
    !isSubject(cell) &&
    cell.session !== null &&
    STAFF_ROLES.some((r) => holds(cell, r));
  const author: SignedIn = byCell && cell.session !== null ? cell.session : icast.handler;
  let at: RecordPosition = await recordContact(
    url,
    author,
    contact({ staff: about, employment: "established" }),
  );
  if (isSubject(cell)) return at;
  const head = holds(cell, "head") && cell.personId !== null ? cell.personId : IF_CAST.head.personId;
  const investigators = [
    IF_CAST.investigator.personId,
    ...(holds(cell, "investigator") && cell.personId !== null ? [cell.personId] : []),
  ];
  // The head who opens the investigation and approves is the one the lead went to.
  const headSession = head === IF_CAST.head.personId || cell.session === null ? icast.head : cell.session;
  const steps: ReadonlyArray<readonly [RecordStage, () => Promise<RecordPosition>]> = [
    ["reported-to-legal-section", () => ifStep(url, author, "reportToLegalSection", at)],
    ["checked", () => ifStep(url, icast.legal, "review", at)],
    ["lead-reported", () => ifStep(url, icast.legal, "leadToHead", at, { head, lead: "要求从轻处罚" })],
    ["investigating", () => ifStep(url, headSession, "openInvestigation", at, { investigators })],
    [
      "interference-found",
      () =>
        ifStep(url, icast.legal, "findInterference", at, { categories: ["IF.10.1"], reasons: "超越职权" }),
    ],
    [
      "approved",
      () => ifStep(url, headSession, "approveNotification", at, { authority: "局党组人事管理权限" }),
    ],
    ["notified", () => ifStep(url, icast.legal, "notify", at, { notice: "关于违规干预案件办理的通报" })],
  ];
  for (const [reached, take] of steps) {
    if (STAGES.indexOf(stage) < STAGES.indexOf(reached)) break;
    at = await take();
  }
  return at;
};

const stepRow = (
  access: Row["access"],
  stage: RecordStage,
  fields: Record<string, unknown> = {},
  recorder: "cell" | "cast" = "cast",
): Row => ({
  kind: "mutation",
  access,
  refusesSubject: true,
  input: async (cell, env) => {
    const at = await recordFor(cell, env, stage, recorder);
    return { recordId: at.recordId, expectedVersion: at.version, ...fields };
  },
});

const SECTION: Row["access"] = ["legal-officer"];
const PERSONNEL_ACTION = {
  personId: COLLEAGUE.personId,
  kind: "transfer",
  date: "2026-11-20",
  statutoryCause: "机构改革岗位调整",
  statutoryProcedure: "经局党组会议研究决定",
};

export const INTERFERENCE_ROWS: Rows = {
  "interference.record": {
    kind: "mutation",
    access: STAFF_ROLES,
    input: async () => contact({ staff: COLLEAGUE.personId, employment: "established" }),
  },
  "interference.list": { kind: "query", access: STAFF_ROLES, input: async () => undefined },
  // IF.9: the caller's own protection, whatever their role in the bureau.
  "interference.myProtection": { kind: "query", access: STAFF_ROLES, input: async () => undefined },
  // Under investigation: the legal section, the head the lead went to, the investigators.
  "interference.get": {
    kind: "query",
    access: ["legal-officer", "head", "investigator"],
    refusesSubject: true,
    input: async (cell, env) => ({ recordId: (await recordFor(cell, env, "investigating")).recordId }),
  },
  "interference.correct": stepRow(
    STAFF_ROLES,
    "recorded",
    { corrections: { place: "执法一科会议室" }, reason: "地点记录有误" },
    "cell",
  ),
  "interference.reportToLegalSection": stepRow(STAFF_ROLES, "recorded", {}, "cell"),
  "interference.reportToJudicialSupervision": stepRow(
    STAFF_ROLES,
    "recorded",
    { reason: "有必要直接报告" },
    "cell",
  ),
  "interference.review": stepRow(SECTION, "reported-to-legal-section"),
  "interference.leadToHead": stepRow(SECTION, "checked", { head: IF_CAST.head.personId, lead: "线索" }),
  "interference.openInvestigation": stepRow(["head"], "lead-reported", {
    investigators: [IF_CAST.investigator.personId],
  }),
  "interference.noteInvestigation": stepRow(["investigator"], "investigating", { note: "调取通话记录" }),
  "interference.findInterference": stepRow(SECTION, "investigating", {
    categories: ["IF.10.1"],
    reasons: "超越职权",
  }),
  "interference.findLegitimate": stepRow(SECTION, "checked", {
    grounds: ["IF.13.2"],
    reasons: "正常程序询问",
  }),
  "interference.approveNotification": stepRow(["head"], "interference-found", { authority: "人事管理权限" }),
  "interference.notify": stepRow(SECTION, "approved", { notice: "通报" }),
  "interference.referForDiscipline": stepRow(SECTION, "notified", { basis: "违纪" }),
  "interference.referForCriminalLiability": stepRow(SECTION, "notified", {
    authority: "区监察委员会",
    basis: "涉嫌犯罪",
  }),
  "interference.referRetaliation": stepRow(SECTION, "notified", {
    against: { other: "某外单位人员" },
    referral: "discipline",
    facts: "打击报复记录人",
  }),
  "interference.handOver": stepRow(SECTION, "lead-reported", { reason: "必要时移交" }),
  "interference.close": stepRow(SECTION, "notified"),
  // Personnel decisions are the head's (人事管理权限); the subject holds that role and may enter one about
  // someone else.
  "interference.registerPersonnelAction": {
    kind: "mutation",
    access: ["head"],
    input: async () => PERSONNEL_ACTION,
  },
  "interference.personnelActions": { kind: "query", access: ["head"], input: async () => ({}) },

  "directory.list": { kind: "query", access: "signed-in", input: async () => ({}) },
  "directory.register": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ personId: `person-${unique}`, name: "新同事", department: "执法三科" }),
  },
  "directory.update": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ personId: await newcomer(env, unique), department: "执法四科" }),
  },
  "directory.depart": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => ({ personId: await newcomer(env, unique), date: "2026-11-01" }),
  },
  "directory.returnPerson": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }, env) => {
      const personId = await newcomer(env, unique);
      await call(env.url, "mutation", "directory.depart", { personId, date: "2026-11-01" }, env.root);
      return { personId };
    },
  },
};

/** A person put in the directory by the root administrator, for a cell to change. */
const newcomer = async ({ url, root }: MatrixEnv, unique: string) => {
  const personId = `person-dir-${unique}`;
  await call(
    url,
    "mutation",
    "directory.register",
    { personId, name: "待调整", department: "执法三科" },
    root,
  );
  return personId;
};
