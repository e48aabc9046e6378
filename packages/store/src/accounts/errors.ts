/** What can go wrong with accounts and signing in, as values. */
import { Schema } from "effect";

/** Another account of the agency already has this username. Nothing was written. */
export class UsernameTaken extends Schema.TaggedError<UsernameTaken>()("UsernameTaken", {
  agencyId: Schema.String,
  username: Schema.String,
}) {
  override get message(): string {
    return `${this.agencyId} already has an account called ${this.username}`;
  }
}

export class AccountNotFound extends Schema.TaggedError<AccountNotFound>()("AccountNotFound", {
  agencyId: Schema.String,
  account: Schema.String,
}) {
  override get message(): string {
    return `${this.agencyId} has no account ${this.account}`;
  }
}

/**
 * Signing in failed. One error, whatever the reason (no such agency, no such user, a wrong password, a
 * disabled account), so a caller cannot learn which accounts exist.
 */
export class InvalidCredentials extends Schema.TaggedError<InvalidCredentials>()("InvalidCredentials", {}) {
  override get message(): string {
    return "the agency, username or password is wrong";
  }
}

/** Too many failed sign-ins for this username or from this address within the window. */
export class LoginThrottled extends Schema.TaggedError<LoginThrottled>()("LoginThrottled", {
  retryAfterSeconds: Schema.Number,
}) {
  override get message(): string {
    return `too many failed attempts; try again in ${this.retryAfterSeconds} s`;
  }
}

/** No API token of the caller has this id (or it was revoked already). */
export class TokenNotFound extends Schema.TaggedError<TokenNotFound>()("TokenNotFound", {
  tokenId: Schema.String,
}) {
  override get message(): string {
    return `no live token ${this.tokenId}`;
  }
}

/**
 * A change an administrator may not make to their own account (or to another account of the same person):
 * their own roles, or disabling themselves. Another administrator, or the operator through `liuhen admin`,
 * makes it, and the log records who.
 */
export class OwnAccountChange extends Schema.TaggedError<OwnAccountChange>()("OwnAccountChange", {
  change: Schema.String,
}) {
  override get message(): string {
    return `an administrator may not ${this.change} on their own account; ask another administrator`;
  }
}

/** The change asks for nothing the account does not already have (granting a held role, say). */
export class NothingToChange extends Schema.TaggedError<NothingToChange>()("NothingToChange", {
  detail: Schema.String,
}) {
  override get message(): string {
    return this.detail;
  }
}
