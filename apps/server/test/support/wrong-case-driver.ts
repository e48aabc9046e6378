/**
 * Moves wrong-case proceedings along over HTTP, as the bureau's people would: a cast of staff accounts
 * (legal officer, head, investigator, committee secretary) takes each step through the API, so a test can
 * put a proceeding at any stage before it asserts what someone may do there.
 */
import type { Role } from "@liuhen/domain";
import { expect } from "vitest";
import { call, type SignedIn, signInChangingPassword } from "./http.js";
import { AGENCY } from "./test-server.js";

/** What the administrator gives each account, and what its holder then chooses (the server insists). */
const GIVEN_PASSWORD = "cast-given-passphrase-1";
export const CAST_PASSWORD = "cast-passphrase-123456";

export const CAST = {
  reporter: {
    username: "cast-reporter",
    roles: ["handler"],
    personId: "person-cast-reporter",
    name: "吴执法",
    department: "执法三科",
  },
  legal: {
    username: "cast-legal",
    roles: ["legal-officer"],
    personId: "person-cast-legal",
    name: "王法治",
    department: "法治科",
  },
  head: {
    username: "cast-head",
    roles: ["head"],
    personId: "person-cast-head",
    name: "陈局长",
    department: "局领导",
  },
  investigator: {
    username: "cast-investigator",
    roles: ["investigator"],
    personId: "person-cast-investigator",
    name: "刘纪委",
    department: "机关纪委",
  },
  committee: {
    username: "cast-committee",
    roles: ["committee"],
    personId: "person-cast-committee",
    name: "赵书记",
    department: "局党委",
  },
  member: {
    username: "cast-member",
    roles: ["committee"],
    personId: "person-cast-member",
    name: "孙委员",
    department: "局党委",
  },
} as const satisfies Record<
  string,
  {
    readonly username: string;
    readonly roles: ReadonlyArray<Role>;
    readonly personId: string;
    readonly name: string;
    readonly department: string;
  }
>;

export type Cast = { readonly [K in keyof typeof CAST]: SignedIn };

/** An account made by the administrator `root`, signed in, with the password its holder chose. */
export const staffAccount = async (
  url: string,
  root: SignedIn,
  account: { readonly username: string; readonly roles: ReadonlyArray<Role>; readonly personId: string },
  address: string,
): Promise<SignedIn> => {
  const made = await call(
    url,
    "mutation",
    "admin.createAccount",
    { ...account, password: GIVEN_PASSWORD },
    root,
  );
  expect(made.error).toBeNull();
  return signInChangingPassword(
    url,
    { agency: AGENCY, username: account.username, password: GIVEN_PASSWORD },
    CAST_PASSWORD,
    address,
  );
};

/**
 * Puts the cast into the staff directory (a step names its head, team and those attending by their ids, and
 * they must be staff there), keeping anyone a test put there first under the name it gave, then makes their
 * accounts (by the administrator `root`) and signs each in from `address`.
 */
export const assembleCast = async (url: string, root: SignedIn, address: string): Promise<Cast> => {
  const cast: Partial<Record<keyof typeof CAST, SignedIn>> = {};
  for (const [key, { personId, name, department, ...account }] of Object.entries(CAST) as Array<
    [keyof typeof CAST, (typeof CAST)[keyof typeof CAST]]
  >) {
    const registered = await call(
      url,
      "mutation",
      "directory.register",
      { personId, name, department },
      root,
    );
    if (registered.error !== null) expect(registered.error.tag).toBe("PersonAlreadyRegistered");
    cast[key] = await staffAccount(url, root, { ...account, personId }, address);
  }
  return cast as Cast;
};

export interface Position {
  readonly proceedingId: string;
  readonly version: number;
}

/** The input naming a proceeding as last seen: its number, and the version a step is decided on. */
export const target = (position: Position) => ({
  proceedingId: position.proceedingId,
  expectedVersion: position.version,
});

/** One step that must succeed; the proceeding's new version. */
export const step = async (
  url: string,
  who: SignedIn,
  name: string,
  position: Position,
  fields: Record<string, unknown> = {},
): Promise<Position> => {
  const answer = await call(url, "mutation", `wrongCase.${name}`, { ...target(position), ...fields }, who);
  expect(answer.error, `wrongCase.${name}`).toBeNull();
  const { version } = answer.data as { version: number };
  return { proceedingId: position.proceedingId, version };
};

