/**
 * The authorization matrix: every procedure × every role, plus anonymous and the subject of a case, each cell
 * asserted against a real server on a random port over a real SQLite file. A cell is allowed (the procedure
 * answers), refused with UNAUTHORIZED (anonymous) or refused with FORBIDDEN; a refused cell writes nothing.
 *
 * Each row is data: the procedure's kind, who may call it, and a valid input for a caller (made after any
 * setup the cell needs), so a refusal is about the caller, never the input. A new procedure fails the first
 * test until it has a row; procedures that read case content will add rows whose `subject` cell is refused
 * by need-to-know, however the subject's roles read.
 *
 * Every signed-in cell speaks through a fresh web session (cookie and CSRF token), so a cell that signs out
 * or changes a password touches no other cell.
 */
import { appRouter } from "@liuhen/api";
import { ROLES, type Role } from "@liuhen/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";

/** Who calls: nobody, the holder of one role, or the person a case is about (a handler, for now). */
interface Identity {
  readonly name: string;
  readonly account: {
    readonly username: string;
    readonly roles: ReadonlyArray<Role>;
    readonly personId: string;
  } | null;
}

const IDENTITIES: ReadonlyArray<Identity> = [
  { name: "anonymous", account: null },
  ...ROLES.map((role) => ({
    name: role,
    account: { username: `matrix-${role}`, roles: [role], personId: `person-matrix-${role}` },
  })),
  // The subject of a case: the person a record or report is about. Need-to-know refuses them the file
  // whatever their roles; the procedures so far read no file, so they are judged by their role alone.
  {
    name: "subject",
    account: { username: "matrix-subject", roles: ["handler"], personId: "person-subject" },
  },
];

const PASSWORD = "matrix-passphrase-1234";

type Access = "anyone" | "signed-in" | ReadonlyArray<Role>;
type Expectation = "allowed" | "unauthenticated" | "forbidden";

interface Cell {
  readonly identity: Identity;
  /** The cell's own session; null for anonymous. */
  readonly session: SignedIn | null;
  /** A name no other cell uses. */
  readonly unique: string;
}

interface Row {
  readonly kind: "query" | "mutation";
  readonly access: Access;
  readonly input: (cell: Cell) => Promise<unknown>;
}

let test: TestServer;
let url: string;
let root: SignedIn;
let addresses = 0;
const freshAddress = () => `203.0.113.${++addresses % 250}`;

/** A fresh account made by the root administrator, for a cell to act on. */
const target = async (unique: string, disabled = false) => {
  const made = await call(
    url,
    "mutation",
    "admin.createAccount",
    {
      username: `target-${unique}`,
      personId: `person-target-${unique}`,
      roles: ["handler"],
      password: PASSWORD,
    },
    root,
  );
  const accountId = (made.data as { account: { accountId: string } }).account.accountId;
  if (disabled) await call(url, "mutation", "admin.disableAccount", { accountId }, root);
  return accountId;
};

const MATRIX: Readonly<Record<string, Row>> = {
  "domain.assess": {
    kind: "query",
    access: "anyone",
    input: async () => ({ kind: "period", period: "WC.10.1", start: "2024-09-27" }),
  },
  "domain.article": { kind: "query", access: "anyone", input: async () => ({ id: "IF.12b" }) },
  "domain.regime": { kind: "query", access: "anyone", input: async () => ({}) },

  "auth.login": {
    kind: "mutation",
    access: "anyone",
    input: async ({ identity }) => ({
      agency: AGENCY,
      username: identity.account?.username ?? "matrix-handler",
      password: PASSWORD,
    }),
  },
  "auth.logout": { kind: "mutation", access: "signed-in", input: async () => undefined },
  "auth.me": { kind: "query", access: "signed-in", input: async () => undefined },
  "auth.createToken": {
    kind: "mutation",
    access: "signed-in",
    input: async ({ unique }) => ({ name: unique }),
  },
  "auth.revokeToken": {
    kind: "mutation",
    access: "signed-in",
    input: async ({ session, unique }) => {
      if (session === null) return { tokenId: "00000000-0000-4000-8000-000000000000" };
      const made = await call(url, "mutation", "auth.createToken", { name: unique }, session);
      return { tokenId: (made.data as { tokenId: string }).tokenId };
    },
  },
  "auth.listTokens": { kind: "query", access: "signed-in", input: async () => undefined },
  "auth.changePassword": {
    kind: "mutation",
    access: "signed-in",
    // The same password again: a valid change that leaves later cells able to sign in.
    input: async () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  },

  "admin.listAccounts": { kind: "query", access: ["admin"], input: async () => undefined },
  "admin.createAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ username: `made-${unique}`, roles: ["handler"] }),
  },
  "admin.grantRoles": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ accountId: await target(unique), roles: ["committee"] }),
  },
  "admin.revokeRoles": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ accountId: await target(unique), roles: ["handler"] }),
  },
  "admin.disableAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ accountId: await target(unique), reason: "matrix" }),
  },
  "admin.enableAccount": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ accountId: await target(unique, true) }),
  },
  "admin.resetPassword": {
    kind: "mutation",
    access: ["admin"],
    input: async ({ unique }) => ({ accountId: await target(unique) }),
  },
};

const expectation = (access: Access, identity: Identity): Expectation => {
  if (access === "anyone") return "allowed";
  if (identity.account === null) return "unauthenticated";
  if (access === "signed-in") return "allowed";
  return identity.account.roles.some((role) => access.includes(role)) ? "allowed" : "forbidden";
};

const WRITTEN = ["events", "accounts", "credentials", "sessions", "api_tokens"] as const;
const written = () => WRITTEN.map((table) => test.count(table));

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
  root = await signIn(url, { agency: AGENCY, ...ADMIN }, freshAddress());
  for (const { account } of IDENTITIES) {
    if (account === null) continue;
    const made = await call(url, "mutation", "admin.createAccount", { ...account, password: PASSWORD }, root);
    expect(made.error).toBeNull();
  }
}, 120_000);

afterAll(async () => {
  await test?.close();
});

describe("the authorization matrix", () => {
  it("has a row for every procedure the router has, of the procedure's kind", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(procedures).sort());
    for (const [path, row] of Object.entries(MATRIX))
      expect([path, row.kind]).toEqual([path, procedures[path]?._def.type]);
  });

  const cells = Object.entries(MATRIX).flatMap(([path, row]) =>
    IDENTITIES.map((identity) => ({ path, row, identity, expected: expectation(row.access, identity) })),
  );

  it.each(cells)("$path × $identity.name: $expected", async ({ path, row, identity, expected }) => {
    const address = freshAddress();
    const session =
      identity.account === null
        ? null
        : await signIn(
            url,
            { agency: AGENCY, username: identity.account.username, password: PASSWORD },
            address,
          );
    const input = await row.input({
      identity,
      session,
      unique: `${path.replace(".", "-")}-${identity.name}`,
    });
    const before = written();
    const answer = await call(url, row.kind, path, input, session ?? { address });
    if (expected === "allowed") {
      expect(answer.error).toBeNull();
      expect(answer.status).toBe(200);
      return;
    }
    expect(answer.error).toMatchObject(
      expected === "forbidden"
        ? { code: "FORBIDDEN", tag: "Forbidden" }
        : { code: "UNAUTHORIZED", tag: "Unauthenticated" },
    );
    expect(answer.status).toBe(expected === "forbidden" ? 403 : 401);
    expect(written()).toEqual(before);
  });
});
