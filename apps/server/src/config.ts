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
 *
 * Reports from the public (no account): LIUHEN_INTAKE_MAX_SUBMISSIONS_PER_ADDRESS (5) and
 * LIUHEN_INTAKE_MAX_LOOKUPS_PER_ADDRESS (30) within LIUHEN_INTAKE_WINDOW (15 minutes). Every request:
 * LIUHEN_MAX_BODY_BYTES (262144, 256 KiB) is the largest body the server reads; a larger one gets 413.
 * LIUHEN_MAX_ATTACHMENT_BYTES (10485760, 10 MiB) is the largest file `POST /attachments` takes, instead.
 * LIUHEN_DEADLINE_CHECK_INTERVAL (1 hour) is how often the deadline scheduler runs a pass;
 * LIUHEN_CHECKPOINT_INTERVAL (10 minutes) how often a grown log gets a signed checkpoint.
 *
 * LIUHEN_DEMO=true (what `npm start` passes, as `--demo`) seeds a demo agency into an empty database.
 */
import type { CaseClock } from "@liuhen/api";
import { Config, Duration, type Layer, Option, type Redacted } from "effect";

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

/** The public channel's throttle, per client address (src/intake/intake-throttle.ts in the store). */
export interface IntakeConfig {
  readonly maxSubmissionsPerAddress: number;
  readonly maxLookupsPerAddress: number;
  readonly window: Duration.Duration;
}

export const DEFAULT_INTAKE_CONFIG: IntakeConfig = {
  maxSubmissionsPerAddress: 5,
  maxLookupsPerAddress: 30,
  window: Duration.minutes(15),
};

export const IntakeConfig: Config.Config<IntakeConfig> = Config.all({
  maxSubmissionsPerAddress: positive(
    "LIUHEN_INTAKE_MAX_SUBMISSIONS_PER_ADDRESS",
    DEFAULT_INTAKE_CONFIG.maxSubmissionsPerAddress,
  ),
  maxLookupsPerAddress: positive(
    "LIUHEN_INTAKE_MAX_LOOKUPS_PER_ADDRESS",
    DEFAULT_INTAKE_CONFIG.maxLookupsPerAddress,
  ),
  window: Config.duration("LIUHEN_INTAKE_WINDOW").pipe(Config.withDefault(DEFAULT_INTAKE_CONFIG.window)),
});

/** How often the deadline scheduler looks for periods about to run out (and at start). */
export const DEFAULT_DEADLINE_CHECK_INTERVAL = Duration.hours(1);

/** How often a log that grew gets a signed checkpoint (and at start and shutdown). */
export const DEFAULT_CHECKPOINT_INTERVAL = Duration.minutes(10);

/** The largest request body read, in bytes: a report's 20,000 characters and more fit, a flood does not. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** The largest attached file, in bytes: a scanned record or a photograph of the site, not a video archive. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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
  /**
   * The day case steps are dated and deadlines judged by; when left out, the real clock (the demo's fixed day
   * with `demo`, see demo/demo-day.ts). Tests set it.
   */
  readonly caseClock?: Layer.Layer<CaseClock> | undefined;
  /** The public channel's throttle; DEFAULT_INTAKE_CONFIG when left out. */
  readonly intake?: IntakeConfig | undefined;
  /** The largest request body, in bytes; DEFAULT_MAX_BODY_BYTES when left out. */
  readonly maxBodyBytes?: number | undefined;
  /** The largest attached file (`POST /attachments`), in bytes; DEFAULT_MAX_ATTACHMENT_BYTES when left out. */
  readonly maxAttachmentBytes?: number | undefined;
  /** Between two passes of the deadline scheduler; DEFAULT_DEADLINE_CHECK_INTERVAL when left out. */
  readonly deadlineCheckInterval?: Duration.Duration | undefined;
  /** Between two passes of the checkpoint signer; DEFAULT_CHECKPOINT_INTERVAL when left out. */
  readonly checkpointInterval?: Duration.Duration | undefined;
  /** Seed the demo agency into an empty database (`npm start`); never for a real agency's database. */
  readonly demo?: boolean | undefined;
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
  intake: IntakeConfig,
  maxBodyBytes: positive("LIUHEN_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
  maxAttachmentBytes: positive("LIUHEN_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES),
  deadlineCheckInterval: Config.duration("LIUHEN_DEADLINE_CHECK_INTERVAL").pipe(
    Config.withDefault(DEFAULT_DEADLINE_CHECK_INTERVAL),
  ),
  checkpointInterval: Config.duration("LIUHEN_CHECKPOINT_INTERVAL").pipe(
    Config.withDefault(DEFAULT_CHECKPOINT_INTERVAL),
  ),
  demo: Config.boolean("LIUHEN_DEMO").pipe(Config.withDefault(false)),
}).pipe(
  Config.map(
    ({
      host,
      port,
      dataDir,
      databaseUrl,
      keyDirectory,
      auth,
      intake,
      maxBodyBytes,
      maxAttachmentBytes,
      deadlineCheckInterval,
      checkpointInterval,
      demo,
    }) => ({
      host,
      port,
      database: Option.match(databaseUrl, {
        onNone: (): Database => ({ kind: "sqlite", filename: `${dataDir}/liuhen.db` }),
        onSome: (url): Database => ({ kind: "postgres", url }),
      }),
      keyDirectory: Option.getOrElse(keyDirectory, () => `${dataDir}/keys`),
      auth,
      intake,
      maxBodyBytes,
      maxAttachmentBytes,
      deadlineCheckInterval,
      checkpointInterval,
      demo,
    }),
  ),
);
