/**
 * The real server for the rows that need one (`http`, `tui-start`): an account made in the store before it
 * starts (as `liuhen admin` would), with a bearer token, then the built `apps/server/dist/main.js` on that
 * data directory, on a free port.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Role } from "@liuhen/domain";
import {
  Accounts,
  AgencyId,
  ApiTokens,
  PersonId,
  sqliteStoreLayer,
  Username,
  withAccounts,
} from "@liuhen/store";
import { Effect, ManagedRuntime, Redacted, Schema } from "effect";
import { jsonPort, type Listening, startListening } from "./children.js";

export const AGENCY = "qianjiang-msa";

export interface SeededAccount {
  readonly username: string;
  readonly tokenId: string;
  readonly token: string;
}

/** Makes an account with these roles and a bearer token for it, straight in the store at `dataDir`. */
export const seedAccount = async (
  dataDir: string,
  account: { readonly username: string; readonly personId: string; readonly roles: ReadonlyArray<Role> },
): Promise<SeededAccount> => {
  const runtime = ManagedRuntime.make(
    withAccounts(
      sqliteStoreLayer({ filename: join(dataDir, "liuhen.db"), keyDirectory: join(dataDir, "keys") }),
    ),
  );
  try {
    return await runtime.runPromise(
      Effect.gen(function* () {
        const made = yield* Effect.flatMap(Accounts, (accounts) =>
          accounts.create({
            agencyId: AgencyId.make(AGENCY),
            username: Schema.decodeSync(Username)(account.username),
            personId: PersonId.make(account.personId),
            displayName: null,
            roles: account.roles,
            password: Redacted.make(`${account.username}-bench-passphrase`),
            mustChangePassword: false,
            actor: "operator:bench",
          }),
        );
        const issued = yield* Effect.flatMap(ApiTokens, (tokens) =>
          tokens.issue({ agencyId: AGENCY, accountId: made.accountId, name: "bench" }),
        );
        return { username: account.username, tokenId: issued.tokenId, token: Redacted.value(issued.token) };
      }),
    );
  } finally {
    await runtime.dispose();
  }
};

const serverMain = (): string => {
  const require = createRequire(import.meta.url);
  // The package exports its built index (dist/index.js); the command beside it is dist/main.js.
  return join(dirname(require.resolve("@liuhen/server")), "main.js");
};

/** The built server on `dataDir`'s SQLite file, listening on a free port of 127.0.0.1. */
export const startLiuhenServer = (dataDir: string): Promise<Listening> =>
  startListening(
    serverMain(),
    [],
    { PORT: "0", HOST: "127.0.0.1", LIUHEN_DATA_DIR: dataDir, LIUHEN_DEMO: "false" },
    (line) => (line.includes('"listening"') ? jsonPort(line) : undefined),
  );
