/**
 * Moves interference records along over HTTP, as the bureau's people would: the administrator puts a cast
 * into the staff directory and gives each an account (handler, legal officer, head, investigator, the
 * district judicial supervision), then each step is taken through the API by whoever the rules say.
 */
import type { Role } from "@liuhen/domain";
import { expect } from "vitest";
import { type Answer, call, type SignedIn } from "./http.js";
import { staffAccount } from "./wrong-case-driver.js";

export interface CastMember {
  readonly username: string;
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly roles: ReadonlyArray<Role>;
}

export const IF_CAST = {
  handler: {
    username: "if-handler",
    personId: "person-if-handler",
    name: "王办案",
    department: "执法一科",
    roles: ["handler"],
  },
  legal: {
    username: "if-legal",
    personId: "person-if-legal",
    name: "李法治",
    department: "法治科",
    roles: ["legal-officer"],
  },
  head: {
    username: "if-head",
    personId: "person-if-head",
    name: "张局长",
    department: "局领导",
    roles: ["head"],
  },
  investigator: {
    username: "if-investigator",
    personId: "person-if-investigator",
    name: "赵纪委",
    department: "机关纪委",
    roles: ["investigator"],
  },
  judicial: {
    username: "if-judicial",
    personId: "person-if-judicial",
    name: "钱监督",
    department: "区司法局执法监督科",
    roles: ["judicial-supervision"],
  },
} as const satisfies Record<string, CastMember>;

export type InterferenceCast = { readonly [K in keyof typeof IF_CAST]: SignedIn };

/** Puts a person into the staff directory, as the administrator `root`. */
export const registerPerson = async (url: string, root: SignedIn, person: CastMember): Promise<void> => {
  const answer = await call(
    url,
    "mutation",
    "directory.register",
    { personId: person.personId, name: person.name, department: person.department },
    root,
  );
  expect(answer.error, `directory.register ${person.personId}`).toBeNull();
};

/** A member of staff in the directory with an account of their own, signed in. */
export const staffMember = async (
  url: string,
  root: SignedIn,
  person: CastMember,
  address: string,
): Promise<SignedIn> => {
  await registerPerson(url, root, person);
  return staffAccount(
    url,
    root,
    { username: person.username, personId: person.personId, roles: person.roles },
    address,
  );
};

export const assembleInterferenceCast = async (
  url: string,
  root: SignedIn,
  address: string,
): Promise<InterferenceCast> => {
  const cast: Partial<Record<keyof typeof IF_CAST, SignedIn>> = {};
  for (const [key, person] of Object.entries(IF_CAST) as Array<
    [keyof typeof IF_CAST, (typeof IF_CAST)[keyof typeof IF_CAST]]
  >) {
    cast[key] = await staffMember(url, root, person, address);
  }
  return cast as InterferenceCast;
};

export interface RecordPosition {
  readonly recordId: string;
  readonly version: number;
}

/** A contact as a handler records it (IF.3): a colleague asks to lower a penalty, by phone. */
export const contact = (person: unknown, overrides: Record<string, unknown> = {}) => ({
  time: "2026-03-14T10:30",
  place: "执法一科办公室",
  person,
  capacity: "colleague",
  method: "phone",
  content: "来电要求对某超市案从轻处罚",
  caseRef: "黔江市监处罚〔2026〕15号",
  acts: [{ act: "instruct-lower-penalty" }],
  viaProcedure: false,
  response: "已拒绝，并告知其依照程序办理",
  ...overrides,
});

/** Records a contact that must be accepted; the new record's number and version. */
export const recordContact = async (
  url: string,
  who: SignedIn,
  fields: Record<string, unknown>,
): Promise<RecordPosition & { readonly answer: Answer }> => {
  const answer = await call(url, "mutation", "interference.record", fields, who);
  expect(answer.error, "interference.record").toBeNull();
  const { recordId, version } = answer.data as RecordPosition;
  return { recordId, version, answer };
};

/** One step that must succeed; the record's new version. */
export const ifStep = async (
  url: string,
  who: SignedIn,
  name: string,
  position: RecordPosition,
  fields: Record<string, unknown> = {},
): Promise<RecordPosition> => {
  const answer = await call(
    url,
    "mutation",
    `interference.${name}`,
    { recordId: position.recordId, expectedVersion: position.version, ...fields },
    who,
  );
  expect(answer.error, `interference.${name}`).toBeNull();
  const { version } = answer.data as { version: number };
  return { recordId: position.recordId, version };
};

/** The input naming a record as last seen. */
export const at = (position: RecordPosition) => ({
  recordId: position.recordId,
  expectedVersion: position.version,
});
