/**
 * A password someone else set must be changed at the next sign-in, against a real server on a random port
 * and a real SQLite file. An administrator who makes an account or resets its password has seen that
 * password (so has the operator with `liuhen admin`): until its holder replaces it, the server answers the
 * holder's `auth.me`, `auth.changePassword` and `auth.logout` only, and refuses every other procedure with
 * FORBIDDEN, `PasswordChangeRequired`. The flag is derived from the log, so a rebuild keeps it.
 */
import { rebuildProjections, withAccounts } from "@liuhen/store";
import Database from "better-sqlite3";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type SignedIn, signIn, signInChangingPassword } from "./support/http.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";

let test: TestServer;
let url: string;
let root: SignedIn;
let addresses = 0;
const freshAddress = () => `192.0.2.${++addresses}`;

const REFUSED = {
  code: "FORBIDDEN",
  tag: "PasswordChangeRequired",
  zh: "密码由他人设置，请先修改密码",
  en: "Your password was set by someone else; change it first",
} as const;

const asRoot = (kind: "query" | "mutation", path: string, input?: unknown) =>
  call(url, kind, path, input, root);

/** The `Account.PasswordChanged` payloads of an account's stream, with their actors, read beside the server. */
const passwordEvents = (accountId: string) => {
  const db = new Database(test.filename, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT actor, payload FROM events WHERE stream_id = ? AND type = ? ORDER BY stream_version")
        .all(`account/${accountId}`, "Account.PasswordChanged") as Array<{ actor: string; payload: string }>
    ).map((row) => ({ actor: row.actor, ...JSON.parse(row.payload) }));
  } finally {
    db.close();
  }
};

const flagColumn = (accountId: string) => {
  const db = new Database(test.filename, { readonly: true });
  try {
    return (
      db.prepare("SELECT must_change_password AS flag FROM accounts WHERE account_id = ?").get(accountId) as {
        flag: number;
      }
    ).flag;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
  root = await signIn(url, { agency: AGENCY, ...ADMIN }, freshAddress());
}, 120_000);

afterAll(async () => {
  await test?.close();
});

