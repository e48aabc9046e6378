/**
 * Account management and the agency's holiday calendar, for the agency's administrators only
 * (`requireRole("admin")`), within their own agency. Administrators manage accounts and the calendar and read
 * no case content: nothing here touches a proceeding.
 *
 * Every change is an event in the agency's log with the administrator as its actor, so who granted whom
 * which role is part of the verifiable record. An administrator may not change their own roles, disable or
 * reset their own account, nor do so to (or make) another account of the same person: a case-reading role
 * for themselves takes a second administrator, or the operator through `liuhen admin`, and the log shows
 * who.
 *
 * A password an administrator sets or resets is one they have seen: its holder must change it at the next
 * sign-in (`mustChangePassword`), and until then may do nothing else.
 */
import { Role } from "@liuhen/domain";
import {
  type Account,
  AccountId,
  Accounts,
  DisplayName,
  generatePassword,
  HolidayYears,
  OwnAccountChange,
  Password,
  PersonId,
  Username,
} from "@liuhen/store";
import { Effect, Option, Redacted, Schema } from "effect";
import { holidayYearView } from "../calendar/holiday-year-view.js";
import type { Caller } from "../context.js";
import { input, requireRole, router, run } from "../trpc.js";
import { accountView } from "./auth.js";

const adminProcedure = requireRole("admin");

const RoleList = Schema.Array(Role);
const SomeRoles = RoleList.pipe(Schema.minItems(1, { message: () => "name at least one role" }));

const actorOf = (caller: Caller) => `account:${caller.accountId}`;

/** The target account, refused if it is the caller's own or belongs to the same person. */
const othersAccount = (caller: Caller, accountId: AccountId, change: string) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts;
    const account = yield* accounts.find(caller.agencyId, accountId);
    if (Option.isSome(account) && isOwn(caller, account.value)) {
      return yield* new OwnAccountChange({ change });
    }
    return account;
  });

const isOwn = (caller: Caller, account: Account) =>
  account.accountId === caller.accountId ||
  (caller.personId !== null && account.personId === caller.personId);

