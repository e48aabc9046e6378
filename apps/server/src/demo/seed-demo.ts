/**
 * Seeds the demo agency into an empty database (`npm start` sets LIUHEN_DEMO=true): the people and an account
 * for every role, with passwords generated here and returned once for the console, wrong-case proceedings
 * and interference records at different stages, the legal section's oversight, a report from the public, each step taken through the API's own procedures as the person whose step
 * it is, so the demo holds nothing the rules would refuse.
 */
import {
  type ApiContext,
  type ApiServices,
  anonymousContext,
  appRouter,
  createCallerFactory,
  today,
} from "@liuhen/api";
import {
  type AccountId,
  Accounts,
  AgencyId,
  Directory,
  generatePassword,
  PersonId,
  TokenId,
  Username,
} from "@liuhen/store";
import { Effect, type ManagedRuntime, Redacted, Schema } from "effect";
import { DEMO_ADMIN, DEMO_AGENCY, DEMO_PEOPLE, type DemoRole } from "./demo-agency.js";
import { seedInterference } from "./demo-interference.js";
import { seedOversight } from "./demo-oversight.js";
import { seedWrongCases } from "./demo-wrong-cases.js";

export interface DemoAccount {
  readonly username: string;
  readonly name: string;
  readonly roles: ReadonlyArray<string>;
  readonly password: string;
}

export interface DemoSeed {
  readonly agency: string;
  readonly accounts: ReadonlyArray<DemoAccount>;
  /** A report from the public page, and the receipt code its reporter would hold. */
  readonly publicReport: { readonly proceedingId: string; readonly receiptCode: string };
}

const ACTOR = "operator:demo";
const agencyId = AgencyId.make(DEMO_AGENCY);

/** A caller acting as the demo account, in process: the procedure trusts the context it is given. */
const callerFactory = createCallerFactory(appRouter);
export type DemoCaller = ReturnType<typeof callerFactory>;

const callerFor = (
  runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>,
  accountId: AccountId,
  personId: string | null,
  roles: ReadonlyArray<(typeof DEMO_ADMIN.roles)[number] | string>,
): DemoCaller => {
  const ctx: ApiContext = {
    runtime,
    address: null,
    caller: {
      accountId,
      agencyId,
      personId: personId === null ? null : PersonId.make(personId),
      roles: roles as never,
      mustChangePassword: false,
    },
    // No request carried it; the seed speaks as the account it made.
    credential: { kind: "token", tokenId: TokenId.make("00000000-0000-4000-8000-000000000000") },
    sessionCookie: { set: () => {}, clear: () => {} },
  };
  return callerFactory(ctx);
};

/** Seeds the demo agency unless it has accounts already; the accounts made, with their passwords. */
export const seedDemo = async (
  runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>,
): Promise<DemoSeed | null> => {
  const made = await runtime.runPromise(
    Effect.gen(function* () {
      const accounts = yield* Accounts;
      if ((yield* accounts.list(agencyId)).length > 0) return null;
      const directory = yield* Directory;
      const result: Array<DemoAccount & { readonly key: DemoRole | "admin"; readonly accountId: AccountId }> =
        [];
      const open = (username: string, personId: string | null, name: string, roles: ReadonlyArray<never>) =>
        Effect.gen(function* () {
          const password = generatePassword();
          const account = yield* accounts.create({
            agencyId,
            username: Schema.decodeSync(Username)(username),
            personId: personId === null ? null : PersonId.make(personId),
            displayName: null,
            roles,
            password,
            // A demo's passwords are printed for whoever runs it; a real agency's come from `liuhen admin`.
            mustChangePassword: false,
            actor: ACTOR,
          });
          return { accountId: account.accountId, password: Redacted.value(password), name };
        });
      for (const [key, person] of Object.entries(DEMO_PEOPLE) as Array<
        [DemoRole, (typeof DEMO_PEOPLE)[DemoRole]]
      >) {
        yield* directory.register({
          agencyId,
          personId: person.personId,
          name: person.name,
          department: person.department,
          position: person.position,
          actor: ACTOR,
        });
        if (person.account === null) continue;
        const opened = yield* open(
          person.account.username,
          person.personId,
          person.name,
          person.account.roles as never,
        );
        result.push({ key, username: person.account.username, roles: person.account.roles, ...opened });
      }
      const admin = yield* open(DEMO_ADMIN.username, null, "系统管理员", DEMO_ADMIN.roles as never);
      result.push({ key: "admin", username: DEMO_ADMIN.username, roles: DEMO_ADMIN.roles, ...admin });
      return result;
    }),
  );
  if (made === null) return null;
  const callers = Object.fromEntries(
    made.map((a) => [
      a.key,
      callerFor(
        runtime,
        a.accountId,
        a.key === "admin" ? null : DEMO_PEOPLE[a.key as DemoRole].personId,
        a.roles,
      ),
    ]),
  ) as Record<DemoRole | "admin", DemoCaller>;
  await seedWrongCases(callers);
  await seedInterference(callers);
  await seedOversight(callers, await runtime.runPromise(today));
  // WC.10.1 任何人均有权举报或投诉: one report from the public page, as anyone would file it.
  const publicReport = await callerFactory(anonymousContext(runtime)).intake.submit({
    agency: agencyId,
    allegation: "本人在某农贸市场经营，执法人员检查时未出示执法证件，当场收缴商品未开具清单。",
    name: "王先生",
  });
  return {
    agency: DEMO_AGENCY,
    accounts: made.map(({ username, name, roles, password }) => ({ username, name, roles, password })),
    publicReport,
  };
};
