/** The `liuhen` command: the legal officers' tool and the scriptable subcommands beside it. */
import { Command } from "@effect/cli";
import { NodeContext, NodeRuntime } from "@effect/platform-node";
import { Effect, Exit } from "effect";
import { adminCommand } from "./commands/admin.js";
import { assessCommand } from "./commands/assess.js";
import { backupCommand, checkDbCommand, restoreCommand } from "./commands/backup.js";
import { calendarCommand } from "./commands/calendar.js";
import { documentCommand } from "./commands/document.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { loginCommand, logoutCommand } from "./commands/login.js";
import { openUi } from "./commands/open-ui.js";
import { passwordCommand } from "./commands/password.js";
import { queueCommand } from "./commands/queue.js";
import { statsCommand } from "./commands/stats.js";
import { verifyCommand } from "./commands/verify.js";
import { verifyDocCommand } from "./commands/verify-doc.js";
import { ExitCode } from "./exit-code.js";

// Alone, `liuhen` opens the terminal UI (or prints its usage when not on a terminal).
const liuhen = Command.make("liuhen", {}, () => openUi).pipe(
  Command.withDescription("留痕 Liuhen: wrong-case accountability and interference records"),
  Command.withSubcommands([
    loginCommand,
    logoutCommand,
    passwordCommand,
    queueCommand,
    documentCommand,
    statsCommand,
    assessCommand,
    exportCommand,
    importCommand,
    verifyCommand,
    verifyDocCommand,
    backupCommand,
    restoreCommand,
    checkDbCommand,
    adminCommand,
    calendarCommand,
  ]),
);

const cli = Command.run(liuhen, { name: "liuhen", version: "0.1.0" });

cli(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  NodeRuntime.runMain({
    disableErrorReporting: false,
    // A command sets its own exit code (2: some input rejected); a failure or defect is 1.
    teardown: (exit, onExit) =>
      onExit(Exit.isSuccess(exit) ? Number(process.exitCode ?? ExitCode.Ok) : ExitCode.Failure),
  }),
);
