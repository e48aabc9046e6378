/**
 * Backup and restore of the embedded SQLite database, online: the server keeps appending meanwhile.
 *
 * The copy is made with `VACUUM INTO`, which runs inside one read transaction on a connection of its own, so
 * it writes a consistent snapshot of the database as of that transaction's start: in WAL mode writers in
 * other connections and processes go on committing and the snapshot does not move. SQLite's online backup
 * API (better-sqlite3's `db.backup`) copies pages in steps and starts over whenever another connection
 * writes, so under a steady stream of appends it may never finish; `VACUUM INTO` cannot be starved that way.
 * SQLite does not fsync what `VACUUM INTO` writes and leaves a partial file if interrupted, so the copy goes
 * to a temporary name, is synced, checked, and only then linked to its final name (never over an existing
 * file). The result is a single file in rollback-journal mode; the store turns it to WAL when it opens it.
 *
 * The check (`checkSqliteFile`) runs SQLite's integrity and foreign-key checks and then the log's own
 * (stored-log-check.ts): every leaf recomputes, the head of the stored subtrees equals the head of the leaves,
 * checkpoints match; so the backup's head is one the live log had (its tree a prefix of the live tree).
 *
 * `VACUUM INTO` runs synchronously in the calling thread, for as long as the copy takes: call these from a
 * process of their own, not from the server's event loop. Meant as commands of the `liuhen` CLI:
 * `liuhen backup <db> <backup file> [--keys <dir>]` (the server may run it on a schedule as a child process),
 * `liuhen restore <backup file> <db> [--keys <dir>]` with the server stopped, and `liuhen check-db <db>`
 * (`checkSqliteFile`), each mapping the Exit's tagged error to a message and an exit code.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as Reactivity from "@effect/experimental/Reactivity";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { SqliteClient } from "@effect/sql-sqlite-node";
import { Effect, Schema } from "effect";
import { keyFilePath, makeCheckpointSigner } from "../checkpoint/checkpoint-signer.js";
import type { LogCorrupted } from "../event-log/errors.js";
import { EventLog, makeEventLog } from "../event-log/event-log.js";
import { AgencyId } from "../event-log/identifiers.js";
import { MIGRATION_NAMES, MIGRATIONS_TABLE } from "../migrations/index.js";
import { checkStoredLogs, type StoredLogCheck } from "./stored-log-check.js";

/** A backup, restore or check that could not be made, and why; nothing was left under the target name. */
export class BackupFailed extends Schema.TaggedError<BackupFailed>()("BackupFailed", {
  file: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `${this.file}: ${this.reason}`;
  }
}

export interface SqliteFileCheck {
  readonly file: string;
  readonly bytes: number;
  /** The migrations the file has had applied; a newer store applies the rest when it opens it. */
  readonly migrations: ReadonlyArray<string>;
  readonly logs: ReadonlyArray<StoredLogCheck>;
}

export interface SqliteBackupOptions {
  /**
   * The key directory: when given, each checkpoint's signature is opened with its agency's key (agencies
   * without a key file are checked without). Nothing is written there.
   */
  readonly keyDirectory?: string | undefined;
}

export type BackupError = BackupFailed | LogCorrupted | SqlError;

const SQLITE_HEADER = "SQLite format 3\u0000";

