/**
 * The authorization matrix: every procedure × every role, plus anonymous and the subject of a case, each cell
 * asserted against a real server on a random port, on SQLite and on PostgreSQL. A cell is allowed (the procedure
 * answers), refused with UNAUTHORIZED (anonymous) or refused with FORBIDDEN; a refused cell writes nothing.
 *
 * Each row is data (authorization/*-rows.ts): the procedure's kind, who may call it, whether need-to-know
 * refuses the subject of the file, and a valid input for a caller (made after any setup the cell needs), so
 * a refusal is about the caller, never the input. A new procedure fails the first test until it has a row.
 * The subject holds every case role, so a refusal of theirs on a row marked `refusesSubject` is
 * need-to-know's alone.
 *
 * Every signed-in cell speaks through a fresh web session (cookie and CSRF token), so a cell that signs out
 * or changes a password touches no other cell.
 *
 * A password an administrator set must be changed first: the role holders have replaced theirs before the
 * matrix runs, and the `must-change-password` identity (an administrator whose password the root
 * administrator just set, a new account for each cell) may call only the rows marked `duringPasswordChange`;
 * every other signed-in cell of theirs is FORBIDDEN with `PasswordChangeRequired`, whatever their roles.
 */
import { appRouter } from "@liuhen/api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACCOUNT_ROWS } from "./authorization/account-rows.js";
import { DOCUMENT_ROWS } from "./authorization/documents-rows.js";
import { INTAKE_ROWS } from "./authorization/intake-rows.js";
import { COLLEAGUE, INTERFERENCE_ROWS } from "./authorization/interference-rows.js";
import {
  type Cell,
  expectation,
  GIVEN,
  IDENTITIES,
  type Identity,
  type MatrixEnv,
  PASSWORD,
  type Rows,
} from "./authorization/matrix.js";
import { OVERSIGHT_ROWS } from "./authorization/oversight-rows.js";
import { NOTIFICATION_ROWS, WRONG_CASE_ROWS } from "./authorization/wrong-case-rows.js";
import { call, signIn, signInChangingPassword } from "./support/http.js";
import { assembleInterferenceCast } from "./support/interference-driver.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { assembleCast } from "./support/wrong-case-driver.js";

const MATRIX: Rows = {
  ...ACCOUNT_ROWS,
  ...WRONG_CASE_ROWS,
  ...NOTIFICATION_ROWS,
  ...INTAKE_ROWS,
  ...INTERFERENCE_ROWS,
  ...OVERSIGHT_ROWS,
  ...DOCUMENT_ROWS,
};

const REFUSAL = {
  unauthenticated: { status: 401, error: { code: "UNAUTHORIZED", tag: "Unauthenticated" } },
  forbidden: { status: 403, error: { code: "FORBIDDEN", tag: "Forbidden" } },
  "password-change-required": { status: 403, error: { code: "FORBIDDEN", tag: "PasswordChangeRequired" } },
} as const;

// Tables a refused call must leave as they were.
const WRITTEN = ["events", "accounts", "credentials", "sessions", "api_tokens"] as const;

describeOnDatabases("the authorization matrix", (database) => {
  let test: TestServer;
  let env: MatrixEnv;
  let addresses = 0;
  const freshAddress = () => `203.0.113.${++addresses % 250}`;
  const written = () => Promise.all(WRITTEN.map((table) => test.count(table)));

  let fresh = 0;
  /** The account a cell signs in as: a new one, with PASSWORD set by the root administrator, where it must be. */
  const accountOf = async (identity: Identity) => {
    if (identity.account === null || !identity.mustChangePassword) return identity.account;
    const account = {
      ...identity.account,
      username: `${identity.account.username}-${++fresh}`,
      personId: `${identity.account.personId}-${fresh}`,
    };
    const made = await call(
      env.url,
      "mutation",
      "admin.createAccount",
      { ...account, password: PASSWORD },
      env.root,
    );
    expect(made.error).toBeNull();
    return account;
  };

  beforeAll(async () => {
    test = await startTestServer({}, { database });
    const url = test.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN }, freshAddress());
    // Everyone a record may name is in the staff directory: the identities, and the colleague of the records.
    for (const person of [
      COLLEAGUE,
      ...IDENTITIES.flatMap(({ name, account }) =>
        account === null ? [] : [{ personId: account.personId, name: `矩阵${name}`, department: "矩阵科" }],
      ),
    ]) {
      const registered = await call(url, "mutation", "directory.register", person, root);
      expect(registered.error).toBeNull();
    }
    for (const { account, mustChangePassword } of IDENTITIES) {
      if (account === null || mustChangePassword) continue;
      const made = await call(url, "mutation", "admin.createAccount", { ...account, password: GIVEN }, root);
      expect(made.error).toBeNull();
      await signInChangingPassword(
        url,
        { agency: AGENCY, username: account.username, password: GIVEN },
        PASSWORD,
        freshAddress(),
      );
    }
    env = {
      test,
      url,
      root,
      cast: await assembleCast(url, root, freshAddress()),
      icast: await assembleInterferenceCast(url, root, freshAddress()),
      freshAddress,
    };
  }, 300_000);

  afterAll(async () => {
    await test?.close();
  });

  it("has a row for every procedure the router has, of the procedure's kind", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(procedures).sort());
    for (const [path, row] of Object.entries(MATRIX))
      expect([path, row.kind]).toEqual([path, procedures[path]?._def.type]);
  });

  const cells = Object.entries(MATRIX).flatMap(([path, row]) =>
    IDENTITIES.map((identity) => ({ path, row, identity, expected: expectation(row, identity) })),
  );

  it.each(cells)("$path × $identity.name: $expected", async ({ path, row, identity, expected }) => {
    const address = freshAddress();
    const account = await accountOf(identity);
    const session =
      account === null
        ? null
        : await signIn(env.url, { agency: AGENCY, username: account.username, password: PASSWORD }, address);
    const cell: Cell = {
      identity,
      session,
      username: account?.username ?? null,
      personId: account?.personId ?? null,
      unique: `${path.replace(".", "-")}-${identity.name}`,
    };
    const input = await row.input(cell, env);
    const before = await written();
    const answer = await call(env.url, row.kind, path, input, session ?? { address });
    if (expected === "allowed") {
      expect(answer.error).toBeNull();
      expect(answer.status).toBe(200);
      return;
    }
    expect(answer.error).toMatchObject(REFUSAL[expected].error);
    expect(answer.status).toBe(REFUSAL[expected].status);
    expect(await written()).toEqual(before);
  });
});
