/**
 * Signing in over HTTP, against a real server on a random port and a real SQLite file: the session cookie's
 * flags, CSRF on cookie changes, bearer tokens and their revocation, throttling per account and per address,
 * disabled accounts, and the same answer for a wrong password as for an unknown user.
 */
import { createHash } from "node:crypto";
import { Redacted } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearedSessionCookie, sessionCookie } from "../src/request-credentials.js";
import { call, type SignedIn, type Speaker, signIn, signInChangingPassword } from "./support/http.js";
import { ADMIN, AGENCY, seedAccount, startTestServer, type TestServer } from "./support/test-server.js";

let test: TestServer;
let url: string;
let admin: SignedIn;
let addresses = 0;
/** An address of its own for each use, so no test's failures reach another's throttle. */
const freshAddress = () => `198.51.100.${++addresses}`;

const asAdmin = (kind: "query" | "mutation", path: string, input?: unknown) =>
  call(url, kind, path, input, admin);

/**
 * A new account made by the administrator over HTTP, and its generated password; with `ownPassword`, the
 * holder has replaced it (as they must before doing anything but sign in, sign out and change it) and
 * `password` is theirs.
 */
const newAccount = async (
  username: string,
  roles: ReadonlyArray<string>,
  personId = `person-${username}`,
  { ownPassword = false } = {},
) => {
  const made = await asAdmin("mutation", "admin.createAccount", { username, roles, personId });
  expect(made.error).toBeNull();
  const data = made.data as { account: { accountId: string }; password: string };
  if (!ownPassword) return { accountId: data.account.accountId, password: data.password, username };
  const password = `${username}-own-passphrase`;
  await signInChangingPassword(
    url,
    { agency: AGENCY, username, password: data.password },
    password,
    freshAddress(),
  );
  return { accountId: data.account.accountId, password, username };
};

const holderChosen = { ownPassword: true };

const login = (username: string, password: string, address = freshAddress()) =>
  call(url, "mutation", "auth.login", { agency: AGENCY, username, password }, { address });

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
  admin = await signIn(url, { agency: AGENCY, ...ADMIN }, freshAddress());
}, 120_000);

afterAll(async () => {
  await test?.close();
});

