/**
 * The authorization matrix's vocabulary: who calls (identities), what a row of the matrix says about a
 * procedure, and what a cell's input may use (the running server, its administrator, the wrong-case cast).
 * Rows live by concern in `*-rows.ts` beside this file; `authorization-matrix.test.ts` runs them all.
 */
import { ROLES, type Role } from "@liuhen/domain";
import type { SignedIn } from "../support/http.js";
import type { InterferenceCast } from "../support/interference-driver.js";
import type { TestServer } from "../support/test-server.js";
import type { Cast } from "../support/wrong-case-driver.js";

/** Every role with a part in the cases; the administrator reads no case content. */
export const STAFF_ROLES: ReadonlyArray<Role> = ROLES.filter((role) => role !== "admin");

export interface Identity {
  readonly name: string;
  readonly account: {
    readonly username: string;
    readonly roles: ReadonlyArray<Role>;
    readonly personId: string;
  } | null;
  /** An administrator-set password not yet changed: a new account for each cell. */
  readonly mustChangePassword?: true;
}

/** The person the case files of the matrix are about. */
export const SUBJECT_PERSON = "person-subject";

export const IDENTITIES: ReadonlyArray<Identity> = [
  { name: "anonymous", account: null },
  ...ROLES.map((role) => ({
    name: role,
    account: { username: `matrix-${role}`, roles: [role], personId: `person-matrix-${role}` },
  })),
  // The subject of a case holds every case role, so a refusal of theirs is need-to-know's, not a role's.
  {
    name: "subject",
    account: { username: "matrix-subject", roles: STAFF_ROLES, personId: SUBJECT_PERSON },
  },
  {
    name: "must-change-password",
    account: { username: "matrix-must-change", roles: ["admin"], personId: "person-matrix-must-change" },
    mustChangePassword: true,
  },
];

/** What the role holders chose for themselves; the password the root administrator gave them was GIVEN. */
export const PASSWORD = "matrix-passphrase-1234";
export const GIVEN = "matrix-given-passphrase";

export type Access = "anyone" | "signed-in" | ReadonlyArray<Role>;
export type Expectation = "allowed" | "unauthenticated" | "forbidden" | "password-change-required";

export interface Cell {
  readonly identity: Identity;
  /** The cell's own session, and the username and person it signed in as; null for anonymous. */
  readonly session: SignedIn | null;
  readonly username: string | null;
  readonly personId: string | null;
  /** A name no other cell uses. */
  readonly unique: string;
}

/**
 * The cell's person on a file's investigation team, where they may be on one: the team is of investigators
 * (WC.10.2), and never the file's subject.
 */
export const teamOf = (cell: Cell): ReadonlyArray<string> =>
  cell.personId === null ||
  cell.personId === SUBJECT_PERSON ||
  !cell.identity.account?.roles.includes("investigator")
    ? []
    : [cell.personId];

/** What the rows' inputs may use: the server, its root administrator, the wrong-case and interference casts. */
export interface MatrixEnv {
  readonly test: TestServer;
  readonly url: string;
  readonly root: SignedIn;
  readonly cast: Cast;
  readonly icast: InterferenceCast;
  readonly freshAddress: () => string;
}

export interface Row {
  readonly kind: "query" | "mutation";
  readonly access: Access;
  /** Open to a caller who must still change the password someone else set. */
  readonly duringPasswordChange?: true;
  /** Need-to-know refuses the person the file is about, whatever roles they hold. */
  readonly refusesSubject?: true;
  /** A valid input for the cell's caller, made after any setup the cell needs. */
  readonly input: (cell: Cell, env: MatrixEnv) => Promise<unknown>;
}

export type Rows = Readonly<Record<string, Row>>;

export const expectation = (row: Row, identity: Identity): Expectation => {
  if (row.access === "anyone") return "allowed";
  if (identity.account === null) return "unauthenticated";
  if (identity.mustChangePassword && !row.duringPasswordChange) return "password-change-required";
  if (row.refusesSubject && identity.account.personId === SUBJECT_PERSON) return "forbidden";
  if (row.access === "signed-in") return "allowed";
  const access = row.access;
  return identity.account.roles.some((role) => access.includes(role)) ? "allowed" : "forbidden";
};
