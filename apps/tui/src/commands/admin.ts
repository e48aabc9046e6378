/**
 * `liuhen admin`: accounts, by the operator at the database, without the server. It makes an agency's first
 * administrator and manages accounts when no administrator can (one left, or forgot their password).
 *
 *   liuhen admin create-admin   --database FILE | --database-url URL --keys DIR --agency ID --username NAME
 *   liuhen admin create-account …  --username NAME --role ROLE… [--person ID] [--display-name TEXT]
 *   liuhen admin grant | revoke …  --username NAME --role ROLE…
 *   liuhen admin disable …         --username NAME [--reason TEXT]
 *   liuhen admin enable | reset-password … --username NAME
 *   liuhen admin list …            [--json]
 *
 * A password is always generated and printed once (never taken from the command line, where shell history
 * and `ps` would keep it). The operator has seen it, so its holder must change it at the next sign-in
 * (`liuhen password`, or the web's change form) before doing anything else; the first administrator too,
 * since the operator who runs `create-admin` and the administrator are usually not the same person, and a
 * printed password outlives the terminal that showed it. Every change is an event in the agency's log with the actor `operator:<login
 * name>`. Exit 0 when done, 2 when an input is refused (a bad option, a taken username, no such account, a
 * change of nothing), 1 on any other failure.
 */
import * as os from "node:os";
import { Command, Options } from "@effect/cli";
import { ROLE_NAMES, type Role, Role as RoleSchema } from "@liuhen/domain";
import {
  type Account,
  type AccountServices,
  Accounts,
  AgencyId,
  DisplayName,
  generatePassword,
  PersonId,
  Username,
  withAccounts,
} from "@liuhen/store";
import { Console, Effect, Either, Option, ParseResult, Redacted, Schema } from "effect";
import { databaseOptions, storeFromOptions } from "../database-options.js";
import { ExitCode } from "../exit-code.js";

class AdminUsage extends Schema.TaggedError<AdminUsage>()("AdminUsage", { message: Schema.String }) {}

/** Failures that mean the operator asked for something refused: exit 2, not 1. */
const REJECTED = new Set([
  "AdminUsage",
  "DatabaseUsage",
  "UsernameTaken",
  "AccountNotFound",
  "NothingToChange",
]);

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const tag = (error as { _tag?: unknown })._tag;
    return typeof tag === "string" && tag !== "AdminUsage" && tag !== "DatabaseUsage"
      ? `${tag}: ${error.message}`
      : error.message;
  }
  return String(error);
};

/** An option's value through its Schema; a bad one is refused naming the option. */
const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown, option: string) =>
  Either.mapLeft(
    Schema.decodeUnknownEither(schema)(value),
    (error) => new AdminUsage({ message: `${option}: ${ParseResult.TreeFormatter.formatErrorSync(error)}` }),
  );

const operator = (): string => {
  try {
    return `operator:${os.userInfo().username}`;
  } catch {
    return "operator:unknown";
  }
};

const where = {
  ...databaseOptions,
  agency: Options.text("agency").pipe(Options.withDescription("the agency id, e.g. qianjiang-msa")),
  json: Options.boolean("json").pipe(Options.withDescription("write the result as JSON")),
};

type Where = {
  readonly database: Option.Option<string>;
  readonly databaseUrl: Option.Option<string>;
  readonly keys: string;
  readonly agency: string;
  readonly json: boolean;
};

const username = Options.text("username").pipe(Options.withDescription("the account's username"));
const roles = Options.text("role").pipe(
  Options.repeated,
  Options.withDescription(`a role (repeat for more): ${Object.keys(ROLE_NAMES).join(", ")}`),
);

/**
 * Runs `program` over the store of `--database` or `--database-url`, with the agency's key made or checked
 * first. Only `create-admin` may start a new SQLite file: elsewhere a mistyped path must not make one.
 */