describe("the session cookie", () => {
  it("login sets an httpOnly, SameSite=Strict cookie on / for the session's life, and answers the CSRF token", async () => {
    const { password } = await newAccount("cookie-li", ["handler"]);
    const answer = await login("cookie-li", password);
    expect(answer.status).toBe(200);
    const [cookie, ...more] = answer.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(cookie).toMatch(
      /^liuhen_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const data = answer.data as { csrfToken: string; account: { username: string; roles: string[] } };
    expect(data.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(data.account).toMatchObject({ username: "cookie-li", roles: ["handler"] });
    // The database knows the session by the SHA-256 of its secret only.
    const secret = (cookie ?? "").split(";")[0]?.split("=")[1] ?? "";
    expect(await test.count("sessions")).toBeGreaterThan(0);
    expect(JSON.stringify(await dump("sessions"))).not.toContain(secret);
    expect(JSON.stringify(await dump("sessions"))).toContain(sha256(secret));
  });

  it("is marked Secure when the server is configured for HTTPS, and cleared the same way", () => {
    expect(sessionCookie(Redacted.make("s3cret"), 60, true)).toBe(
      "liuhen_session=s3cret; Max-Age=60; Path=/; HttpOnly; SameSite=Strict; Secure",
    );
    expect(clearedSessionCookie(true)).toBe(
      "liuhen_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict; Secure",
    );
  });

  it("a change with the cookie but without the CSRF header, or with another session's, is FORBIDDEN and writes nothing", async () => {
    const { password } = await newAccount("csrf-wang", ["handler"], undefined, holderChosen);
    const wang = await signIn(url, { agency: AGENCY, username: "csrf-wang", password }, freshAddress());
    const before = await test.count("api_tokens");
    for (const csrf of [undefined, "", admin.csrf, `${wang.csrf}x`]) {
      const refused = await call(url, "mutation", "auth.createToken", { name: "tui" }, { ...wang, csrf });
      expect(refused.status).toBe(403);
      expect(refused.error).toMatchObject({
        code: "FORBIDDEN",
        tag: "CsrfMismatch",
        zh: "请求缺少有效的防伪令牌",
      });
    }
    expect(await test.count("api_tokens")).toBe(before);
    // A query changes nothing and needs no token.
    const me = await call(url, "query", "auth.me", undefined, { cookie: wang.cookie, address: wang.address });
    expect(me.data).toMatchObject({ username: "csrf-wang", via: "session", csrfToken: wang.csrf });
    const made = await call(url, "mutation", "auth.createToken", { name: "tui" }, wang);
    expect(made.error).toBeNull();
    expect(await test.count("api_tokens")).toBe(before + 1);
  });

  it("a form another site posts (no JSON) is refused before any procedure runs", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await fetch(`${url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": type, "x-forwarded-for": freshAddress() },
        body: `agency=${AGENCY}&username=${ADMIN.username}&password=${ADMIN.password}`,
      });
      expect(res.status).toBe(415);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it("logout ends the session and clears the cookie", async () => {
    const { password } = await newAccount("logout-zhao", ["handler"]);
    const zhao = await signIn(url, { agency: AGENCY, username: "logout-zhao", password }, freshAddress());
    const out = await call(url, "mutation", "auth.logout", undefined, zhao);
    expect(out.data).toEqual({ signedOut: true });
    expect(out.headers.getSetCookie()).toEqual([
      "liuhen_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict",
    ]);
    const after = await call(url, "query", "auth.me", undefined, zhao);
    expect(after.error).toMatchObject({ code: "UNAUTHORIZED", tag: "Unauthenticated" });
  });
});

describe("bearer tokens", () => {
  it("work without a CSRF token, are listed without their secret, and stop working when revoked", async () => {
    const { password } = await newAccount("token-sun", ["legal-officer"], undefined, holderChosen);
    const sun = await signIn(url, { agency: AGENCY, username: "token-sun", password }, freshAddress());
    const made = await call(url, "mutation", "auth.createToken", { name: "法治科-PC" }, sun);
    const { token, tokenId } = made.data as { token: string; tokenId: string };
    expect(token).toMatch(/^lht_[A-Za-z0-9_-]{43}$/);
    const bearer: Speaker = { bearer: token, address: sun.address };

    const me = await call(url, "query", "auth.me", undefined, bearer);
    expect(me.data).toMatchObject({
      username: "token-sun",
      roles: ["legal-officer"],
      via: "token",
      csrfToken: null,
    });
    // A change by token needs no CSRF header.
    const second = await call(url, "mutation", "auth.createToken", { name: "second" }, bearer);
    expect(second.error).toBeNull();
    const listed = await call(url, "query", "auth.listTokens", undefined, bearer);
    expect((listed.data as Array<{ name: string }>).map((t) => t.name).sort()).toEqual([
      "second",
      "法治科-PC",
    ]);
    expect(listed.body).not.toContain(token);

    const revoked = await call(url, "mutation", "auth.revokeToken", { tokenId }, sun);
    expect(revoked.data).toEqual({ revoked: tokenId });
    const refused = await call(url, "query", "auth.me", undefined, bearer);
    expect(refused.status).toBe(401);
    expect(refused.error).toMatchObject({ code: "UNAUTHORIZED", tag: "Unauthenticated" });
    // Nor does a made-up or malformed token open anything.
    for (const bad of ["lht_madeup", "garbage"]) {
      expect((await call(url, "query", "auth.me", undefined, { bearer: bad })).error?.code).toBe(
        "UNAUTHORIZED",
      );
    }
    // A token judges the request alone: a valid cookie beside a bad token does not help.
    const both = await call(url, "query", "auth.me", undefined, { cookie: sun.cookie, bearer: "lht_madeup" });
    expect(both.error?.code).toBe("UNAUTHORIZED");
  });
});

describe("signing in", () => {
  it("a wrong password, an unknown user and an unknown agency get the same answer", async () => {
    const { password } = await newAccount("enum-qian", ["handler"]);
    const answers = await Promise.all([
      login("enum-qian", `${password}x`),
      login("no-such-user", password),
      call(
        url,
        "mutation",
        "auth.login",
        { agency: "no-such-agency", username: "enum-qian", password },
        {
          address: freshAddress(),
        },
      ),
    ]);
    const seen = answers.map((a) => ({
      status: a.status,
      error: a.error,
      cookies: a.headers.getSetCookie(),
    }));
    expect(seen[0]).toEqual({
      status: 401,
      error: {
        code: "UNAUTHORIZED",
        tag: "InvalidCredentials",
        field: null,
        zh: "单位、用户名或密码错误",
        en: "The agency, username or password is wrong",
        message: "单位、用户名或密码错误 / The agency, username or password is wrong",
      },
      cookies: [],
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    for (const answer of answers) expect(answer.body).not.toMatch(/stack|\.ts:\d+/);
  });

  it("after N failures for an account, even the right password is refused with TOO_MANY_REQUESTS; others are not", async () => {
    const { password } = await newAccount("throttle-zhou", ["handler"]);
    const wu = await newAccount("throttle-wu", ["handler"]);
    for (let i = 0; i < 3; i++) {
      expect((await login("throttle-zhou", "wrong-password-guess")).error?.tag).toBe("InvalidCredentials");
    }
    const refused = await login("throttle-zhou", password);
    expect(refused.status).toBe(429);
    expect(refused.error).toMatchObject({ code: "TOO_MANY_REQUESTS", tag: "LoginThrottled" });
    expect(refused.headers.getSetCookie()).toEqual([]);
    // A made-up name is throttled alike, so the throttle does not tell which names exist.
    for (let i = 0; i < 3; i++) await login("throttle-nobody", "wrong-password-guess");
    expect((await login("throttle-nobody", "wrong-password-guess")).error?.tag).toBe("LoginThrottled");
    // Another account is not held back.
    expect((await login("throttle-wu", wu.password)).error).toBeNull();
  });

  it("after M failures from one address, that address is refused for every account; other addresses are not", async () => {
    const { password } = await newAccount("address-zheng", ["handler"]);
    const address = freshAddress();
    for (let i = 0; i < 6; i++) {
      const answer = await login(`spray-${i}`, "wrong-password-guess", address);
      expect(answer.error?.tag).toBe("InvalidCredentials");
    }
    const refused = await login("address-zheng", password, address);
    expect(refused.error).toMatchObject({ code: "TOO_MANY_REQUESTS", tag: "LoginThrottled" });
    const elsewhere = await login("address-zheng", password);
    expect(elsewhere.error).toBeNull();
  });

  it("a disabled account cannot sign in, and its sessions and tokens stop at once; enabling does not revive them", async () => {
    const feng = await newAccount("disabled-feng", ["investigator"], undefined, holderChosen);
    const session = await signIn(
      url,
      { agency: AGENCY, username: "disabled-feng", password: feng.password },
      freshAddress(),
    );
    const token = (await call(url, "mutation", "auth.createToken", { name: "tui" }, session)).data as {
      token: string;
    };

    const disabled = await asAdmin("mutation", "admin.disableAccount", {
      accountId: feng.accountId,
      reason: "调离",
    });
    expect(disabled.data).toMatchObject({ status: "disabled" });
    expect((await call(url, "query", "auth.me", undefined, session)).error?.code).toBe("UNAUTHORIZED");
    expect((await call(url, "query", "auth.me", undefined, { bearer: token.token })).error?.code).toBe(
      "UNAUTHORIZED",
    );
    const refused = await login("disabled-feng", feng.password);
    expect(refused.error).toMatchObject({ code: "UNAUTHORIZED", tag: "InvalidCredentials" });

    await asAdmin("mutation", "admin.enableAccount", { accountId: feng.accountId });
    expect((await call(url, "query", "auth.me", undefined, session)).error?.code).toBe("UNAUTHORIZED");
    expect((await call(url, "query", "auth.me", undefined, { bearer: token.token })).error?.code).toBe(
      "UNAUTHORIZED",
    );
    expect((await login("disabled-feng", feng.password)).error).toBeNull();
  });

  it("changing one's password needs the current one; other sessions and every token end, this session goes on", async () => {
    const chen = await newAccount("password-chen", ["head"], undefined, holderChosen);
    const here = await signIn(
      url,
      { agency: AGENCY, username: "password-chen", password: chen.password },
      freshAddress(),
    );
    const there = await signIn(
      url,
      { agency: AGENCY, username: "password-chen", password: chen.password },
      freshAddress(),
    );
    const token = (await call(url, "mutation", "auth.createToken", { name: "tui" }, here)).data as {
      token: string;
    };

    const wrong = await call(
      url,
      "mutation",
      "auth.changePassword",
      { currentPassword: "not-my-password", newPassword: "a brand new passphrase" },
      here,
    );
    expect(wrong.error).toMatchObject({ code: "UNAUTHORIZED", tag: "InvalidCredentials" });
    const changed = await call(
      url,
      "mutation",
      "auth.changePassword",
      { currentPassword: chen.password, newPassword: "a brand new passphrase" },
      here,
    );
    expect(changed.error).toBeNull();
    expect((await call(url, "query", "auth.me", undefined, here)).error).toBeNull();
    expect((await call(url, "query", "auth.me", undefined, there)).error?.code).toBe("UNAUTHORIZED");
    expect((await call(url, "query", "auth.me", undefined, { bearer: token.token })).error?.code).toBe(
      "UNAUTHORIZED",
    );
    expect((await login("password-chen", chen.password)).error?.tag).toBe("InvalidCredentials");
    expect((await login("password-chen", "a brand new passphrase")).error).toBeNull();
  });
});

describe("administration", () => {
  it("records every account change in the log with the administrator as actor, never a password", async () => {
    const he = await newAccount("audit-he", ["handler"]);
    await asAdmin("mutation", "admin.grantRoles", { accountId: he.accountId, roles: ["legal-officer"] });
    await asAdmin("mutation", "admin.revokeRoles", { accountId: he.accountId, roles: ["handler"] });
    const events = (await dump("events")).filter((e) => e.stream_id === `account/${he.accountId}`);
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["Account.Created", `account:${admin.accountId}`],
      ["Account.PasswordChanged", `account:${admin.accountId}`],
      ["Account.RolesChanged", `account:${admin.accountId}`],
      ["Account.RolesChanged", `account:${admin.accountId}`],
    ]);
    expect(JSON.parse(String(events[2]?.payload))).toMatchObject({ granted: ["legal-officer"], revoked: [] });
    expect(JSON.stringify(events)).not.toContain(he.password);
    expect(JSON.stringify(events)).not.toContain("argon2");
  });

  it("an administrator may not grant themselves a role, nor disable themselves", async () => {
    for (const [path, input] of [
      ["admin.grantRoles", { accountId: admin.accountId, roles: ["legal-officer"] }],
      ["admin.disableAccount", { accountId: admin.accountId }],
      ["admin.resetPassword", { accountId: admin.accountId }],
    ] as const) {
      const refused = await asAdmin("mutation", path, input);
      expect(refused.error).toMatchObject({ code: "FORBIDDEN", tag: "OwnAccountChange" });
    }
  });

  it("a username is taken once per agency; another agency's administrator neither sees nor reaches its accounts", async () => {
    const lv = await newAccount("taken-lv", ["handler"]);
    const again = await asAdmin("mutation", "admin.createAccount", { username: "TAKEN-LV", roles: [] });
    expect(again.error).toMatchObject({ code: "CONFLICT", tag: "UsernameTaken" });
    const missing = await asAdmin("mutation", "admin.grantRoles", {
      accountId: "00000000-0000-4000-8000-000000000000",
      roles: ["head"],
    });
    expect(missing.error).toMatchObject({ code: "NOT_FOUND", tag: "AccountNotFound" });

    await seedAccount(test.database, {
      agency: "other-msa",
      username: "taken-lv",
      password: "other-agency-passphrase",
      roles: ["admin"],
    });
    const other = await signIn(
      url,
      { agency: "other-msa", username: "taken-lv", password: "other-agency-passphrase" },
      freshAddress(),
    );
    const listed = await call(url, "query", "admin.listAccounts", undefined, other);
    expect((listed.data as Array<{ agencyId: string }>).map((a) => a.agencyId)).toEqual(["other-msa"]);
    const reach = await call(url, "mutation", "admin.disableAccount", { accountId: lv.accountId }, other);
    expect(reach.error).toMatchObject({ code: "NOT_FOUND", tag: "AccountNotFound" });
  });
});

/** Every row of a table, read beside the server. */
const dump = async (table: string) => {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(test.filename, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
};
