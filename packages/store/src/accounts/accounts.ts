/**
 * Accounts: each change appended as an event to the account's stream (`account/<id>`) with every projection
 * updated in the same transaction, and the password's argon2id hash written to `credentials` in that
 * transaction too, so an account never exists without its password nor a password change without its event.
 *
 * Hashing (tens of milliseconds, on the thread pool) happens before the transaction, never while the agency's
 * log is locked.
 *
 * ```ts
 * const accounts = yield* Accounts;
 * const li = yield* accounts.create({
 *   agencyId, username: "liming", personId: "staff-0042", displayName: "李明",
 *   roles: ["legal-officer"], password, mustChangePassword: true, actor: "account:…",
 * });
 * ```
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import type { Role } from "@liuhen/domain";
import { Clock, Context, Effect, Layer, Option, type Redacted, Ref } from "effect";
import { EventLog } from "../event-log/event-log.js";
import type { AgencyId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import {
  type AccountEvent,
  AccountPasswordChanged,
  accountChange,
  accountStreamId,
  normaliseRoles,
  type PasswordChangeKind,
} from "./account-events.js";
import { AccountId, type DisplayName, type PersonId, type Username } from "./account-identifiers.js";
import { ACCOUNTS_PROJECTION, type Account, listAccounts, loadAccount } from "./account-projection.js";
import { AccountNotFound, NothingToChange, UsernameTaken } from "./errors.js";
import { PasswordHasher } from "./password-hashing.js";
import { revokeAccountAccess } from "./sessions.js";

export interface NewAccount {
  readonly agencyId: AgencyId;
  readonly username: Username;
  readonly personId: PersonId | null;
  readonly displayName: DisplayName | null;
  readonly roles: ReadonlyArray<Role>;
  readonly password: Redacted.Redacted<string>;
  /**
   * Whether the holder must change the password at the next sign-in: true whenever someone other than the
   * holder chose or saw it (an administrator, the operator), which is every account made through the API or
   * `liuhen admin`.
   */
  readonly mustChangePassword: boolean;
  /** Who makes the account: `account:<id>` of an administrator, `operator:<name>` for `liuhen admin`. */
  readonly actor: string;
}

/** A change to an existing account, made by `actor`. */
export interface AccountChange {
  readonly agencyId: AgencyId;
  readonly accountId: AccountId;
  readonly actor: string;
}

export type ChangeFailure = AccountNotFound | NothingToChange | AppendFailure | ProjectionError;

export interface AccountsService {
  readonly create: (
    account: NewAccount,
  ) => Effect.Effect<Account, UsernameTaken | AppendFailure | ProjectionError>;
  /** Grants and revokes roles in one event; fails with NothingToChange if the roles would stay as they are. */
  readonly changeRoles: (
    change: AccountChange & { readonly grant: ReadonlyArray<Role>; readonly revoke: ReadonlyArray<Role> },
  ) => Effect.Effect<Account, ChangeFailure>;
  /** Disables the account and revokes its sessions and tokens in the same transaction. */
  readonly disable: (
    change: AccountChange & { readonly reason: string | null },
  ) => Effect.Effect<Account, ChangeFailure>;
  readonly enable: (change: AccountChange) => Effect.Effect<Account, ChangeFailure>;
  /**
   * Sets a new password and records that it changed; revokes every session and token of the account but
   * `keepSession` (the one the holder changed it from). `mustChangePassword`: the holder must change it at
   * the next sign-in (true for a reset, which someone else saw; false for the holder's own change, which
   * clears it).
   */
  readonly setPassword: (
    change: AccountChange & {
      readonly password: Redacted.Redacted<string>;
      readonly how: PasswordChangeKind;
      readonly mustChangePassword: boolean;
      readonly keepSession?: string | undefined;
    },
  ) => Effect.Effect<Account, ChangeFailure>;
  /**
   * The active account these credentials open, if any. Whatever the reason for none (no such account, a
   * wrong password, a disabled account), it costs the same time, so timing tells nothing.
   */
  readonly authenticate: (
    agencyId: string,
    username: string,
    password: Redacted.Redacted<string>,
  ) => Effect.Effect<Option.Option<Account>, ProjectionOutOfStep | SqlError>;
  /** Whether `password` is the account's current one (for a holder changing it). */
  readonly checkPassword: (
    agencyId: string,
    accountId: AccountId,
    password: Redacted.Redacted<string>,
  ) => Effect.Effect<boolean, SqlError>;
  readonly find: (
    agencyId: string,
    accountId: string,
  ) => Effect.Effect<Option.Option<Account>, ProjectionOutOfStep | SqlError>;
  readonly findByUsername: (
    agencyId: string,
    username: string,
  ) => Effect.Effect<Option.Option<Account>, ProjectionOutOfStep | SqlError>;
  readonly list: (
    agencyId: AgencyId,
  ) => Effect.Effect<ReadonlyArray<Account>, ProjectionOutOfStep | SqlError>;
}

