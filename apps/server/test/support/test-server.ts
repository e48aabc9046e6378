/**
 * A real server on a random port over a real database (a SQLite file in a fresh directory unless the test
 * asks for PostgreSQL, see test-databases.ts), with its first administrator
 * made through the store (as `liuhen admin create-admin` does) before it starts. The server trusts
 * X-Forwarded-For, so each test can speak from an address of its own and the per-address throttle of one
 * test does not reach another.
 */
import { SqlClient } from "@effect/sql";
import { CaseClock } from "@liuhen/api";
import type { Role } from "@liuhen/domain";
import { Accounts, AgencyId, Notifications, PersonId, Username, withAccounts } from "@liuhen/store";
import { Duration, Effect, type Layer, ManagedRuntime, Redacted, Ref, Schema } from "effect";
import { type AuthConfig, DEFAULT_AUTH_CONFIG, type RunningServer, startServer } from "../../src/index.js";
import { sqliteDatabase, type TestDatabase } from "./test-databases.js";

export const AGENCY = AgencyId.make("qianjiang-msa");
export const ADMIN = { username: "root-admin", password: "first-admin-passphrase" } as const;

export interface TestServer {
  readonly server: RunningServer;
  readonly database: TestDatabase;
  /** Where the server keeps its keys (and, on SQLite, its file). */
  readonly directory: string;
  /** The SQLite file (empty on PostgreSQL), for the tests that read it as an intruder would. */
  readonly filename: string;
  /** Rows of a table (of every agency), read beside the server as another process would. */
  readonly count: (table: string) => Promise<number>;
  /** Issues a notification straight in the store, as the server's own schedulers do. */
  readonly issueNotification: (notice: { notificationId: string; recipient: string }) => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Makes an account straight in the store, as the operator would; unlike `liuhen admin`, without a forced
 * password change unless `mustChangePassword` says so, so the tests' administrators can act at once.
 */
export const seedAccount = (
  database: TestDatabase,
  account: {
    agency?: string;
    username: string;
    password: string;
    roles: ReadonlyArray<Role>;
    personId?: string | null;
    mustChangePassword?: boolean;
  },
) =>
  Effect.runPromise(
    Effect.flatMap(Accounts, (accounts) =>
      accounts.create({
        agencyId: AgencyId.make(account.agency ?? AGENCY),
        username: Schema.decodeSync(Username)(account.username),
        personId:
          account.personId === undefined || account.personId === null
            ? null
            : PersonId.make(account.personId),
        displayName: null,
        roles: account.roles,
        password: Redacted.make(account.password),
        mustChangePassword: account.mustChangePassword ?? false,
        actor: "operator:test",
      }),
    ).pipe(Effect.provide(withAccounts(database.store()))),
  );

/**
 * The day a test server dates case steps and judges deadlines by unless the test sets its own: a Friday inside
 * the holiday calendar's years. Never the machine's date, on which a test would pass or fail by the day it
 * ran (a period past the calendar's last year is refused).
 */
export const TEST_CASE_DAY = "2026-11-27";

/** A case clock fixed at `day`. */
export const fixedCaseClock = (day: string = TEST_CASE_DAY): Layer.Layer<CaseClock> =>
  CaseClock.fixed(Effect.runSync(Ref.make(day)));

export interface TestServerOptions {
  /** The day case steps are dated and deadlines judged by; TEST_CASE_DAY when left out. */
  readonly caseClock?: Layer.Layer<CaseClock>;
  /** The database to run on: a fresh SQLite file when left out. */
  readonly database?: () => Promise<TestDatabase>;
}

export const startTestServer = async (
  auth: Partial<AuthConfig> = {},
  options: TestServerOptions = {},
): Promise<TestServer> => {
  const database = await (options.database ?? sqliteDatabase)();
  await seedAccount(database, { ...ADMIN, roles: ["admin"], personId: "person-root-admin" });
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: database.config,
    keyDirectory: database.keyDirectory,
    auth: {
      ...DEFAULT_AUTH_CONFIG,
      maxFailuresPerAccount: 3,
      maxFailuresPerAddress: 6,
      loginWindow: Duration.minutes(15),
      trustProxy: true,
      ...auth,
    },
    caseClock: options.caseClock ?? fixedCaseClock(),
  });
  // A second client on the same database, as another process would open it.
  const beside = ManagedRuntime.make(withAccounts(database.store()));
  return {
    server,
    database,
    directory: database.directory,
    filename: database.config.kind === "sqlite" ? database.config.filename : "",
    count: (table) =>
      beside
        .runPromise(
          Effect.flatMap(
            SqlClient.SqlClient,
            (sql) => sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(table)}`,
          ),
        )
        .then((rows) => Number(rows[0]?.n ?? 0)),
    issueNotification: ({ notificationId, recipient }) =>
      beside
        .runPromise(
          Effect.flatMap(Notifications, (notifications) =>
            notifications.issue({
              agencyId: AGENCY,
              notificationId,
              recipient,
              kind: "message",
              streamId: null,
              date: "2025-01-02",
              details: {},
              actor: "operator:test",
            }),
          ),
        )
        .then(() => undefined),
    close: async () => {
      await server.close();
      await beside.dispose();
      await database.cleanUp();
    },
  };
};