const attempt = <A>(file: string, what: string, run: () => A): Effect.Effect<A, BackupFailed> =>
  Effect.try({
    try: run,
    catch: (cause) =>
      new BackupFailed({
        file,
        reason: `${what}: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  });

/** The sidecar files SQLite keeps next to a database; a target with any of them is not free. */
const companions = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

const requireDatabaseFile = (file: string) =>
  attempt(file, "cannot read it", () => {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error("not a regular file");
    const header = Buffer.alloc(16);
    const fd = fs.openSync(file, "r");
    try {
      fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (header.toString("latin1") !== SQLITE_HEADER) throw new Error("not an SQLite database");
  });

const requireFreeTarget = (file: string) =>
  attempt(file, "cannot write there", () => {
    const taken = companions(file).find((f) => fs.existsSync(f));
    if (taken !== undefined) throw new Error(`${taken} exists; move it aside first (nothing is overwritten)`);
    if (!fs.statSync(path.dirname(file)).isDirectory()) throw new Error("its directory does not exist");
  });

const fsyncFile = (file: string, flags: string) => {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

/** Gives the synced temporary file its final name, failing if the name is taken, and syncs the directory. */
const publish = (temporary: string, file: string) =>
  attempt(file, "cannot give the copy its name", () => {
    fsyncFile(temporary, "r+");
    fs.linkSync(temporary, file);
    fs.unlinkSync(temporary);
    fsyncFile(path.dirname(file), "r");
  });

const removeQuietly = (file: string) =>
  Effect.sync(() => {
    for (const f of companions(file)) fs.rmSync(f, { force: true });
  });

/**
 * An SQLite connection of its own on `file` for `use`, closed afterwards. The journal mode is left as the
 * file has it (a WAL database stays WAL, a backup stays a single file).
 */
const onFile = <A, E, R>(
  file: string,
  readonly: boolean,
  use: Effect.Effect<A, E, R | SqlClient.SqlClient>,
): Effect.Effect<A, E | BackupFailed, Exclude<R, SqlClient.SqlClient>> =>
  Effect.scoped(
    Effect.gen(function* () {
      const client = yield* SqliteClient.make({ filename: file, readonly, disableWAL: true }).pipe(
        // better-sqlite3 throws from its constructor.
        Effect.catchAllDefect(
          (defect) => new BackupFailed({ file, reason: `cannot open it: ${String(defect)}` }),
        ),
      );
      return yield* Effect.provideService(use, SqlClient.SqlClient, client);
    }),
  ).pipe(Effect.provide(Reactivity.layer));

const PragmaRow = Schema.Struct({ integrity_check: Schema.String });
const MigrationRow = Schema.Struct({
  migration_id: Schema.Union(Schema.Int, Schema.compose(Schema.NumberFromString, Schema.Int)),
  name: Schema.String,
});
const AgencyRow = Schema.Struct({ agency_id: AgencyId });

/**
 * Checks a database file without writing to it: SQLite's integrity and foreign-key checks, the migrations
 * applied, and every agency's log (stored-log-check.ts).
 */
export const checkSqliteFile = (
  file: string,
  options: SqliteBackupOptions = {},
): Effect.Effect<SqliteFileCheck, BackupError> =>
  Effect.gen(function* () {
    yield* requireDatabaseFile(file);
    const failed = (reason: string) => new BackupFailed({ file, reason });
    const { keyDirectory } = options;
    return yield* onFile(
      file,
      true,
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const integrity = yield* sql`PRAGMA integrity_check`.pipe(
          Effect.flatMap(Schema.decodeUnknown(Schema.Array(PragmaRow))),
          Effect.catchTag("ParseError", (e) => failed(`integrity check: ${e.message}`)),
        );
        const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== "ok");
        if (problems.length > 0) return yield* failed(`SQLite integrity check: ${problems.join("; ")}`);
        const dangling = yield* sql`PRAGMA foreign_key_check`;
        if (dangling.length > 0) return yield* failed(`${dangling.length} rows break a foreign key`);
        // The migrator keeps `0002_proceeding_projections` as id 2, name `proceeding_projections`.
        const migrations =
          yield* sql`SELECT migration_id, name FROM ${sql(MIGRATIONS_TABLE)} ORDER BY migration_id`.pipe(
            Effect.flatMap(Schema.decodeUnknown(Schema.Array(MigrationRow))),
            Effect.map((rows) => rows.map((r) => `${String(r.migration_id).padStart(4, "0")}_${r.name}`)),
            Effect.catchTag("ParseError", (e) => failed(`its migrations table cannot be read: ${e.message}`)),
          );
        const unknown = migrations.filter((m) => !MIGRATION_NAMES.includes(m));
        if (unknown.length > 0) {
          return yield* failed(`it has migrations this version does not know (${unknown.join(", ")})`);
        }
        // The signer only reads keys here: `verifierKey` is asked only for agencies whose key file exists.
        const signer = makeCheckpointSigner(keyDirectory ?? path.join(path.dirname(file), "no-keys"));
        const log = makeEventLog(sql, signer);
        const keys = new Map<string, string>();
        if (keyDirectory !== undefined) {
          const agencies = yield* sql`SELECT agency_id FROM log_heads`.pipe(
            Effect.flatMap(Schema.decodeUnknown(Schema.Array(AgencyRow))),
            Effect.catchTag("ParseError", (e) => failed(`a log head row: ${e.message}`)),
          );
          for (const { agency_id } of agencies) {
            if (!fs.existsSync(keyFilePath(keyDirectory, agency_id))) continue;
            const key = yield* log.verifierKey(agency_id).pipe(Effect.mapError((e) => failed(e.message)));
            keys.set(agency_id, key);
          }
        }
        const logs = yield* checkStoredLogs({ verifierKey: (agencyId) => keys.get(agencyId) }).pipe(
          Effect.provideService(EventLog, log),
        );
        const bytes = yield* attempt(file, "cannot read its size", () => fs.statSync(file).size);
        return { file, bytes, migrations, logs };
      }),
    );
  });

/**
 * Copies the live database `sourceFile` to `destFile` (which must not exist) while writes go on, checks the
 * copy, and only then gives it its name. The copy's heads are heads the live logs had when the copy began.
 */
export const backupSqlite = (
  sourceFile: string,
  destFile: string,
  options: SqliteBackupOptions = {},
): Effect.Effect<SqliteFileCheck, BackupError> =>
  Effect.gen(function* () {
    yield* requireDatabaseFile(sourceFile);
    yield* requireFreeTarget(destFile);
    const temporary = path.join(
      path.dirname(destFile),
      `.${path.basename(destFile)}.${randomUUID()}.partial`,
    );
    return yield* Effect.gen(function* () {
      // One statement, one read transaction: the snapshot the copy is made of.
      yield* onFile(
        sourceFile,
        false,
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`VACUUM INTO ${temporary}`),
      );
      const checked = yield* checkSqliteFile(temporary, options);
      yield* publish(temporary, destFile);
      return { ...checked, file: destFile };
    }).pipe(Effect.ensuring(removeQuietly(temporary)));
  });

/**
 * Puts a backup in place as the database `destFile`, for a store that is not running: the backup is checked
 * first, and nothing is overwritten (move a damaged database and its -wal and -shm files aside first; they
 * are evidence). The store switches the file to WAL mode when it next opens it.
 */
export const restoreSqlite = (
  backupFile: string,
  destFile: string,
  options: SqliteBackupOptions = {},
): Effect.Effect<SqliteFileCheck, BackupError> =>
  Effect.gen(function* () {
    const checked = yield* checkSqliteFile(backupFile, options);
    yield* requireFreeTarget(destFile);
    const temporary = path.join(
      path.dirname(destFile),
      `.${path.basename(destFile)}.${randomUUID()}.partial`,
    );
    return yield* Effect.gen(function* () {
      yield* attempt(destFile, "cannot copy the backup", () =>
        fs.copyFileSync(backupFile, temporary, fs.constants.COPYFILE_EXCL),
      );
      yield* publish(temporary, destFile);
      return { ...checked, file: destFile };
    }).pipe(Effect.ensuring(removeQuietly(temporary)));
  });
