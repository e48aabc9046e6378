/**
 * Who may call what, in process: the rules built once in `trpc.ts` (a caller, the CSRF token on cookie
 * changes, roles) and the account procedures over a real SQLite store. The HTTP side (cookies, headers, a
 * real port) is the server's test.
 */
import type { Role } from "@liuhen/domain";
import { Accounts, AgencyId, ApiTokens, PersonId, Username } from "@liuhen/store";
import { TRPCError } from "@trpc/server";
import { Effect, Redacted, Schema } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousContext,
  appRouter,
  contextFor,
  createCallerFactory,
  type PresentedCredentials,
} from "../src/index.js";
import { testServices } from "./support/services.js";

const { runtime, cleanUp } = testServices();
afterAll(cleanUp);
const callers = createCallerFactory(appRouter);
const agency = AgencyId.make("qianjiang-msa");

const makeAccount = (
  name: string,
  roles: ReadonlyArray<Role>,
  personId: string | null = `person-${name}`,
  mustChangePassword = false,
) =>
  runtime.runPromise(
    Effect.flatMap(Accounts, (accounts) =>
      accounts.create({
        agencyId: agency,
        username: Schema.decodeSync(Username)(name),
        personId: personId === null ? null : PersonId.make(personId),
        displayName: null,
        roles,
        password: Redacted.make(`${name}-password-1234`),
        mustChangePassword,
        actor: "operator:test",
      }),
    ),
  );

/** Signs in through `auth.login`, keeping what the procedure put in the cookie jar. */
const signIn = async (name: string, password = `${name}-password-1234`) => {
  let secret: string | null = null;
  const ctx = {
    ...anonymousContext(runtime, "10.1.1.1"),
    sessionCookie: {
      set: (value: Redacted.Redacted<string>) => {
        secret = Redacted.value(value);
      },
      clear: () => {},
    },
  };
  const result = await callers(ctx).auth.login({ agency, username: name, password });
  if (secret === null) throw new Error("login set no cookie");
  return { secret: secret as string, csrfToken: result.csrfToken };
};

const as = async (presented: Partial<PresentedCredentials>) =>
  callers(
    await contextFor({
      runtime,
      address: "10.1.1.1",
      presented: { sessionSecret: null, bearerToken: null, csrfHeader: null, ...presented },
      sessionCookie: { set: () => {}, clear: () => {} },
    }),
  );

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, tag: (error as TRPCError & { data?: { tag?: string } }).data?.tag };
};

beforeAll(async () => {
  await makeAccount("admin", ["admin"], "person-admin");
  await makeAccount("handler", ["handler"]);
});

describe("the rules built once in trpc.ts", () => {
  it("a protected procedure without a caller is UNAUTHORIZED", async () => {
    expect(await failure(callers(anonymousContext(runtime)).auth.me())).toEqual({
      code: "UNAUTHORIZED",
      tag: "Unauthenticated",
    });
  });

  it("a cookie change without the CSRF token, or with another, is FORBIDDEN; a query needs none", async () => {
    const { secret, csrfToken } = await signIn("handler");
    expect((await (await as({ sessionSecret: secret })).auth.me()).username).toBe("handler");
    for (const csrfHeader of [null, "not-the-token"]) {
      const caller = await as({ sessionSecret: secret, csrfHeader });
      expect(await failure(caller.auth.createToken({ name: "x" }))).toEqual({
        code: "FORBIDDEN",
        tag: "CsrfMismatch",
      });
    }
    const made = await (await as({ sessionSecret: secret, csrfHeader: csrfToken })).auth.createToken({
      name: "x",
    });
    // A bearer token needs no CSRF token.
    expect((await (await as({ bearerToken: made.token })).auth.createToken({ name: "y" })).name).toBe("y");
  });

  it("a caller whose password someone else set, even by bearer token, may call only me, changePassword and logout", async () => {
    const account = await makeAccount("given", ["admin"], "person-given", true);
    const issued = await runtime.runPromise(
      Effect.flatMap(ApiTokens, (tokens) =>
        tokens.issue({ agencyId: agency, accountId: account.accountId, name: "tui" }),
      ),
    );
    const bearer = await as({ bearerToken: Redacted.value(issued.token) });
    expect((await bearer.auth.me()).mustChangePassword).toBe(true);
    const refused = { code: "FORBIDDEN", tag: "PasswordChangeRequired" };
    expect(await failure(bearer.auth.listTokens())).toEqual(refused);
    // Checked before the role: an administrator is held back like anyone.
    expect(await failure(bearer.admin.listAccounts())).toEqual(refused);
    await bearer.auth.changePassword({
      currentPassword: "given-password-1234",
      newPassword: "given's own password",
    });
    // The change ends every token, this one too; a new sign-in may do everything its roles allow.
    const again = await as({ bearerToken: Redacted.value(issued.token) });
    expect(await failure(again.auth.me())).toEqual({ code: "UNAUTHORIZED", tag: "Unauthenticated" });
    const { secret } = await signIn("given", "given's own password");
    const after = await as({ sessionSecret: secret });
    expect((await after.auth.me()).mustChangePassword).toBe(false);
    expect((await after.admin.listAccounts()).length).toBeGreaterThan(0);
  });

  it("requireRole refuses a caller without the role with FORBIDDEN", async () => {
    const { secret } = await signIn("handler");
    expect(await failure((await as({ sessionSecret: secret })).admin.listAccounts())).toEqual({
      code: "FORBIDDEN",
      tag: "Forbidden",
    });
  });
});

describe("accounts", () => {
  it("an administrator may not change their own roles, nor make another account for themselves", async () => {
    const { secret, csrfToken } = await signIn("admin");
    const admin = await as({ sessionSecret: secret, csrfHeader: csrfToken });
    const me = await admin.auth.me();
    expect(
      await failure(admin.admin.grantRoles({ accountId: me.accountId, roles: ["legal-officer"] })),
    ).toEqual({
      code: "FORBIDDEN",
      tag: "OwnAccountChange",
    });
    expect(
      await failure(
        admin.admin.createAccount({ username: "admin2", personId: "person-admin", roles: ["head"] }),
      ),
    ).toEqual({ code: "FORBIDDEN", tag: "OwnAccountChange" });
    const made = await admin.admin.createAccount({
      username: "li",
      personId: "person-li",
      roles: ["legal-officer"],
    });
    expect(made.password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect((await signIn("li", made.password ?? "")).csrfToken).toHaveLength(43);
  });

  it("a wrong password and an unknown user fail alike", async () => {
    const anonymous = callers(anonymousContext(runtime, "10.9.9.9"));
    const wrong = await failure(
      anonymous.auth.login({ agency, username: "handler", password: "wrong-password!" }),
    );
    const unknown = await failure(
      anonymous.auth.login({ agency, username: "nobody", password: "wrong-password!" }),
    );
    expect(wrong).toEqual({ code: "UNAUTHORIZED", tag: "InvalidCredentials" });
    expect(unknown).toEqual(wrong);
  });
});
