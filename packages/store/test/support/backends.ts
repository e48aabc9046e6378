/**
 * The databases the store suite runs on. SQLite: a file in a fresh temporary directory. PostgreSQL: a fresh
 * database `liuhen_test_<random>` on the server at LIUHEN_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped after the run. If that server cannot be reached the
 * PostgreSQL suite is skipped with the reason printed, except under CI (CI=true), where it fails the run.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SqlClient } from "@effect/sql";
import { PgClient } from "@effect/sql-pg";
import { Cause, Effect, Exit, type Layer, Redacted } from "effect";
import { afterAll, describe, it } from "vitest";
import { type EventLog, postgresStoreLayer, sqliteStoreLayer } from "../../src/index.js";

export interface Backend {
  readonly name: string;
  readonly dialect: "sqlite" | "pg";
  readonly keyDirectory: string;
  /** A store on the backend's database; each call gets its own client, as another process would. */
  readonly store: () => Layer.Layer<EventLog | SqlClient.SqlClient, unknown>;
  /** Whether two clients may append at the same moment within one process (not so for better-sqlite3). */
  readonly concurrentClients: boolean;
  /** Removes what the backend made: files, the database. */
  readonly cleanUp: () => Promise<void>;
}

const removeDirectory = (directory: string) => fs.rmSync(directory, { recursive: true, force: true });

const temporaryDirectory = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export const sqliteBackend = (): Backend => {
  const directory = temporaryDirectory("liuhen-store-");
  const keyDirectory = path.join(directory, "keys");
  const filename = path.join(directory, "liuhen.db");
  return {
    name: "SQLite",
    dialect: "sqlite",
    keyDirectory,
    store: () => sqliteStoreLayer({ filename, keyDirectory }),
    concurrentClients: false,
    cleanUp: async () => removeDirectory(directory),
  };
};

export type PostgresSetup =
  | { readonly available: true; readonly backend: Backend }
  | { readonly available: false; readonly reason: string };

const ADMIN_URL = process.env.LIUHEN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const onAdmin = <A, E>(run: (sql: SqlClient.SqlClient) => Effect.Effect<A, E>) =>
  Effect.runPromiseExit(
    Effect.flatMap(SqlClient.SqlClient, run).pipe(
      Effect.provide(PgClient.layer({ url: Redacted.make(ADMIN_URL), connectTimeout: "3 seconds" })),
    ),
  );

/** Makes a fresh database, or says why it could not. */
export const preparePostgres = async (): Promise<PostgresSetup> => {
  const database = `liuhen_test_${randomBytes(6).toString("hex")}`;
  const created = await onAdmin((sql) => sql`CREATE DATABASE ${sql(database)}`);
  if (Exit.isFailure(created)) {
    const reason = Cause.squash(created.cause);
    const detail =
      reason instanceof Error
        ? `${reason.message}${reason.cause ? ` (${String(reason.cause)})` : ""}`
        : String(reason);
    const shown = ADMIN_URL.replace(/\/\/[^@/]*@/, "//…@");
    return { available: false, reason: `no PostgreSQL to create a test database on at ${shown}: ${detail}` };
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const directory = temporaryDirectory("liuhen-store-pg-");
  const keyDirectory = path.join(directory, "keys");
  return {
    available: true,
    backend: {
      name: "PostgreSQL",
      dialect: "pg",
      keyDirectory,
      store: () => postgresStoreLayer({ url: url.toString(), keyDirectory, maxConnections: 4 }),
      concurrentClients: true,
      cleanUp: async () => {
        removeDirectory(directory);
        const dropped = await onAdmin((sql) => sql`DROP DATABASE IF EXISTS ${sql(database)} WITH (FORCE)`);
        if (Exit.isFailure(dropped))
          console.warn(`could not drop test database ${database}: ${Cause.pretty(dropped.cause)}`);
      },
    },
  };
};

/**
 * Runs `suite` on a fresh PostgreSQL database, dropped after. Where there is none, the suite is skipped with
 * the reason in its title (LIUHEN_TEST_PG_URL names another server), except under CI (CI=true), where that
 * fails the run.
 */
export const onPostgres = async (what: string, suite: (backend: Backend) => void): Promise<void> => {
  const setup = await preparePostgres();
  if (setup.available) {
    afterAll(setup.backend.cleanUp);
    suite(setup.backend);
  } else if (process.env.CI === "true") {
    throw new Error(`CI=true and the PostgreSQL ${what} cannot run: ${setup.reason}`);
  } else {
    console.warn(
      `PostgreSQL ${what} skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
    );
    describe.skip(`PostgreSQL ${what} (skipped: ${setup.reason})`, () => {
      it(`runs the ${what}`, () => {});
    });
  }
};