const onStore = <A>(
  options: Where,
  program: (agencyId: AgencyId) => Effect.Effect<A, unknown, AccountServices>,
  show: (result: A, json: boolean) => string,
  mayCreate = false,
) =>
  Effect.gen(function* () {
    const agencyId = yield* decode(AgencyId, options.agency, "--agency");
    const store = yield* storeFromOptions(options, { agencies: [agencyId], mayCreate });
    const result = yield* program(agencyId).pipe(Effect.provide(withAccounts(store)));
    yield* Console.log(show(result, options.json));
    return ExitCode.Ok;
  }).pipe(
    Effect.catchAll((error) =>
      Effect.as(
        Console.error(`账号管理失败 / admin failed: ${describe(error)}`),
        typeof error === "object" &&
          error !== null &&
          REJECTED.has(String((error as { _tag?: unknown })._tag))
          ? ExitCode.Rejected
          : ExitCode.Failure,
      ),
    ),
    Effect.flatMap(ExitCode.set),
  );

const accountLine = (a: Account) =>
  [
    a.username.padEnd(24),
    a.status === "active" ? "启用/active  " : "停用/disabled",
    (a.roles.join(",") || "-").padEnd(40),
    a.personId ?? "-",
    a.displayName ?? "",
  ].join("  ");

const accountJson = (a: Account) => ({
  accountId: a.accountId,
  agencyId: a.agencyId,
  username: a.username,
  displayName: a.displayName,
  personId: a.personId,
  roles: a.roles,
  status: a.status,
  createdAt: a.createdAt,
  passwordChangedAt: a.passwordChangedAt,
  mustChangePassword: a.mustChangePassword,
});

/** A new account and its password, shown once. */
const showCreated =
  (what: string) =>
  ({ account, password }: { account: Account; password: Redacted.Redacted<string> }, json: boolean) =>
    json
      ? JSON.stringify({ account: accountJson(account), password: Redacted.value(password) }, null, 2)
      : [
          `${what}: ${account.username} (${account.agencyId}), roles ${account.roles.join(", ") || "none"}`,
          `  初始密码（仅显示这一次）/ initial password (shown only this once): ${Redacted.value(password)}`,
          "  下次登录须先修改 / it must be changed at the next sign-in (liuhen password)",
        ].join("\n");

const showChanged = (what: string) => (account: Account, json: boolean) =>
  json ? JSON.stringify(accountJson(account), null, 2) : `${what}: ${accountLine(account)}`;

const decodeRoles = (values: ReadonlyArray<string>) =>
  Effect.forEach(values, (value) =>
    Either.mapLeft(
      Schema.decodeUnknownEither(RoleSchema)(value),
      () =>
        new AdminUsage({
          message: `--role: ${value} is not a role; the roles are ${Object.keys(ROLE_NAMES).join(", ")}`,
        }),
    ),
  );

const findAccount = (agencyId: AgencyId, name: string) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts;
    const wanted = yield* decode(Username, name, "--username");
    const found = yield* accounts.findByUsername(agencyId, wanted);
    return yield* Option.match(found, {
      onNone: () =>
        Effect.fail(new AdminUsage({ message: `--username: ${agencyId} has no account ${wanted}` })),
      onSome: Effect.succeed,
    });
  });

const create = (
  agencyId: AgencyId,
  request: {
    readonly username: string;
    readonly roles: ReadonlyArray<Role>;
    readonly person: Option.Option<string>;
    readonly displayName: Option.Option<string>;
  },
) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts;
    const name = yield* decode(Username, request.username, "--username");
    const personId = yield* Option.match(request.person, {
      onNone: () => Either.right(null),
      onSome: (p) => decode(PersonId, p, "--person"),
    });
    const displayName = yield* Option.match(request.displayName, {
      onNone: () => Either.right(null),
      onSome: (d) => decode(DisplayName, d, "--display-name"),
    });
    const password = generatePassword();
    const account = yield* accounts.create({
      agencyId,
      username: name,
      personId,
      displayName,
      roles: request.roles,
      password,
      mustChangePassword: true,
      actor: operator(),
    });
    return { account, password };
  });

const person = Options.text("person").pipe(
  Options.optional,
  Options.withDescription("the staff directory's id of the account's holder"),
);
const displayName = Options.text("display-name").pipe(Options.optional, Options.withDescription("e.g. 李明"));

const createAdmin = Command.make("create-admin", { ...where, username, person, displayName }, (options) =>
  onStore(
    options,
    (agencyId) =>
      create(agencyId, {
        username: options.username,
        roles: ["admin"],
        person: options.person,
        displayName: options.displayName,
      }),
    showCreated("已创建管理员 / administrator created"),
    true,
  ),
).pipe(Command.withDescription("make an administrator of the agency (the first one, on a new database)"));