export const adminRouter = router({
  /** The agency's accounts: names, roles, status and dates; no case content, no secret. */
  listAccounts: adminProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.flatMap(Accounts, (accounts) => accounts.list(ctx.caller.agencyId)),
    ).then((accounts) => accounts.map(accountView)),
  ),

  /**
   * A new account in the administrator's agency. Without a password one is generated; either way it is in
   * this answer only once.
   */
  createAccount: adminProcedure
    .input(
      input(
        Schema.Struct({
          username: Username,
          personId: Schema.optionalWith(Schema.NullOr(PersonId), { default: () => null }),
          displayName: Schema.optionalWith(Schema.NullOr(DisplayName), { default: () => null }),
          roles: RoleList,
          password: Schema.optional(Password),
        }),
      ),
    )
    .mutation(async ({ ctx, input: request }) => {
      const { caller } = ctx;
      const password = request.password ?? generatePassword();
      const account = await run(
        ctx,
        Effect.gen(function* () {
          if (caller.personId !== null && request.personId === caller.personId) {
            return yield* new OwnAccountChange({ change: "make another account for oneself" });
          }
          const accounts = yield* Accounts;
          return yield* accounts.create({
            agencyId: caller.agencyId,
            username: request.username,
            personId: request.personId,
            displayName: request.displayName,
            roles: request.roles,
            password,
            mustChangePassword: true,
            actor: actorOf(caller),
          });
        }),
      );
      return {
        account: accountView(account),
        password: request.password === undefined ? Redacted.value(password) : null,
      };
    }),

  grantRoles: adminProcedure
    .input(input(Schema.Struct({ accountId: AccountId, roles: SomeRoles })))
    .mutation(({ ctx, input: { accountId, roles } }) =>
      run(
        ctx,
        Effect.gen(function* () {
          yield* othersAccount(ctx.caller, accountId, "grant roles");
          const accounts = yield* Accounts;
          return yield* accounts.changeRoles({
            agencyId: ctx.caller.agencyId,
            accountId,
            actor: actorOf(ctx.caller),
            grant: roles,
            revoke: [],
          });
        }),
      ).then(accountView),
    ),

  revokeRoles: adminProcedure
    .input(input(Schema.Struct({ accountId: AccountId, roles: SomeRoles })))
    .mutation(({ ctx, input: { accountId, roles } }) =>
      run(
        ctx,
        Effect.gen(function* () {
          yield* othersAccount(ctx.caller, accountId, "revoke roles");
          const accounts = yield* Accounts;
          return yield* accounts.changeRoles({
            agencyId: ctx.caller.agencyId,
            accountId,
            actor: actorOf(ctx.caller),
            grant: [],
            revoke: roles,
          });
        }),
      ).then(accountView),
    ),

  /** Disables an account: it cannot sign in, and its sessions and tokens end at once. */
  disableAccount: adminProcedure
    .input(
      input(
        Schema.Struct({
          accountId: AccountId,
          reason: Schema.optionalWith(Schema.NullOr(Schema.String.pipe(Schema.maxLength(500))), {
            default: () => null,
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: { accountId, reason } }) =>
      run(
        ctx,
        Effect.gen(function* () {
          yield* othersAccount(ctx.caller, accountId, "disable the account");
          const accounts = yield* Accounts;
          return yield* accounts.disable({
            agencyId: ctx.caller.agencyId,
            accountId,
            actor: actorOf(ctx.caller),
            reason,
          });
        }),
      ).then(accountView),
    ),

  enableAccount: adminProcedure
    .input(input(Schema.Struct({ accountId: AccountId })))
    .mutation(({ ctx, input: { accountId } }) =>
      run(
        ctx,
        Effect.flatMap(Accounts, (accounts) =>
          accounts.enable({ agencyId: ctx.caller.agencyId, accountId, actor: actorOf(ctx.caller) }),
        ),
      ).then(accountView),
    ),

  /**
   * A generated password for someone who lost theirs, shown once; their sessions and tokens end. The log
   * records the reset and who made it.
   */
  resetPassword: adminProcedure
    .input(input(Schema.Struct({ accountId: AccountId })))
    .mutation(async ({ ctx, input: { accountId } }) => {
      const password = generatePassword();
      const account = await run(
        ctx,
        Effect.gen(function* () {
          yield* othersAccount(ctx.caller, accountId, "reset the password (use auth.changePassword)");
          const accounts = yield* Accounts;
          return yield* accounts.setPassword({
            agencyId: ctx.caller.agencyId,
            accountId,
            actor: actorOf(ctx.caller),
            password,
            how: "reset",
            mustChangePassword: true,
          });
        }),
      );
      return { account: accountView(account), password: Redacted.value(password) };
    }),

  /** Every year of the agency's holiday calendar, released with Liuhen or added, each with its notice. */
  holidayYears: adminProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.flatMap(HolidayYears, (years) => years.list(ctx.caller.agencyId)),
    ).then((years) => years.map(holidayYearView)),
  ),

  /**
   * Adds a year's holiday arrangement from its State Council notice (the JSON of the domain's `HolidayYear`),
   * counted for the agency's periods from the next request on. A year the calendar has already is replaced
   * only with `reason`, which the log keeps with what was replaced. A bad year is refused naming its field.
   */
  addHolidayYear: adminProcedure
    .input(
      input(
        Schema.Struct({
          year: Schema.Unknown,
          reason: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
        }),
      ),
    )
    .mutation(({ ctx, input: { year, reason } }) =>
      run(
        ctx,
        Effect.flatMap(HolidayYears, (years) =>
          years.add({ agencyId: ctx.caller.agencyId, year, reason, actor: actorOf(ctx.caller) }),
        ),
      ).then(holidayYearView),
    ),
});
