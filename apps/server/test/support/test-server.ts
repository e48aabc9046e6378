/**
 * A real server on a random port over a real SQLite file in a fresh directory, with its first administrator
 * made through the store (as `liuhen admin create-admin` does) before it starts. The server trusts
 * X-Forwarded-For, so each test can speak from an address of its own and the per-address throttle of one
 * test does not reach another.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@liuhen/domain";
import { Accounts, AgencyId, PersonId, sqliteStoreLayer, Username, withAccounts } from "@liuhen/store";
import Database from "better-sqlite3";
import { Duration, Effect, Redacted, Schema } from "effect";
import { type AuthConfig, DEFAULT_AUTH_CONFIG, type RunningServer, startServer } from "../../src/index.js";

export const AGENCY = AgencyId.make("qianjiang-msa");
export const ADMIN = { username: "root-admin", password: "first-admin-passphrase" } as const;

export interface TestServer {
  readonly server: RunningServer;
  readonly directory: string;
  readonly filename: string;
  /** Rows of a table (of every agency), read from the file beside the server. */
  readonly count: (table: string) => number;
  readonly close: () => Promise<void>;
}

/** Makes an account straight in the store, as the operator would. */
export const seedAccount = (
  filename: string,
  keyDirectory: string,
  account: {
    agency?: string;
    username: string;
    password: string;
    roles: ReadonlyArray<Role>;
    personId?: string | null;
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
        actor: "operator:test",
      }),
    ).pipe(Effect.provide(withAccounts(sqliteStoreLayer({ filename, keyDirectory })))),
  );

export const startTestServer = async (auth: Partial<AuthConfig> = {}): Promise<TestServer> => {
  const directory = mkdtempSync(join(tmpdir(), "liuhen-auth-"));
  const filename = join(directory, "liuhen.db");
  const keyDirectory = join(directory, "keys");
  await seedAccount(filename, keyDirectory, { ...ADMIN, roles: ["admin"], personId: "person-root-admin" });
  const server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: { kind: "sqlite", filename },
    keyDirectory,
    auth: {
      ...DEFAULT_AUTH_CONFIG,
      maxFailuresPerAccount: 3,
      maxFailuresPerAddress: 6,
      loginWindow: Duration.minutes(15),
      trustProxy: true,
      ...auth,
    },
  });
  const reader = new Database(filename, { readonly: true, fileMustExist: true });
  return {
    server,
    directory,
    filename,
    count: (table) => (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n,
    close: async () => {
      reader.close();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};
