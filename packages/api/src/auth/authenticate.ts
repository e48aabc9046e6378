/**
 * Who is asking: from the bearer token (the terminal UI) or the session cookie (the web), whichever the
 * request presents; a request with an `Authorization` header is judged by it alone. A token or session
 * that is unknown, expired or revoked, or whose account is disabled or gone, makes an anonymous request:
 * the account is read on every request, so disabling it ends its sessions and tokens at once.
 */
import type { SqlError } from "@effect/sql/SqlError";
import {
  type Account,
  AccountNotFound,
  Accounts,
  ApiTokens,
  type ProjectionOutOfStep,
  Sessions,
  sameSecret,
} from "@liuhen/store";
import { Effect, Exit, Option, Redacted } from "effect";
import type { ApiContext, Caller, Credential, CsrfCheck, SessionCookieJar } from "../context.js";
import { fromCause } from "../errors/to-trpc-error.js";

/** What a request presents, as the server read it from its headers. */
export interface PresentedCredentials {
  /** The `liuhen_session` cookie's value. */
  readonly sessionSecret: string | null;
  /** The token of `Authorization: Bearer …`; an empty string for a malformed header. */
  readonly bearerToken: string | null;
  /** The `x-liuhen-csrf` header. */
  readonly csrfHeader: string | null;
}

export interface Authentication {
  readonly caller: Caller;
  readonly credential: Credential;
  readonly account: Account;
}

export const callerOf = (account: Account): Caller => ({
  accountId: account.accountId,
  agencyId: account.agencyId,
  personId: account.personId,
  roles: account.roles,
  mustChangePassword: account.mustChangePassword,
});

const activeAccount = (agencyId: string, accountId: string) =>
  Effect.flatMap(Accounts, (accounts) =>
    Effect.map(
      accounts.find(agencyId, accountId),
      Option.filter((a) => a.status === "active"),
    ),
  );

const csrfCheck = (expected: string, presented: string | null): CsrfCheck =>
  presented === null || presented === "" ? "missing" : sameSecret(expected, presented) ? "matches" : "wrong";

export const authenticate = (
  presented: PresentedCredentials,
): Effect.Effect<
  Option.Option<Authentication>,
  SqlError | ProjectionOutOfStep,
  Accounts | Sessions | ApiTokens
> =>
  Effect.gen(function* () {
    if (presented.bearerToken !== null) {
      const tokens = yield* ApiTokens;
      const token = yield* tokens.resolve(Redacted.make(presented.bearerToken));
      if (Option.isNone(token)) return Option.none();
      const account = yield* activeAccount(token.value.agencyId, token.value.accountId);
      return Option.map(account, (a) => ({
        caller: callerOf(a),
        credential: { kind: "token", tokenId: token.value.tokenId },
        account: a,
      }));
    }
    if (presented.sessionSecret !== null) {
      const sessions = yield* Sessions;
      const session = yield* sessions.resolve(Redacted.make(presented.sessionSecret));
      if (Option.isNone(session)) return Option.none();
      const account = yield* activeAccount(session.value.agencyId, session.value.accountId);
      return Option.map(account, (a) => ({
        caller: callerOf(a),
        credential: {
          kind: "session",
          key: session.value.key,
          csrfToken: session.value.csrfToken,
          csrf: csrfCheck(session.value.csrfToken, presented.csrfHeader),
        },
        account: a,
      }));
    }
    return Option.none();
  });

/** The caller's own account as it stands now (it may have changed since the request was authenticated). */
export const callerAccount = (
  caller: Caller,
): Effect.Effect<Account, AccountNotFound | ProjectionOutOfStep | SqlError, Accounts> =>
  Effect.flatMap(Accounts, (accounts) =>
    Effect.flatMap(
      accounts.find(caller.agencyId, caller.accountId),
      Option.match({
        onNone: () =>
          Effect.fail(new AccountNotFound({ agencyId: caller.agencyId, account: caller.accountId })),
        onSome: Effect.succeed,
      }),
    ),
  );

/**
 * The context of one request: who presented what, resolved against the store. The server calls it from its
 * `createContext` with what it read from the request's headers; a failure to read the store fails the
 * request as an internal error.
 */
export const contextFor = async (request: {
  readonly runtime: ApiContext["runtime"];
  readonly address: string | null;
  readonly presented: PresentedCredentials;
  readonly sessionCookie: SessionCookieJar;
}): Promise<ApiContext> => {
  const exit = await request.runtime.runPromiseExit(authenticate(request.presented));
  if (Exit.isFailure(exit)) throw fromCause(exit.cause);
  const authentication = Option.getOrNull(exit.value);
  return {
    runtime: request.runtime,
    address: request.address,
    caller: authentication?.caller ?? null,
    credential: authentication?.credential ?? null,
    sessionCookie: request.sessionCookie,
  };
};
