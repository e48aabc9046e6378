/**
 * Callers of the API in process, each signed in with a token (so no CSRF header is needed) as a person of
 * the demo agency holding the roles given: what a test needs to call procedures as the people of a journey.
 */
import { randomUUID } from "node:crypto";
import type { Role } from "@liuhen/domain";
import { AccountId, AgencyId, PersonId, TokenId } from "@liuhen/store";
import type { ManagedRuntime } from "effect";
import { type ApiContext, type ApiServices, appRouter, createCallerFactory } from "../../src/index.js";

const callers = createCallerFactory(appRouter);

/** `person-<name>` of qianjiang-msa holding `roles`, speaking from `address`. */
export const tokenCallers =
  (runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>, address: string) =>
  (name: string, roles: ReadonlyArray<Role>) =>
    callers({
      runtime,
      address,
      caller: {
        accountId: AccountId.make(randomUUID()),
        agencyId: AgencyId.make("qianjiang-msa"),
        personId: PersonId.make(`person-${name}`),
        roles,
        mustChangePassword: false,
      },
      credential: { kind: "token", tokenId: TokenId.make(randomUUID()) },
      sessionCookie: { set: () => {}, clear: () => {} },
    } satisfies ApiContext);
