/**
 * The databases the server's tests run on: a SQLite file in a fresh directory, and a fresh PostgreSQL
 * database `liuhen_http_<random>` on the server at LIUHEN_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards. Where PostgreSQL cannot be reached the
 * PostgreSQL suites are skipped with the reason in their title, except under CI (CI=true), where they fail.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqlClient } from "@effect/sql";
import { PgClient } from "@effect/sql-pg";
import { postgresStoreLayer, sqliteStoreLayer } from "@liuhen/store";
import { Cause, Effect, Exit, Redacted } from "effect";
import { describe } from "vitest";
import type { Database } from "../../src/index.js";

export type DatabaseKind = "SQLite" | "PostgreSQL";

export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly directory: string;
  readonly keyDirectory: string;
  readonly config: Database;
  /** The store on this database, as another process (the operator's `liuhen admin`) would open it. */
  readonly store: () => ReturnType<typeof sqliteStoreLayer> | ReturnType<typeof postgresStoreLayer>;
  readonly cleanUp: () => Promise<void>;
}

const ADMIN_URL = process.env.LIUHEN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const onAdmin = <A, E>(run: (sql: SqlClient.SqlClient) => Effect.Effect<A, E>) =>
  Effect.runPromiseExit(
    Effect.flatMap(SqlClient.SqlClient, run).pipe(
      Effect.provide(PgClient.layer({ url: Redacted.make(ADMIN_URL), connectTimeout: "3 seconds" })),
    ),
  );

const workDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), "liuhen-http-"));
  return { directory, keyDirectory: join(directory, "keys") };
};

export const sqliteDatabase = async (): Promise<TestDatabase> => {
  const { directory, keyDirectory } = workDirectory();
  const filename = join(directory, "liuhen.db");
  return {
    kind: "SQLite",
    directory,
    keyDirectory,
    config: { kind: "sqlite", filename },
    store: () => sqliteStoreLayer({ filename, keyDirectory }),
    cleanUp: async () => rmSync(directory, { recursive: true, force: true }),
  };
};

const postgresDatabase = async (name: string): Promise<TestDatabase> => {
  const created = await onAdmin((sql) => sql`CREATE DATABASE ${sql(name)}`);
  if (Exit.isFailure(created)) throw Cause.squash(created.cause);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const { directory, keyDirectory } = workDirectory();
  return {
    kind: "PostgreSQL",
    directory,
    keyDirectory,
    config: { kind: "postgres", url: Redacted.make(url.toString()) },
    store: () => postgresStoreLayer({ url: url.toString(), keyDirectory, maxConnections: 2 }),
    cleanUp: async () => {
      rmSync(directory, { recursive: true, force: true });
      const dropped = await onAdmin((sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`);
      if (Exit.isFailure(dropped)) console.warn(`could not drop ${name}: ${Cause.pretty(dropped.cause)}`);
    },
  };
};

/** Whether a PostgreSQL server answers, or why not; asked once per test file. */
const postgresReachable = async (): Promise<string | null> => {
  const answered = await onAdmin((sql) => sql`SELECT 1`);
  if (Exit.isSuccess(answered)) return null;
  const reason = Cause.squash(answered.cause);
  return `no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@/]*@/, "//…@")}: ${reason instanceof Error ? reason.message : String(reason)}`;
};

const unreachable = await postgresReachable();
if (unreachable !== null && process.env.CI === "true") {
  throw new Error(`CI=true and ${unreachable}: the PostgreSQL suites must run in CI`);
}

/**
 * Declares the suite once per database, each with a `database()` that makes a fresh one. Outside CI, with
 * no PostgreSQL, the PostgreSQL copy is skipped and says why in its title.
 */
export const describeOnDatabases = (
  title: string,
  body: (database: () => Promise<TestDatabase>, kind: DatabaseKind) => void,
  options: { readonly timeout?: number } = {},
): void => {
  describe(`${title} (SQLite)`, options, () => body(sqliteDatabase, "SQLite"));
  if (unreachable === null) {
    describe(`${title} (PostgreSQL)`, options, () =>
      body(() => postgresDatabase(`liuhen_http_${randomBytes(6).toString("hex")}`), "PostgreSQL"),
    );
  } else {
    describe.skip(`${title} (PostgreSQL): skipped, ${unreachable}`, options, () =>
      body(sqliteDatabase, "PostgreSQL"),
    );
  }
};