const createAccount = Command.make(
  "create-account",
  { ...where, username, roles, person, displayName },
  (options) =>
    onStore(
      options,
      (agencyId) =>
        Effect.flatMap(decodeRoles(options.roles), (decoded) =>
          create(agencyId, {
            username: options.username,
            roles: decoded,
            person: options.person,
            displayName: options.displayName,
          }),
        ),
      showCreated("已创建账号 / account created"),
    ),
).pipe(Command.withDescription("make an account with the given roles"));

const roleChange = (name: "grant" | "revoke") =>
  Command.make(name, { ...where, username, roles }, (options) =>
    onStore(
      options,
      (agencyId) =>
        Effect.gen(function* () {
          const decoded = yield* decodeRoles(options.roles);
          if (decoded.length === 0)
            return yield* new AdminUsage({ message: "--role: name at least one role" });
          const account = yield* findAccount(agencyId, options.username);
          const accounts = yield* Accounts;
          return yield* accounts.changeRoles({
            agencyId,
            accountId: account.accountId,
            actor: operator(),
            grant: name === "grant" ? decoded : [],
            revoke: name === "revoke" ? decoded : [],
          });
        }),
      showChanged(name === "grant" ? "已授予 / granted" : "已撤销 / revoked"),
    ),
  ).pipe(
    Command.withDescription(name === "grant" ? "grant roles to an account" : "revoke roles from an account"),
  );

const disable = Command.make(
  "disable",
  {
    ...where,
    username,
    reason: Options.text("reason").pipe(Options.optional, Options.withDescription("why, for the log")),
  },
  (options) =>
    onStore(
      options,
      (agencyId) =>
        Effect.gen(function* () {
          const account = yield* findAccount(agencyId, options.username);
          const accounts = yield* Accounts;
          return yield* accounts.disable({
            agencyId,
            accountId: account.accountId,
            actor: operator(),
            reason: Option.getOrNull(options.reason),
          });
        }),
      showChanged("已停用 / disabled"),
    ),
).pipe(Command.withDescription("disable an account: it cannot sign in, its sessions and tokens end"));

const enable = Command.make("enable", { ...where, username }, (options) =>
  onStore(
    options,
    (agencyId) =>
      Effect.gen(function* () {
        const account = yield* findAccount(agencyId, options.username);
        const accounts = yield* Accounts;
        return yield* accounts.enable({ agencyId, accountId: account.accountId, actor: operator() });
      }),
    showChanged("已启用 / enabled"),
  ),
).pipe(Command.withDescription("enable a disabled account"));

const resetPassword = Command.make("reset-password", { ...where, username }, (options) =>
  onStore(
    options,
    (agencyId) =>
      Effect.gen(function* () {
        const found = yield* findAccount(agencyId, options.username);
        const accounts = yield* Accounts;
        const password = generatePassword();
        const account = yield* accounts.setPassword({
          agencyId,
          accountId: found.accountId,
          actor: operator(),
          password,
          how: "reset",
          mustChangePassword: true,
        });
        return { account, password };
      }),
    showCreated("已重置密码 / password reset"),
  ),
).pipe(Command.withDescription("give an account a new generated password; its sessions and tokens end"));

const list = Command.make("list", where, (options) =>
  onStore(
    options,
    (agencyId) => Effect.flatMap(Accounts, (accounts) => accounts.list(agencyId)),
    (accounts, json) =>
      json
        ? JSON.stringify(accounts.map(accountJson), null, 2)
        : accounts.length === 0
          ? "（无账号）/ no accounts"
          : accounts.map(accountLine).join("\n"),
  ),
).pipe(Command.withDescription("list the agency's accounts: names, roles, status (no case content)"));

export const adminCommand = Command.make("admin").pipe(
  Command.withDescription("manage accounts at the database: the first administrator, roles, disabling"),
  Command.withSubcommands([
    createAdmin,
    createAccount,
    roleChange("grant"),
    roleChange("revoke"),
    disable,
    enable,
    resetPassword,
    list,
  ]),
);
