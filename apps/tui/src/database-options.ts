/**
 * The options that name a store for the commands that open one directly (export, import, admin):
 * `--database FILE` (SQLite) or `--database-url URL` (PostgreSQL), and `--keys DIR`.
 */
import { Options } from "@effect/cli";
import { postgresStoreLayer, sqliteStoreLayer } from "@liuhen/store";
import { Either, Option, Schema } from "effect";

export class DatabaseUsage extends Schema.TaggedError<DatabaseUsage>()("DatabaseUsage", {
  message: Schema.String,
}) {}

export const databaseOptions = {
  database: Options.file("database", { exists: "yes" }).pipe(
    Options.optional,
    Options.withDescription("the SQLite database file"),
  ),
  databaseUrl: Options.text("database-url").pipe(
    Options.optional,
    Options.withDescription("a PostgreSQL URL, e.g. postgres://liuhen@db.internal:5432/liuhen"),
  ),
  keys: Options.directory("keys", { exists: "yes" }).pipe(
    Options.withDescription("the key directory holding <agency>.ed25519.pem"),
  ),
};

/** The store layer the options name: exactly one of --database and --database-url. */
export const storeFromOptions = (options: {
  readonly database: Option.Option<string>;
  readonly databaseUrl: Option.Option<string>;
  readonly keys: string;
}) =>
  Option.match(options.database, {
    onSome: (filename) =>
      Option.isSome(options.databaseUrl)
        ? Either.left(new DatabaseUsage({ message: "give --database or --database-url, not both" }))
        : Either.right(sqliteStoreLayer({ filename, keyDirectory: options.keys })),
    onNone: () =>
      Option.match(options.databaseUrl, {
        onSome: (url) =>
          Either.right(postgresStoreLayer({ url, keyDirectory: options.keys, maxConnections: 2 })),
        onNone: () =>
          Either.left(
            new DatabaseUsage({ message: "give the database: --database FILE or --database-url URL" }),
          ),
      }),
  });
