/**
 * The options that name a store for the commands that open one directly (export, import, admin):
 * `--database FILE` (SQLite) or `--database-url URL` (PostgreSQL), and `--keys DIR`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Options } from "@effect/cli";
import { type AgencyId, postgresStoreLayer, sqliteStoreLayer } from "@liuhen/store";
import { Either, Option, Schema } from "effect";

export class DatabaseUsage extends Schema.TaggedError<DatabaseUsage>()("DatabaseUsage", {
  message: Schema.String,
}) {}

export const databaseOptions = {
  database: Options.text("database").pipe(
    Options.optional,
    Options.withDescription("the SQLite database file"),
  ),
  databaseUrl: Options.text("database-url").pipe(
    Options.optional,
    Options.withDescription("a PostgreSQL URL, e.g. postgres://liuhen@db.internal:5432/liuhen"),
  ),
  keys: Options.text("keys").pipe(Options.withDescription("the key directory holding <agency>.ed25519.pem")),
};

export interface StoreChoice {
  readonly database: Option.Option<string>;
  readonly databaseUrl: Option.Option<string>;
  readonly keys: string;
}

export interface StoreOpening {
  /** Agencies whose keys are made or checked when the store opens. */
  readonly agencies?: ReadonlyArray<AgencyId>;
  /** May start a new SQLite file (only the first administrator's command): elsewhere a mistyped path must not. */
  readonly mayCreate?: boolean;
}

/** The store layer the options name: exactly one of --database and --database-url. */
export const storeFromOptions = (options: StoreChoice, opening: StoreOpening = {}) =>
  Option.match(options.database, {
    onSome: (filename) => {
      if (Option.isSome(options.databaseUrl)) {
        return Either.left(new DatabaseUsage({ message: "give --database or --database-url, not both" }));
      }
      if (!opening.mayCreate && !fs.existsSync(filename)) {
        return Either.left(new DatabaseUsage({ message: `--database: there is no database at ${filename}` }));
      }
      fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
      return Either.right(
        sqliteStoreLayer({ filename, keyDirectory: options.keys, agencies: opening.agencies }),
      );
    },
    onNone: () =>
      Option.match(options.databaseUrl, {
        onSome: (url) =>
          Either.right(
            postgresStoreLayer({
              url,
              keyDirectory: options.keys,
              agencies: opening.agencies,
              maxConnections: 2,
            }),
          ),
        onNone: () =>
          Either.left(
            new DatabaseUsage({ message: "give the database: --database FILE or --database-url URL" }),
          ),
      }),
  });
