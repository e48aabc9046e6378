/**
 * Signing in and out, who am I, API tokens for the terminal UI, and changing one's own password.
 *
 * - `login` (anyone): a new session in an httpOnly, SameSite=Strict cookie, and the session's CSRF token,
 *   which the page sends back in `x-liuhen-csrf` with every change. Throttled per username and address.
 * - `logout`, `me`, `createToken`, `revokeToken`, `listTokens`, `changePassword`: any signed-in caller, for
 *   their own account only.
 *
 * A caller whose password someone else set (an administrator making the account or resetting it, the
 * operator through `liuhen admin`) is told so by `login` and `me` (`mustChangePassword: true`) and may call
 * only `me`, `changePassword` and `logout` until they change it; `trpc.ts` refuses the rest.
 */
import type { Role } from "@liuhen/domain";
import {
  type Account,
  Accounts,
  AgencyId,
  ApiTokens,
  OfferedPassword,
  Password,
  Sessions,
  TokenId,
  TokenName,
  Username,
} from "@liuhen/store";
import { Effect, Redacted, Schema } from "effect";
import { callerAccount } from "../auth/authenticate.js";
import { PasswordUnchanged } from "../auth/errors.js";
import { confirmPassword, login } from "../auth/login.js";
import type { Credential } from "../context.js";
import { input, protectedProcedure, publicProcedure, router, run, signedInProcedure } from "../trpc.js";

/** An account as its holder and administrators see it: no secret, no case content. */
export const accountView = (account: Account) => ({
  accountId: account.accountId,
  agencyId: account.agencyId,
  username: account.username,
  displayName: account.displayName,
  personId: account.personId,
  roles: [...account.roles] as Array<Role>,
  status: account.status,
  createdAt: account.createdAt,
  passwordChangedAt: account.passwordChangedAt,
  /** Someone else set the password: its holder must change it before anything else. */
  mustChangePassword: account.mustChangePassword,
});

export const LoginInput = Schema.Struct({
  agency: AgencyId,
  username: Username,
  password: OfferedPassword,
});

const via = (credential: Credential) => credential.kind;

export const authRouter = router({
  login: publicProcedure.input(input(LoginInput)).mutation(async ({ ctx, input: request }) => {
    const { account, session } = await run(
      ctx,
      login({
        agencyId: request.agency,
        username: request.username,
        password: request.password,
        address: ctx.address,
      }),
    );
    ctx.sessionCookie.set(session.secret, session.maxAgeSeconds);
    return {
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      // Where a client sends the user next: the change form, while someone else's password is in force.
      mustChangePassword: account.mustChangePassword,
      account: accountView(account),
    };
  }),

  /** Ends the session (or revokes the token) the request came with. */
  logout: signedInProcedure.mutation(async ({ ctx }) => {
    const { credential, caller } = ctx;
    await run(
      ctx,
      credential.kind === "session"
        ? Effect.flatMap(Sessions, (sessions) => sessions.revoke(credential.key))
        : Effect.flatMap(ApiTokens, (tokens) =>
            tokens.revoke({
              agencyId: caller.agencyId,
              accountId: caller.accountId,
              tokenId: credential.tokenId,
            }),
          ),
    );
    if (credential.kind === "session") ctx.sessionCookie.clear();
    return { signedOut: true as const };
  }),

  /** The caller's account, roles and person; for a session, its CSRF token again (for a page reloaded). */
  me: signedInProcedure.query(async ({ ctx }) => {
    const account = await run(ctx, callerAccount(ctx.caller));
    return {
      ...accountView(account),
      via: via(ctx.credential),
      csrfToken: ctx.credential.kind === "session" ? ctx.credential.csrfToken : null,
    };
  }),

  /** A bearer token for the terminal UI (`liuhen login`); the token is in this answer and nowhere else. */
  createToken: protectedProcedure
    .input(input(Schema.Struct({ name: TokenName })))
    .mutation(async ({ ctx, input: { name } }) => {
      const issued = await run(
        ctx,
        Effect.flatMap(ApiTokens, (tokens) =>
          tokens.issue({ agencyId: ctx.caller.agencyId, accountId: ctx.caller.accountId, name }),
        ),
      );
      return {
        tokenId: issued.tokenId,
        token: Redacted.value(issued.token),
        name: issued.name,
        createdAt: issued.createdAt,
      };
    }),

  revokeToken: protectedProcedure
    .input(input(Schema.Struct({ tokenId: TokenId })))
    .mutation(async ({ ctx, input: { tokenId } }) => {
      await run(
        ctx,
        Effect.flatMap(ApiTokens, (tokens) =>
          tokens.revoke({ agencyId: ctx.caller.agencyId, accountId: ctx.caller.accountId, tokenId }),
        ),
      );
      return { revoked: tokenId };
    }),

  /** The caller's tokens, live and revoked: names and dates, never a secret. */
  listTokens: protectedProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.flatMap(ApiTokens, (tokens) =>
        tokens.list({ agencyId: ctx.caller.agencyId, accountId: ctx.caller.accountId }),
      ),
    ).then((tokens) => tokens.map((t) => ({ ...t }))),
  ),

  /**
   * A new password, given the current one (checked under the sign-in throttle). Every other session and
   * every token of the account ends; the session it was changed from goes on. It ends a forced change; one
   * that must replace a password someone else set may not offer that password again.
   */
  changePassword: signedInProcedure
    .input(input(Schema.Struct({ currentPassword: OfferedPassword, newPassword: Password })))
    .mutation(async ({ ctx, input: { currentPassword, newPassword } }) => {
      const { caller, credential } = ctx;
      const account = await run(
        ctx,
        Effect.gen(function* () {
          const account = yield* callerAccount(caller);
          yield* confirmPassword({ account, password: currentPassword, address: ctx.address });
          if (account.mustChangePassword && Redacted.value(newPassword) === Redacted.value(currentPassword)) {
            return yield* new PasswordUnchanged({
              message: "the new password is the one someone else set; choose another",
            });
          }
          const accounts = yield* Accounts;
          return yield* accounts.setPassword({
            agencyId: caller.agencyId,
            accountId: caller.accountId,
            actor: `account:${caller.accountId}`,
            password: newPassword,
            how: "changed-by-holder",
            mustChangePassword: false,
            keepSession: credential.kind === "session" ? credential.key : undefined,
          });
        }),
      );
      return { passwordChangedAt: account.passwordChangedAt };
    }),
});
