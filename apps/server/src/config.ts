/**
 * The server's configuration, from the environment, with defaults that run Liuhen on one machine:
 * port 3000, an embedded SQLite file at ./data/liuhen.db, keys in ./data/keys. DATABASE_URL=postgres://…
 * switches to PostgreSQL (several server processes sharing one database).
 *
 * Signing in: LIUHEN_COOKIE_SECURE=true marks the session cookie Secure (set it whenever users reach the
 * server over HTTPS, as they must in production); LIUHEN_SESSION_TTL (default 12 hours);
 * LIUHEN_LOGIN_MAX_FAILURES_PER_ACCOUNT (5), LIUHEN_LOGIN_MAX_FAILURES_PER_ADDRESS (20) and
 * LIUHEN_LOGIN_WINDOW (15 minutes) for the throttle; LIUHEN_TRUST_PROXY=true takes the client's address
 * from the last X-Forwarded-For entry (only behind a reverse proxy that sets it).
 */
import { Config, Duration, Option, type Redacted } from "effect";

export interface AuthConfig {
  /** Adds `Secure` to the session cookie: browsers then send it over HTTPS only. */
  readonly cookieSecure: boolean;
  readonly sessionTtl: Duration.Duration;
  readonly maxFailuresPerAccount: number;
  readonly maxFailuresPerAddress: number;
  readonly loginWindow: Duration.Duration;
  /** Whether a reverse proxy in front sets X-Forwarded-For (else it is ignored: clients could forge it). */
  readonly trustProxy: boolean;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  cookieSecure: false,
  sessionTtl: Duration.hours(12),
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  loginWindow: Duration.minutes(15),
  trustProxy: false,
};

const positive = (name: string, fallback: number) =>
  Config.integer(name).pipe(
    Config.validate({ message: `${name} is a whole number of at least 1`, validation: (n) => n >= 1 }),
    Config.withDefault(fallback),
  );

export const AuthConfig: Config.Config<AuthConfig> = Config.all({
  cookieSecure: Config.boolean("LIUHEN_COOKIE_SECURE").pipe(
    Config.withDefault(DEFAULT_AUTH_CONFIG.cookieSecure),
  ),
  sessionTtl: Config.duration("LIUHEN_SESSION_TTL").pipe(Config.withDefault(DEFAULT_AUTH_CONFIG.sessionTtl)),
  maxFailuresPerAccount: positive(
    "LIUHEN_LOGIN_MAX_FAILURES_PER_ACCOUNT",
    DEFAULT_AUTH_CONFIG.maxFailuresPerAccount,
  ),
  maxFailuresPerAddress: positive(
    "LIUHEN_LOGIN_MAX_FAILURES_PER_ADDRESS",
    DEFAULT_AUTH_CONFIG.maxFailuresPerAddress,
  ),
  loginWindow: Config.duration("LIUHEN_LOGIN_WINDOW").pipe(
    Config.withDefault(DEFAULT_AUTH_CONFIG.loginWindow),
  ),
  trustProxy: Config.boolean("LIUHEN_TRUST_PROXY").pipe(Config.withDefault(DEFAULT_AUTH_CONFIG.trustProxy)),
});

export type Database =
  | { readonly kind: "sqlite"; readonly filename: string }
  | { readonly kind: "postgres"; readonly url: Redacted.Redacted };

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly database: Database;
  /** The agencies' checkpoint signing keys: kept outside the database. */
  readonly keyDirectory: string;
  /** Sessions, cookies and the login throttle; DEFAULT_AUTH_CONFIG when left out. */
  readonly auth?: AuthConfig | undefined;
}

export const ServerConfig: Config.Config<ServerConfig> = Config.all({
  host: Config.string("HOST").pipe(Config.withDefault("127.0.0.1")),
  // 0 asks the system for a free port (tests, several instances on one machine).
  port: Config.integer("PORT").pipe(
    Config.validate({
      message: "PORT is a port number from 0 to 65535",
      validation: (p) => p >= 0 && p <= 65535,
    }),
    Config.withDefault(3000),
  ),
  dataDir: Config.string("LIUHEN_DATA_DIR").pipe(Config.withDefault("./data")),
  databaseUrl: Config.option(Config.redacted("DATABASE_URL")),
  keyDirectory: Config.option(Config.string("LIUHEN_KEY_DIR")),
  auth: AuthConfig,
}).pipe(
  Config.map(({ host, port, dataDir, databaseUrl, keyDirectory, auth }) => ({
    host,
    port,
    database: Option.match(databaseUrl, {
      onNone: (): Database => ({ kind: "sqlite", filename: `${dataDir}/liuhen.db` }),
      onSome: (url): Database => ({ kind: "postgres", url }),
    }),
    keyDirectory: Option.getOrElse(keyDirectory, () => `${dataDir}/keys`),
    auth,
  })),
);
