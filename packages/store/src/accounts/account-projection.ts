/**
 * The `accounts` projection: one row per account, derived from its `Account.*` events alone (every column,
 * the times included, comes from the events), so a rebuild from the log reproduces it row for row. Roles are
 * kept as canonical JSON text in `ROLES` order.
 *
 * The row is what signing in, the caller's roles and the administrators' list read. A disabled account's row
 * says so, and the server refuses its sessions and tokens on every request. `must_change_password` is the
 * `mustChange` of the account's last `Account.PasswordChanged`: while it is set, the server lets the holder
 * do nothing but change the password (or see who they are, or sign out).
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Role } from "@liuhen/domain";
import { Effect, Match, Option, Schema } from "effect";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId } from "../event-log/identifiers.js";
import { canonicalJson } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  type AccountEvent,
  accountStreamId,
  decodeAccountEvent,
  isAccountEvent,
  normaliseRoles,
} from "./account-events.js";
import { AccountId, DisplayName, PersonId, Username } from "./account-identifiers.js";

export const ACCOUNTS_PROJECTION = "accounts";

export const AccountStatus = Schema.Literal("active", "disabled");

/** A 0/1 integer column as a boolean (PostgreSQL and SQLite alike; see migration `0006_password_change`). */
const DbFlag = Schema.transform(Schema.Literal(0, 1), Schema.Boolean, {
  strict: true,
  decode: (flag) => flag === 1,
  encode: (flag) => (flag ? 1 : 0),
});
const flagColumn = (flag: boolean) => (flag ? 1 : 0);
export type AccountStatus = typeof AccountStatus.Type;

/** An account as its row holds it; no secret is part of it. */
export const Account = Schema.Struct({
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  accountId: Schema.propertySignature(AccountId).pipe(Schema.fromKey("account_id")),
  username: Username,
  personId: Schema.propertySignature(Schema.NullOr(PersonId)).pipe(Schema.fromKey("person_id")),
  displayName: Schema.propertySignature(Schema.NullOr(DisplayName)).pipe(Schema.fromKey("display_name")),
  roles: Schema.parseJson(Schema.Array(Role)),
  status: AccountStatus,
  passwordChangedAt: Schema.propertySignature(Schema.NullOr(Schema.String)).pipe(
    Schema.fromKey("password_changed_at"),
  ),
  /** Someone other than the holder set the password: the holder must change it before anything else. */
  mustChangePassword: Schema.propertySignature(DbFlag).pipe(Schema.fromKey("must_change_password")),
  createdAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("created_at")),
  updatedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("updated_at")),
  /** The stream version of the last change: what the next change's `expectedVersion` must be. */
  version: DbInt,
});
export type Account = typeof Account.Type;

const COLUMNS =
  "agency_id, account_id, username, person_id, display_name, roles, status, password_changed_at, must_change_password, created_at, updated_at, version";

const { outOfStep, decodeRows, checkStream, checkVersion } = projectionRows(ACCOUNTS_PROJECTION);
const decodeAccounts = decodeRows(Account, "an account row");

type Lookup =
  | { readonly by: "id"; readonly accountId: string }
  | { readonly by: "username"; readonly username: string };

/** One account of an agency, by id or by username. */
export const loadAccount = (
  agencyId: string,
  lookup: Lookup,
): Effect.Effect<Option.Option<Account>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows =
      lookup.by === "id"
        ? yield* sql`SELECT ${sql.literal(COLUMNS)} FROM accounts
            WHERE agency_id = ${agencyId} AND account_id = ${lookup.accountId}`
        : yield* sql`SELECT ${sql.literal(COLUMNS)} FROM accounts
            WHERE agency_id = ${agencyId} AND username = ${lookup.username}`;
    const [account] = yield* decodeAccounts(
      agencyId,
      lookup.by === "id" ? lookup.accountId : lookup.username,
    )(rows);
    return Option.fromNullable(account);
  });

/** Every account of an agency, by username. */
export const listAccounts = (
  agencyId: AgencyId,
): Effect.Effect<ReadonlyArray<Account>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`SELECT ${sql.literal(COLUMNS)} FROM accounts WHERE agency_id = ${agencyId} ORDER BY username`.pipe(
      Effect.flatMap(decodeAccounts(agencyId, "(all accounts)")),
    ),
  );

const rolesText = (roles: ReadonlyArray<Role>) => canonicalJson([...normaliseRoles(roles)]);

/** Brings an account's row up to date with one of its events. */
const applyAccountEvent = (
  event: RecordedEvent,
  change: AccountEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      accountStreamId(change.accountId),
      `changes account ${change.accountId} from another account's stream`,
    );
    const current = yield* loadAccount(event.agencyId, { by: "id", accountId: change.accountId });
    yield* checkVersion(event, current);
    if (change._tag === "AccountCreated") {
      if (Option.isSome(current)) {
        return yield* outOfStep(event.agencyId, event.streamId, `account ${change.accountId} exists already`);
      }
      yield* sql`INSERT INTO accounts ${sql.insert({
        agency_id: event.agencyId,
        account_id: change.accountId,
        username: change.username,
        person_id: change.personId,
        display_name: change.displayName,
        roles: rolesText(change.roles),
        status: "active",
        password_changed_at: null,
        must_change_password: flagColumn(false),
        created_at: event.occurredAt,
        updated_at: event.occurredAt,
        version: event.streamVersion,
      })}`;
      return;
    }
    if (Option.isNone(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} changes account ${change.accountId}, which was never created`,
      );
    }
    const set = Match.value(change).pipe(
      Match.tagsExhaustive({
        AccountRolesChanged: (c) => sql`roles = ${rolesText(c.roles)}`,
        AccountDisabled: () => sql`status = ${"disabled"}`,
        AccountEnabled: () => sql`status = ${"active"}`,
        AccountPasswordChanged: (c) =>
          sql`password_changed_at = ${event.occurredAt}, must_change_password = ${flagColumn(c.mustChange)}`,
      }),
    );
    yield* sql`UPDATE accounts SET ${set}, updated_at = ${event.occurredAt}, version = ${event.streamVersion}
      WHERE agency_id = ${event.agencyId} AND account_id = ${change.accountId}`;
  });

/** The accounts projection, ready for `Projections.layer` (next to the proceeding projections). */
export const accountsProjection: ProjectionDefinition = {
  name: ACCOUNTS_PROJECTION,
  tables: ["accounts"],
  apply: (event) =>
    isAccountEvent(event)
      ? Effect.flatMap(decodeAccountEvent(event), (change) => applyAccountEvent(event, change))
      : Effect.void,
};
