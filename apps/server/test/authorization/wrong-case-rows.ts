/**
 * Rows of the authorization matrix for the wrong-case proceeding (WC.10, WC.12) and the caller's own
 * notifications. Each step's cell gets a proceeding of its own, put at the stage where the step is legal
 * and naming the matrix's subject as the officer reported, so a refusal is about the caller alone: their
 * role, or need-to-know (`refusesSubject`). Investigation acts need the caller on the team, so the cell's
 * person joins it (the subject cannot: they would be investigating themselves).
 */
import {
  ASSESSMENT,
  CAST,
  type DrivenStage,
  type DriveOptions,
  driveTo,
  type Position,
  target,
} from "../support/wrong-case-driver.js";
import {
  type Cell,
  type MatrixEnv,
  type Row,
  type Rows,
  STAFF_ROLES,
  SUBJECT_PERSON,
  teamOf,
} from "./matrix.js";

/** A proceeding about the subject at `stage`, with the cell's person on its team where they may be. */
const fileFor = (
  env: MatrixEnv,
  cell: Cell,
  stage: DrivenStage,
  options: DriveOptions = {},
): Promise<Position> =>
  driveTo(env.url, env.cast, stage, {
    officers: [SUBJECT_PERSON],
    team: teamOf(cell),
    ...options,
  });

/** A step on a proceeding at `stage`, refused to the subject by need-to-know. */
const stepRow = (
  access: Row["access"],
  stage: DrivenStage,
  fields: (cell: Cell) => Record<string, unknown> = () => ({}),
  options: DriveOptions = {},
): Row => ({
  kind: "mutation",
  access,
  refusesSubject: true,
  input: async (cell, env) => ({ ...target(await fileFor(env, cell, stage, options)), ...fields(cell) }),
});

/**
 * WC.12: the officer's own statement and appeal, on a decision made known to the cell's person. The
 * officer is the file's subject and still may: that is the remedy WC.12 gives them.
 */
const officerRow = (fields: Record<string, unknown>): Row => ({
  kind: "mutation",
  access: STAFF_ROLES,
  input: async (cell, env) => {
    const person = cell.personId ?? "person-nobody";
    return {
      ...target(await driveTo(env.url, env.cast, "notified", { officers: [person], notified: person })),
      ...fields,
    };
  },
});

const attendance = [CAST.committee.personId, CAST.member.personId];

export const WRONG_CASE_ROWS: Rows = {
  "wrongCase.report": {
    kind: "mutation",
    access: STAFF_ROLES,
    input: async () => ({ officers: ["person-officer-x"], allegation: "未依法告知陈述申辩权利" }),
  },
  "wrongCase.list": { kind: "query", access: STAFF_ROLES, input: async () => undefined },
  "wrongCase.myNotices": { kind: "query", access: STAFF_ROLES, input: async () => undefined },
  // Who reads a file at the committee's table: the legal section, the head it was reported to, the team and
  // the committee; not the discipline group before a referral, nor the district channel.
  "wrongCase.get": {
    kind: "query",
    access: ["legal-officer", "head", "investigator", "committee"],
    refusesSubject: true,
    input: async (cell, env) => ({ proceedingId: (await fileFor(env, cell, "proposal-made")).proceedingId }),
  },
  "wrongCase.accept": stepRow(["legal-officer"], "received"),
  "wrongCase.transfer": stepRow(["legal-officer"], "accepted", () => ({
    competentBody: "区人社局",
    reason: "不属于本局管辖",
  })),
  "wrongCase.answerReporter": stepRow(["legal-officer"], "accepted", () => ({ answer: "已受理" })),
  "wrongCase.reportToHead": stepRow(["legal-officer"], "accepted", () => ({ head: CAST.head.personId })),
  "wrongCase.assignTeam": stepRow(["head"], "reported-to-head", () => ({
    members: [CAST.investigator.personId],
  })),
  "wrongCase.logInvestigation": stepRow(["investigator"], "team-assigned", () => ({
    method: "officer-interview",
    summary: "询问执法人员",
  })),
  "wrongCase.submitFindings": stepRow(["investigator"], "investigating", () => ({
    confirmed: true,
    triggers: ["WC.5.1"],
    nature: "认定事实不清",
    responsible: [SUBJECT_PERSON],
  })),
  "wrongCase.propose": stepRow(["legal-officer"], "findings-submitted", () => ({
    assessment: ASSESSMENT,
    summary: "建议书面检查",
  })),
  "wrongCase.decide": stepRow(["committee"], "proposal-made", () => ({
    attendance,
    outcome: "书面检查",
    officers: [SUBJECT_PERSON],
    suspectedViolation: false,
  })),
  "wrongCase.orderReinvestigation": stepRow(["committee"], "proposal-made", () => ({
    attendance,
    reasons: "事实不清",
  })),
  "wrongCase.referToDisciplineGroup": stepRow(
    ["committee", "legal-officer"],
    "decided",
    () => ({ summary: "涉嫌违纪" }),
    { suspectedViolation: true },
  ),
  "wrongCase.notifyOfficer": stepRow(["legal-officer"], "decided", () => ({ officer: SUBJECT_PERSON })),
  "wrongCase.fileStatement": officerRow({ statement: "本人有异议" }),
  "wrongCase.fileAppeal": officerRow({ body: "discipline-supervision", grounds: "事实不清" }),
  "wrongCase.close": stepRow(["legal-officer"], "notified"),
};

/** Everyone signed in reads and marks their own notifications; a person-less caller has none. */
export const NOTIFICATION_ROWS: Rows = {
  "notifications.list": { kind: "query", access: "signed-in", input: async () => ({}) },
  "notifications.unreadCount": { kind: "query", access: "signed-in", input: async () => undefined },
  "notifications.markRead": {
    kind: "mutation",
    access: "signed-in",
    input: async (cell, env) => {
      if (cell.personId === null) return { notificationId: "matrix/none" };
      const notificationId = `matrix/${cell.unique}`;
      await env.test.issueNotification({ notificationId, recipient: cell.personId });
      return { notificationId };
    },
  },
};
