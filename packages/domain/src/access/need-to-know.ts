/**
 * Who may read a case file (a wrong-case proceeding or an interference record), and whether they may learn
 * who made it. Roles open doors; need-to-know closes them again:
 *
 * - the person a file is about never reads it nor learns who made it, whatever roles they hold
 *   (IF.9 办案人员如实记录……受法律和组织保护; the same holds for a report about an officer, WC.10.1);
 * - a record about the bureau head or a legal officer goes only to the district judicial-supervision
 *   channel (IF.3 必要时可以直接向区司法行政部门行政执法协调监督机构报告), so the bureau's own roles do not read it;
 * - an investigation team member reads only the proceedings of their team (WC.10.2);
 * - an administrator manages accounts and reads no case content.
 */
import type { Role } from "./role.js";

export interface Viewer {
  readonly personId: string;
  readonly roles: ReadonlySet<Role>;
}

export type FileKind = "wrong-case" | "interference";
export type Route = "legal-section" | "judicial-supervision";

/** What a decision about access looks at; nothing of the file's content. */
export interface CaseFileFacts {
  readonly kind: FileKind;
  /** The people the file is about: the officers reported, the person recorded. */
  readonly subjects: ReadonlyArray<string>;
  /** The staff member who filed the report or made the record; null for a public report. */
  readonly author: string | null;
  readonly route: Route;
  /** Members of the investigation teams assigned so far (WC.10.2). */
  readonly team: ReadonlyArray<string>;
  /** Reported to the head (WC.10.2 报局主要负责人; IF.4 向机关负责人报告). */
  readonly reportedToHead: boolean;
  /** Reached the party committee (a proposal was made, WC.10.3). */
  readonly beforeCommittee: boolean;
  /** Referred to the discipline inspection group (WC.10.3, IF.11). */
  readonly referred: boolean;
}

export type AccessReason =
  | "subject"
  | "author"
  | "legal-section"
  | "head"
  | "team"
  | "committee"
  | "discipline"
  | "judicial-supervision"
  | "none";

export interface Access {
  readonly read: boolean;
  /** May learn who filed the report or made the record. */
  readonly seeAuthor: boolean;
  readonly reason: AccessReason;
}

const DENIED: Access = { read: false, seeAuthor: false, reason: "none" };

// Each role's door, in the order they are tried: the first that opens decides the reason.
const DOORS: ReadonlyArray<readonly [Role, AccessReason, (f: CaseFileFacts, v: Viewer) => boolean]> = [
  ["legal-officer", "legal-section", (f) => f.route === "legal-section"],
  ["head", "head", (f) => f.route === "legal-section" && f.reportedToHead],
  ["investigator", "team", (f, v) => f.team.includes(v.personId)],
  ["committee", "committee", (f) => f.kind === "wrong-case" && f.beforeCommittee],
  ["discipline-liaison", "discipline", (f) => f.referred],
  ["judicial-supervision", "judicial-supervision", (f) => f.route === "judicial-supervision"],
];

export const readAccess = (viewer: Viewer, file: CaseFileFacts): Access => {
  // Need-to-know first: no role reopens a file to the person it is about.
  if (file.subjects.includes(viewer.personId)) return { read: false, seeAuthor: false, reason: "subject" };
  if (file.author !== null && file.author === viewer.personId)
    return { read: true, seeAuthor: true, reason: "author" };
  for (const [role, reason, opens] of DOORS) {
    if (viewer.roles.has(role) && opens(file, viewer)) return { read: true, seeAuthor: true, reason };
  }
  return DENIED;
};

/**
 * Where a new interference record must go (IF.3): to the legal section, unless it is about the bureau head
 * or a member of the legal section, who would then judge their own case.
 */
export const routeFor = (subjectRoles: ReadonlyArray<ReadonlySet<Role>>): Route =>
  subjectRoles.some((roles) => roles.has("head") || roles.has("legal-officer"))
    ? "judicial-supervision"
    : "legal-section";
