/** The `liuhen` command: the legal officers' tool and the scriptable subcommands beside it. */
import { Command } from "@effect/cli";
// The modules themselves, not the package's index: that loads its HTTP, socket and worker modules too, some
// 30 MB no command here needs (bench row verify's peak memory).
import * as NodeContext from "@effect/platform-node/NodeContext";
import * as NodeRuntime from "@effect/platform-node/NodeRuntime";
import { Effect, Exit } from "effect";
import { ExitCode } from "./exit-code.js";

// biome-ignore lint/suspicious/noExplicitAny: each subcommand has its own name and options; @effect/cli's withSubcommands takes Command<any, any, any, any> likewise
type Subcommand = Command.Command<any, NodeContext.NodeContext, unknown, any>;

// Each subcommand's module is loaded only when it is the one run: `liuhen verify` need not load the terminal
// UI, the documents or the HTTP client, which cost start-up time and memory (bench rows verify, tui-start).
// A run that names none of them (`liuhen --help`, a mistyped name) loads them all, for the usage.
const SUBCOMMANDS: Readonly<Record<string, () => Promise<Subcommand>>> = {
  login: () => import("./commands/login.js").then((m) => m.loginCommand),
  logout: () => import("./commands/login.js").then((m) => m.logoutCommand),
  password: () => import("./commands/password.js").then((m) => m.passwordCommand),
  queue: () => import("./commands/queue.js").then((m) => m.queueCommand),
  document: () => import("./commands/document.js").then((m) => m.documentCommand),
  stats: () => import("./commands/stats.js").then((m) => m.statsCommand),
  assess: () => import("./commands/assess.js").then((m) => m.assessCommand),
  export: () => import("./commands/export.js").then((m) => m.exportCommand),
  import: () => import("./commands/import.js").then((m) => m.importCommand),
  verify: () => import("./commands/verify.js").then((m) => m.verifyCommand),
  "verify-doc": () => import("./commands/verify-doc.js").then((m) => m.verifyDocCommand),
  backup: () => import("./commands/backup.js").then((m) => m.backupCommand),
  restore: () => import("./commands/backup.js").then((m) => m.restoreCommand),
  "check-db": () => import("./commands/backup.js").then((m) => m.checkDbCommand),
  calendar: () => import("./commands/calendar.js").then((m) => m.calendarCommand),
  admin: () => import("./commands/admin.js").then((m) => m.adminCommand),
};

const [, , first] = process.argv;
const wanted =
  first === undefined
    ? [] // `liuhen` alone opens the terminal UI
    : Object.hasOwn(SUBCOMMANDS, first)
      ? [SUBCOMMANDS[first]]
      : Object.values(SUBCOMMANDS);
const [one, ...more] = await Promise.all(wanted.flatMap((load) => (load === undefined ? [] : [load()])));

// Alone, `liuhen` opens the terminal UI (or prints its usage when not on a terminal).
const root = Command.make("liuhen", {}, () =>
  Effect.flatMap(
    Effect.promise(() => import("./commands/open-ui.js")),
    (m) => m.openUi,
  ),
).pipe(Command.withDescription("留痕 Liuhen: wrong-case accountability and interference records"));
const about = { name: "liuhen", version: "0.1.0" };
const cli =
  one === undefined
    ? Command.run(root, about)
    : Command.run(root.pipe(Command.withSubcommands([one, ...more])), about);

cli(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  NodeRuntime.runMain({
    disableErrorReporting: false,
    // A command sets its own exit code (2: some input rejected); a failure or defect is 1.
    teardown: (exit, onExit) =>
      onExit(Exit.isSuccess(exit) ? Number(process.exitCode ?? ExitCode.Ok) : ExitCode.Failure),
  }),
);