const HashRow = (row: unknown): Option.Option<string> =>
  typeof row === "object" &&
  row !== null &&
  typeof (row as { password_hash?: unknown }).password_hash === "string"
    ? Option.some((row as { password_hash: string }).password_hash)
    : Option.none();

export const makeAccounts = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
  hasher: Context.Tag.Service<PasswordHasher>,
): AccountsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const nowText = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString());

  const writeCredential = (agencyId: string, accountId: AccountId, hashed: string) =>
    Effect.flatMap(
      nowText,
      (at) => sql`INSERT INTO credentials ${sql.insert({
        agency_id: agencyId,
        account_id: accountId,
        password_hash: hashed,
        updated_at: at,
      })} ON CONFLICT (agency_id, account_id) DO UPDATE SET password_hash = excluded.password_hash,
        updated_at = excluded.updated_at`,
    );

  /**
   * Appends an account's events at `expectedVersion` with the projections (and `alongside`) in the same
   * transaction, and returns the account's row as that transaction left it.
   */
  const record = <E>(
    agencyId: AgencyId,
    accountId: AccountId,
    expectedVersion: number,
    events: ReadonlyArray<AccountEvent>,
    actor: string,
    alongside: Effect.Effect<void, E | SqlError, SqlClient.SqlClient>,
  ): Effect.Effect<Account, E | AppendFailure | ProjectionError> =>
    Effect.gen(function* () {
      const after = yield* Ref.make(Option.none<Account>());
      yield* log.append(
        {
          agencyId,
          streamId: accountStreamId(accountId),
          expectedVersion,
          events: events.map((event) => accountChange(event, actor)),
        },
        (recorded) =>
          Effect.gen(function* () {
            yield* alongside;
            yield* projections.project(recorded);
            // Read inside the transaction: this change's row, no later one.
            const row = yield* loadAccount(agencyId, { by: "id", accountId });
            if (Option.isNone(row)) {
              return yield* new ProjectionOutOfStep({
                projection: ACCOUNTS_PROJECTION,
                agencyId,
                streamId: accountStreamId(accountId),
                detail: "no row after the change: is the accounts projection registered?",
              });
            }
            yield* Ref.set(after, row);
          }),
      );
      return yield* Effect.flatMap(
        Ref.get(after),
        Option.match({
          onNone: () => Effect.dieMessage("an account change committed without its row"),
          onSome: Effect.succeed,
        }),
      );
    });

  const existing = (agencyId: AgencyId, accountId: AccountId) =>
    Effect.flatMap(
      withSql(loadAccount(agencyId, { by: "id", accountId })),
      Option.match({
        onNone: () => Effect.fail(new AccountNotFound({ agencyId, account: accountId })),
        onSome: Effect.succeed,
      }),
    );

  const create: AccountsService["create"] = (account) =>
    Effect.gen(function* () {
      const accountId = AccountId.make(randomUUID());
      const hashed = yield* hasher.hash(account.password);
      const created: AccountEvent = {
        _tag: "AccountCreated",
        accountId,
        username: account.username,
        personId: account.personId,
        displayName: account.displayName,
        roles: normaliseRoles(account.roles),
      };
      return yield* record(
        account.agencyId,
        accountId,
        0,
        [
          created,
          AccountPasswordChanged.make({
            accountId,
            how: "initial",
            mustChange: account.mustChangePassword,
          }),
        ],
        account.actor,
        Effect.gen(function* () {
          // Appends of one agency are serialised (the log's head row lock), so this check cannot race.
          const taken = yield* loadAccount(account.agencyId, { by: "username", username: account.username });
          if (Option.isSome(taken)) {
            return yield* new UsernameTaken({ agencyId: account.agencyId, username: account.username });
          }
          yield* writeCredential(account.agencyId, accountId, hashed);
        }),
      );
    });

  const changeRoles: AccountsService["changeRoles"] = ({ agencyId, accountId, actor, grant, revoke }) =>
    Effect.gen(function* () {
      const account = yield* existing(agencyId, accountId);
      const granted = normaliseRoles(grant).filter((role) => !account.roles.includes(role));
      const revoked = normaliseRoles(revoke).filter((role) => account.roles.includes(role));
      if (granted.length === 0 && revoked.length === 0) {
        return yield* new NothingToChange({
          detail: `${account.username} already holds exactly those roles (${account.roles.join(", ") || "none"})`,
        });
      }
      const roles = normaliseRoles([...account.roles.filter((r) => !revoked.includes(r)), ...granted]);
      return yield* record(
        agencyId,
        accountId,
        account.version,
        [{ _tag: "AccountRolesChanged", accountId, granted, revoked, roles }],
        actor,
        Effect.void,
      );
    });

  const disable: AccountsService["disable"] = ({ agencyId, accountId, actor, reason }) =>
    Effect.gen(function* () {
      const account = yield* existing(agencyId, accountId);
      if (account.status === "disabled") {
        return yield* new NothingToChange({ detail: `${account.username} is disabled already` });
      }
      return yield* record(
        agencyId,
        accountId,
        account.version,
        [{ _tag: "AccountDisabled", accountId, reason }],
        actor,
        revokeAccountAccess(agencyId, accountId),
      );
    });

  const enable: AccountsService["enable"] = ({ agencyId, accountId, actor }) =>
    Effect.gen(function* () {
      const account = yield* existing(agencyId, accountId);
      if (account.status === "active") {
        return yield* new NothingToChange({ detail: `${account.username} is active already` });
      }
      return yield* record(
        agencyId,
        accountId,
        account.version,
        [{ _tag: "AccountEnabled", accountId }],
        actor,
        Effect.void,
      );
    });

  const setPassword: AccountsService["setPassword"] = ({
    agencyId,
    accountId,
    actor,
    password,
    how,
    mustChangePassword,
    keepSession,
  }) =>
    Effect.gen(function* () {
      const account = yield* existing(agencyId, accountId);
      const hashed = yield* hasher.hash(password);
      return yield* record(
        agencyId,
        accountId,
        account.version,
        [AccountPasswordChanged.make({ accountId, how, mustChange: mustChangePassword })],
        actor,
        Effect.zipRight(
          writeCredential(agencyId, accountId, hashed),
          revokeAccountAccess(agencyId, accountId, { exceptSession: keepSession }),
        ),
      );
    });

  const storedHash = (agencyId: string, accountId: string) =>
    Effect.map(
      sql`SELECT password_hash FROM credentials WHERE agency_id = ${agencyId} AND account_id = ${accountId}`,
      (rows) => Option.flatMap(Option.fromNullable(rows[0]), HashRow),
    );

  const authenticate: AccountsService["authenticate"] = (agencyId, username, password) =>
    Effect.gen(function* () {
      const account = yield* withSql(loadAccount(agencyId, { by: "username", username }));
      const hashed = Option.isSome(account)
        ? yield* storedHash(agencyId, account.value.accountId)
        : Option.none();
      const matches = Option.isSome(hashed)
        ? yield* hasher.verify(hashed.value, password)
        : yield* hasher.verifyNothing(password);
      return matches ? Option.filter(account, (a) => a.status === "active") : Option.none();
    });

  const checkPassword: AccountsService["checkPassword"] = (agencyId, accountId, password) =>
    Effect.flatMap(
      storedHash(agencyId, accountId),
      Option.match({
        onNone: () => hasher.verifyNothing(password),
        onSome: (hashed) => hasher.verify(hashed, password),
      }),
    );

  return {
    create,
    changeRoles,
    disable,
    enable,
    setPassword,
    authenticate,
    checkPassword,
    find: (agencyId, accountId) => withSql(loadAccount(agencyId, { by: "id", accountId })),
    findByUsername: (agencyId, username) => withSql(loadAccount(agencyId, { by: "username", username })),
    list: (agencyId) => withSql(listAccounts(agencyId)),
  };
};

export class Accounts extends Context.Tag("@liuhen/store/Accounts")<Accounts, AccountsService>() {
  static readonly layer: Layer.Layer<
    Accounts,
    never,
    EventLog | Projections | PasswordHasher | SqlClient.SqlClient
  > = Layer.effect(
    Accounts,
    Effect.gen(function* () {
      return makeAccounts(
        yield* SqlClient.SqlClient,
        yield* EventLog,
        yield* Projections,
        yield* PasswordHasher,
      );
    }),
  );
}