describe("a password someone else set", () => {
  it("an administrator resets a user's password: the user must change it before any other procedure, then may go on", async () => {
    // A second administrator, who has already chosen their own password.
    const made = await asRoot("mutation", "admin.createAccount", {
      username: "second-admin",
      personId: "person-second-admin",
      roles: ["admin"],
    });
    const { account, password: given } = made.data as { account: { accountId: string }; password: string };
    await signInChangingPassword(
      url,
      { agency: AGENCY, username: "second-admin", password: given },
      "second admin's own passphrase",
      freshAddress(),
    );
    const before = await signIn(
      url,
      { agency: AGENCY, username: "second-admin", password: "second admin's own passphrase" },
      freshAddress(),
    );
    expect((await call(url, "query", "admin.listAccounts", undefined, before)).error).toBeNull();

    // The root administrator resets it: they see the new password, so its holder must change it.
    const reset = await asRoot("mutation", "admin.resetPassword", { accountId: account.accountId });
    const { password: resetTo } = reset.data as { password: string };
    expect(reset.data).toMatchObject({ account: { mustChangePassword: true } });

    const login = await call(
      url,
      "mutation",
      "auth.login",
      { agency: AGENCY, username: "second-admin", password: resetTo },
      { address: freshAddress() },
    );
    expect(login.data).toMatchObject({ mustChangePassword: true, account: { mustChangePassword: true } });
    const session = await signIn(
      url,
      { agency: AGENCY, username: "second-admin", password: resetTo },
      freshAddress(),
    );
    const me = await call(url, "query", "auth.me", undefined, session);
    expect(me.data).toMatchObject({ username: "second-admin", mustChangePassword: true });

    // Everything else is refused, an administrator's procedure as much as one's own tokens; nothing written.
    const tokensBefore = await test.count("api_tokens");
    for (const [kind, path, input] of [
      ["query", "admin.listAccounts", undefined],
      ["mutation", "admin.createAccount", { username: "not-made", roles: ["handler"] }],
      ["query", "auth.listTokens", undefined],
      ["mutation", "auth.createToken", { name: "tui" }],
    ] as const) {
      const refused = await call(url, kind, path, input, session);
      expect([path, refused.status, refused.error]).toMatchObject([path, 403, REFUSED]);
    }
    expect(await test.count("api_tokens")).toBe(tokensBefore);

    // Offering the administrator's password again changes nothing.
    const same = await call(
      url,
      "mutation",
      "auth.changePassword",
      { currentPassword: resetTo, newPassword: resetTo },
      session,
    );
    expect(same.error).toMatchObject({ code: "BAD_REQUEST", tag: "PasswordUnchanged" });
    expect((await call(url, "query", "admin.listAccounts", undefined, session)).error?.tag).toBe(
      "PasswordChangeRequired",
    );

    const changed = await call(
      url,
      "mutation",
      "auth.changePassword",
      { currentPassword: resetTo, newPassword: "second admin's newer passphrase" },
      session,
    );
    expect(changed.error).toBeNull();
    expect((await call(url, "query", "auth.me", undefined, session)).data).toMatchObject({
      mustChangePassword: false,
    });
    const listed = await call(url, "query", "admin.listAccounts", undefined, session);
    expect(listed.error).toBeNull();
    expect(
      (listed.data as Array<{ username: string; mustChangePassword: boolean }>).find(
        (a) => a.username === "second-admin",
      ),
    ).toMatchObject({ mustChangePassword: false });
    expect((await call(url, "mutation", "auth.createToken", { name: "tui" }, session)).error).toBeNull();

    // The log says who set each password and whether its holder had to change it.
    expect(passwordEvents(account.accountId)).toEqual([
      {
        actor: `account:${root.accountId}`,
        _tag: "AccountPasswordChanged",
        accountId: account.accountId,
        how: "initial",
        mustChange: true,
      },
      {
        actor: `account:${account.accountId}`,
        _tag: "AccountPasswordChanged",
        accountId: account.accountId,
        how: "changed-by-holder",
        mustChange: false,
      },
      {
        actor: `account:${root.accountId}`,
        _tag: "AccountPasswordChanged",
        accountId: account.accountId,
        how: "reset",
        mustChange: true,
      },
      {
        actor: `account:${account.accountId}`,
        _tag: "AccountPasswordChanged",
        accountId: account.accountId,
        how: "changed-by-holder",
        mustChange: false,
      },
    ]);
  });

  it("an account an administrator makes, with a password given or generated, must change it at the first sign-in", async () => {
    for (const [username, password] of [
      ["given-zhang", "a password the admin chose"],
      ["generated-zhang", undefined],
    ] as const) {
      const made = await asRoot("mutation", "admin.createAccount", {
        username,
        personId: `person-${username}`,
        roles: ["handler"],
        ...(password === undefined ? {} : { password }),
      });
      expect(made.data).toMatchObject({ account: { mustChangePassword: true } });
      const first = (made.data as { password: string | null }).password ?? password ?? "";
      const session = await signIn(url, { agency: AGENCY, username, password: first }, freshAddress());
      expect((await call(url, "query", "auth.me", undefined, session)).data).toMatchObject({
        mustChangePassword: true,
      });
      const refused = await call(url, "query", "auth.listTokens", undefined, session);
      expect(refused.error).toMatchObject(REFUSED);
      // Signing out is still allowed.
      expect((await call(url, "mutation", "auth.logout", undefined, session)).data).toEqual({
        signedOut: true,
      });
    }
  });

  it("the flag survives a rebuild of the projections from the log", async () => {
    const made = await asRoot("mutation", "admin.createAccount", {
      username: "rebuilt-zhao",
      personId: "person-rebuilt-zhao",
      roles: ["handler"],
    });
    const { account, password } = made.data as { account: { accountId: string }; password: string };
    expect(flagColumn(account.accountId)).toBe(1);

    await Effect.runPromise(
      rebuildProjections(AGENCY).pipe(Effect.provide(withAccounts(test.database.store()))),
    );
    expect(flagColumn(account.accountId)).toBe(1);
    const session = await signIn(url, { agency: AGENCY, username: "rebuilt-zhao", password }, freshAddress());
    expect((await call(url, "query", "auth.listTokens", undefined, session)).error).toMatchObject(REFUSED);
    // And a holder's change, once made, survives it too.
    await call(
      url,
      "mutation",
      "auth.changePassword",
      { currentPassword: password, newPassword: "zhao's own passphrase" },
      session,
    );
    await Effect.runPromise(
      rebuildProjections(AGENCY).pipe(Effect.provide(withAccounts(test.database.store()))),
    );
    expect(flagColumn(account.accountId)).toBe(0);
    expect((await call(url, "query", "auth.listTokens", undefined, session)).error).toBeNull();
  });
});
