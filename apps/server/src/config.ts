/**
 * The server's configuration, from the environment, with defaults that run Liuhen on one machine:
 * port 3000, an embedded SQLite file at ./data/liuhen.db, keys in ./data/keys. DATABASE_URL=postgres://…
 * switches to PostgreSQL (several server processes sharing one database).
 */
import { Config, Option, type Redacted } from "effect";

export type Database =
  | { readonly kind: "sqlite"; readonly filename: string }
  | { readonly kind: "postgres"; readonly url: Redacted.Redacted };

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly database: Database;
  /** The agencies' checkpoint signing keys: kept outside the database. */
  readonly keyDirectory: string;
}

export const ServerConfig: Config.Config<ServerConfig> = Config.all({
  host: Config.string("HOST").pipe(Config.withDefault("127.0.0.1")),
  // 0 asks the system for a free port (tests, several instances on one machine).
  port: Config.integer("PORT").pipe(
    Config.validate({ message: "PORT is a port number from 0 to 65535", validation: (p) => p >= 0 && p <= 65535 }),
    Config.withDefault(3000),
  ),
  dataDir: Config.string("LIUHEN_DATA_DIR").pipe(Config.withDefault("./data")),
  databaseUrl: Config.option(Config.redacted("DATABASE_URL")),
  keyDirectory: Config.option(Config.string("LIUHEN_KEY_DIR")),
}).pipe(
  Config.map(({ host, port, dataDir, databaseUrl, keyDirectory }) => ({
    host,
    port,
    database: Option.match(databaseUrl, {
      onNone: (): Database => ({ kind: "sqlite", filename: `${dataDir}/liuhen.db` }),
      onSome: (url): Database => ({ kind: "postgres", url }),
    }),
    keyDirectory: Option.getOrElse(keyDirectory, () => `${dataDir}/keys`),
  })),
);