/** A wrong-case assessment request of the domain's JSON contract (CONFORMANCE.md). */
export const ASSESSMENT = {
  kind: "wrong-case",
  case: { kind: "inspection" },
  triggers: ["WC.5.1"],
  confirmed: true,
  officers: [{ id: "o1", conduct: ["WC.6.4"], mitigating: [], aggravating: [] }],
};

/** Where a proceeding can be put, in the order a proceeding passes them. */
export const STAGES = [
  "received",
  "accepted",
  "reported-to-head",
  "team-assigned",
  "investigating",
  "findings-submitted",
  "proposal-made",
  "decided",
  "notified",
] as const;
export type DrivenStage = (typeof STAGES)[number];

export interface DriveOptions {
  /** The officers the report names (the file's subjects). */
  readonly officers?: ReadonlyArray<string>;
  /** Further members of the investigation team, beside the cast's investigator. */
  readonly team?: ReadonlyArray<string>;
  /** The officer the decision concerns and is made known to. */
  readonly notified?: string;
  /** Whether the committee's decision finds a suspected violation (to be referred, WC.10.3). */
  readonly suspectedViolation?: boolean;
  /** Who reports: the cast's reporter (staff), or someone from the public page without an account. */
  readonly reporter?: "staff" | "public";
  /** A proceeding already reported, to take on from there. */
  readonly from?: Position;
}

let publicAddresses = 0;

/** A report from the public page, each from an address of its own (intake is throttled per address). */
export const publicReport = async (url: string): Promise<Position & { readonly receiptCode: string }> => {
  const n = ++publicAddresses;
  const answer = await call(
    url,
    "mutation",
    "intake.submit",
    { agency: AGENCY, allegation: "执法人员检查时态度粗暴，未出示证件" },
    { address: `198.19.${Math.floor(n / 250) % 250}.${n % 250}` },
  );
  expect(answer.error).toBeNull();
  const { proceedingId, receiptCode } = answer.data as { proceedingId: string; receiptCode: string };
  return { proceedingId, version: 1, receiptCode };
};

/** A new proceeding, reported by the cast's reporter and taken step by step to `stage`. */
export const driveTo = async (
  url: string,
  cast: Cast,
  stage: DrivenStage,
  options: DriveOptions = {},
): Promise<Position> => {
  const officers = options.officers ?? ["person-officer-a"];
  const notified = options.notified ?? officers[0] ?? "person-officer-a";
  let at: Position;
  if (options.from !== undefined) {
    at = options.from;
  } else if (options.reporter === "public") {
    const { proceedingId, version } = await publicReport(url);
    at = { proceedingId, version };
  } else {
    const reported = await call(
      url,
      "mutation",
      "wrongCase.report",
      { officers, allegation: "行政处罚决定书认定事实错误" },
      cast.reporter,
    );
    expect(reported.error).toBeNull();
    at = reported.data as Position;
  }
  const steps: ReadonlyArray<readonly [DrivenStage, () => Promise<Position>]> = [
    ["accepted", () => step(url, cast.legal, "accept", at)],
    ["reported-to-head", () => step(url, cast.legal, "reportToHead", at, { head: CAST.head.personId })],
    [
      "team-assigned",
      () =>
        step(url, cast.head, "assignTeam", at, {
          members: [CAST.investigator.personId, ...(options.team ?? [])],
        }),
    ],
    [
      "investigating",
      () =>
        step(url, cast.investigator, "logInvestigation", at, { method: "file-review", summary: "调阅案卷" }),
    ],
    [
      "findings-submitted",
      () =>
        step(url, cast.investigator, "submitFindings", at, {
          confirmed: true,
          triggers: ["WC.5.1"],
          nature: "认定事实不清",
          responsible: officers,
        }),
    ],
    [
      "proposal-made",
      () => step(url, cast.legal, "propose", at, { assessment: ASSESSMENT, summary: "建议责令作出书面检查" }),
    ],
    [
      "decided",
      () =>
        step(url, cast.committee, "decide", at, {
          attendance: [CAST.committee.personId, CAST.member.personId],
          outcome: "责令作出书面检查",
          officers: [notified],
          suspectedViolation: options.suspectedViolation ?? false,
        }),
    ],
    ["notified", () => step(url, cast.legal, "notifyOfficer", at, { officer: notified })],
  ];
  for (const [reached, take] of steps) {
    if (STAGES.indexOf(stage) < STAGES.indexOf(reached)) break;
    at = await take();
  }
  return at;
};
