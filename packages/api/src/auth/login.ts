/**
 * Signing in: throttle first (per username, per address), then the password, then a new session. Every
 * failure, whatever its reason, is one `InvalidCredentials` at the same cost, so neither the answer nor
 * its timing tells whether the agency or the username exists or the account is disabled.
 */
import type { SqlError } from "@effect/sql/SqlError";
import {
  type Account,
  Accounts,
  type AgencyId,
  InvalidCredentials,
  LoginThrottle,
  type LoginThrottled,
  type OpenedSession,
  type ProjectionOutOfStep,
  Sessions,
  type Username,
} from "@liuhen/store";
import { Effect, Option, type Redacted } from "effect";

export interface LoginRequest {
  readonly agencyId: AgencyId;
  readonly username: Username;
  readonly password: Redacted.Redacted<string>;
  readonly address: string | null;
}

export interface LoggedIn {
  readonly account: Account;
  readonly session: OpenedSession;
}

export const login = (
  request: LoginRequest,
): Effect.Effect<
  LoggedIn,
  InvalidCredentials | LoginThrottled | ProjectionOutOfStep | SqlError,
  Accounts | Sessions | LoginThrottle
> =>
  Effect.gen(function* () {
    const throttle = yield* LoginThrottle;
    const accounts = yield* Accounts;
    const attempt = yield* throttle.begin({
      agencyId: request.agencyId,
      username: request.username,
      address: request.address,
    });
    const account = yield* accounts.authenticate(request.agencyId, request.username, request.password);
    if (Option.isNone(account)) {
      yield* throttle.settle(attempt, "failed");
      return yield* new InvalidCredentials();
    }
    yield* throttle.settle(attempt, "succeeded");
    const sessions = yield* Sessions;
    const session = yield* sessions.open({
      agencyId: request.agencyId,
      accountId: account.value.accountId,
      address: request.address,
    });
    return { account: account.value, session };
  });

/**
 * Checks the holder's current password before a change, under the same throttle as signing in: a stolen
 * session cannot be used to guess the password faster than the sign-in form allows.
 */
export const confirmPassword = (request: {
  readonly account: Account;
  readonly password: Redacted.Redacted<string>;
  readonly address: string | null;
}): Effect.Effect<void, InvalidCredentials | LoginThrottled | SqlError, Accounts | LoginThrottle> =>
  Effect.gen(function* () {
    const throttle = yield* LoginThrottle;
    const accounts = yield* Accounts;
    const attempt = yield* throttle.begin({
      agencyId: request.account.agencyId,
      username: request.account.username,
      address: request.address,
    });
    const matches = yield* accounts.checkPassword(
      request.account.agencyId,
      request.account.accountId,
      request.password,
    );
    yield* throttle.settle(attempt, matches ? "succeeded" : "failed");
    if (!matches) return yield* new InvalidCredentials();
  });
