/**
 * `liuhen backup`, `liuhen restore` and `liuhen check-db`: the embedded SQLite database copied while the
 * server keeps writing (one consistent snapshot, `VACUUM INTO`), put back with the server stopped, and
 * checked (every leaf recomputes, heads match, checkpoints open with the agencies' keys). Each file is
 * checked before it is given its name; nothing is overwritten. Exit 0 done, 2 when the check fails,
 * 1 on any other failure.
 */
import { Command, Options } from "@effect/cli";
import { backupSqlite, checkSqliteFile, restoreSqlite, type SqliteFileCheck } from "@liuhen/store";
import { Console, Effect, Option } from "effect";
import { ExitCode } from "../exit-code.js";

const keysOption = Options.directory("keys", { exists: "yes" }).pipe(
  Options.optional,
  Options.withDescription("the key directory: checkpoint signatures are opened with the agencies' keys"),
);
const jsonOption = Options.boolean("json").pipe(Options.withDescription("write the result as JSON"));

const report = (title: string, check: SqliteFileCheck, json: boolean) =>
  Console.log(
    json
      ? JSON.stringify(check, null, 2)
      : [
          `${title}: ${check.file} (${check.bytes} bytes)`,
          ...check.logs.map(
            (log) =>
              `  ${log.agencyId}: ${log.treeSize} events, head ${log.rootHash}, ${log.checkpoints} checkpoints (${log.signaturesChecked} signatures checked)`,
          ),
        ].join("\n"),
  );

/** A log that fails its checks is a rejected file (2); anything else that fails is 1. */
const finish = <E extends { readonly _tag: string; readonly message: string }>(what: string) =>
  Effect.catchAll((error: E) =>
    Effect.as(
      Console.error(`${what}: ${error.message}`),
      error._tag === "LogCorrupted" ? ExitCode.Rejected : ExitCode.Failure,
    ),
  );

const keyDirectory = (keys: Option.Option<string>) => ({ keyDirectory: Option.getOrUndefined(keys) });

export const backupCommand = Command.make(
  "backup",
  {
    database: Options.file("database", { exists: "yes" }).pipe(
      Options.withDescription("the live SQLite file"),
    ),
    out: Options.file("out", { exists: "no" }).pipe(Options.withDescription("the backup file to create")),
    keys: keysOption,
    json: jsonOption,
  },
  ({ database, out, keys, json }) =>
    backupSqlite(database, out, keyDirectory(keys)).pipe(
      Effect.flatMap((check) => report("备份完成 / backed up", check, json)),
      Effect.as(ExitCode.Ok),
      finish("备份失败 / backup failed"),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(Command.withDescription("copy the SQLite database while the server runs, and check the copy"));

export const restoreCommand = Command.make(
  "restore",
  {
    backup: Options.file("backup", { exists: "yes" }).pipe(Options.withDescription("the backup file")),
    database: Options.file("database", { exists: "no" }).pipe(
      Options.withDescription(
        "where to put it back (must not exist: stop the server and move the old file away)",
      ),
    ),
    keys: keysOption,
    json: jsonOption,
  },
  ({ backup, database, keys, json }) =>
    restoreSqlite(backup, database, keyDirectory(keys)).pipe(
      Effect.flatMap((check) => report("恢复完成 / restored", check, json)),
      Effect.as(ExitCode.Ok),
      finish("恢复失败 / restore failed"),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(Command.withDescription("put a checked backup back in place of the SQLite database"));

export const checkDbCommand = Command.make(
  "check-db",
  {
    database: Options.file("database", { exists: "yes" }).pipe(Options.withDescription("the SQLite file")),
    keys: keysOption,
    json: jsonOption,
  },
  ({ database, keys, json }) =>
    checkSqliteFile(database, keyDirectory(keys)).pipe(
      Effect.flatMap((check) => report("校验通过 / checked", check, json)),
      Effect.as(ExitCode.Ok),
      finish("校验失败 / check failed"),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(Command.withDescription("check a SQLite database's logs: leaves, heads and signed checkpoints"));
