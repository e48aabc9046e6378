/**
 * An account's life as events in the agency's log (全程留痕，有据可查): created, roles changed, disabled,
 * enabled, password changed. They are hashed into the agency's tree like every case step, so who granted
 * whom which role, and when, can be verified offline (`liuhen verify`). Who made each change is the
 * envelope's `actor`.
 *
 * Secrets never enter the log: `Account.PasswordChanged` records that a password changed, how, and whether its
 * holder must change it at the next sign-in; never the hash, which lives in `credentials`.
 *
 * Stream: `account/<accountId>`.
 */
import { ROLES, Role } from "@liuhen/domain";
import { Schema } from "effect";
import { eventFamily } from "../event-log/event-family.js";
import { AccountId, DisplayName, PersonId, Username } from "./account-identifiers.js";

/** Roles as a set: each once, in the order `ROLES` lists them, so equal sets encode alike. */
export const RoleSet = Schema.transform(Schema.Array(Role), Schema.Array(Role), {
  strict: true,
  decode: (roles) => normaliseRoles(roles),
  encode: (roles) => roles,
});

export const normaliseRoles = (roles: ReadonlyArray<Role>): ReadonlyArray<Role> =>
  ROLES.filter((role) => roles.includes(role));

export const AccountCreated = Schema.TaggedStruct("AccountCreated", {
  accountId: AccountId,
  username: Username,
  personId: Schema.NullOr(PersonId),
  displayName: Schema.NullOr(DisplayName),
  roles: RoleSet,
});
export type AccountCreated = typeof AccountCreated.Type;

/** Roles granted and revoked in one change, and the roles held after it. */
export const AccountRolesChanged = Schema.TaggedStruct("AccountRolesChanged", {
  accountId: AccountId,
  granted: RoleSet,
  revoked: RoleSet,
  roles: RoleSet,
});
export type AccountRolesChanged = typeof AccountRolesChanged.Type;

export const AccountDisabled = Schema.TaggedStruct("AccountDisabled", {
  accountId: AccountId,
  reason: Schema.NullOr(Schema.String.pipe(Schema.maxLength(500))),
});
export type AccountDisabled = typeof AccountDisabled.Type;

export const AccountEnabled = Schema.TaggedStruct("AccountEnabled", { accountId: AccountId });
export type AccountEnabled = typeof AccountEnabled.Type;

/**
 * How a password came to change: set when the account was made, changed by its holder, or reset by an
 * administrator or operator (whoever the envelope's actor is).
 */
export const PasswordChangeKind = Schema.Literal("initial", "changed-by-holder", "reset");
export type PasswordChangeKind = typeof PasswordChangeKind.Type;

/**
 * `mustChange`: the password was set by someone other than its holder (an administrator or the operator saw
 * it), so the holder must change it before doing anything else. Events written before the field existed
 * lack it and decode as `false`: the log is immutable and hashed, so their stored payloads stay as written.
 */
export const AccountPasswordChanged = Schema.TaggedStruct("AccountPasswordChanged", {
  accountId: AccountId,
  how: PasswordChangeKind,
  mustChange: Schema.optionalWith(Schema.Boolean, { default: () => false }),
});
export type AccountPasswordChanged = typeof AccountPasswordChanged.Type;

export const AccountEvent = Schema.Union(
  AccountCreated,
  AccountRolesChanged,
  AccountDisabled,
  AccountEnabled,
  AccountPasswordChanged,
);
export type AccountEvent = typeof AccountEvent.Type;
export type AccountEventTag = AccountEvent["_tag"];

export const ACCOUNT_EVENT_PREFIX = "Account.";

const accountEvents = eventFamily({
  what: "account change",
  payload: AccountEvent,
  prefix: ACCOUNT_EVENT_PREFIX,
  names: {
    AccountCreated: "Account.Created",
    AccountRolesChanged: "Account.RolesChanged",
    AccountDisabled: "Account.Disabled",
    AccountEnabled: "Account.Enabled",
    AccountPasswordChanged: "Account.PasswordChanged",
  },
  // Account changes rest on no article, so they cite none.
  citations: [],
});

export const {
  types: accountEventTypes,
  change: accountChange,
  is: isAccountEvent,
  decode: decodeAccountEvent,
} = accountEvents;

export const accountStreamId = (accountId: AccountId): string => `account/${accountId}`;
