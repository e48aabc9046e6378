/**
 * Web sessions. The browser holds a 256-bit secret in an httpOnly cookie; the database holds its SHA-256,
 * the session's CSRF token (which the page sends back in a header with every change it asks for), when it
 * expires and whether it was revoked. A session stops working when it expires, when it is revoked (sign-out,
 * a password change, the account disabled), and whenever its account is disabled, whatever the row says.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Clock, Context, Duration, Effect, Layer, Option, Redacted, Schema } from "effect";
import type { AgencyId } from "../event-log/identifiers.js";
import { AccountId } from "./account-identifiers.js";
import { newSecret, secretHash } from "./secrets.js";

export interface SessionOptions {
  /** How long a session lasts from sign-in; the cookie's Max-Age says the same. */
  readonly ttl: Duration.DurationInput;
}

export const DEFAULT_SESSION_TTL: Duration.DurationInput = Duration.hours(12);

/** A session just opened: the secret for the cookie and the CSRF token, each handed out once. */
export interface OpenedSession {
  readonly secret: Redacted.Redacted<string>;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly maxAgeSeconds: number;
}

/** A live session, as a request presenting its secret finds it. */
export interface LiveSession {
  /** SHA-256 of the secret: how the server names the session (to sign it out, say). */
  readonly key: string;
  readonly agencyId: string;
  readonly accountId: AccountId;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

const decodeSessionRow = Schema.decodeUnknownEither(
  Schema.Struct({
    session_hash: Schema.String,
    agency_id: Schema.String,
    account_id: AccountId,
    csrf_token: Schema.String,
    expires_at: Schema.String,
  }),
);

export interface SessionsService {
  readonly open: (session: {
    readonly agencyId: AgencyId | string;
    readonly accountId: AccountId;
    readonly address: string | null;
  }) => Effect.Effect<OpenedSession, SqlError>;
  /** The live session a secret opens, if any (not expired, not revoked). */
  readonly resolve: (
    secret: Redacted.Redacted<string>,
  ) => Effect.Effect<Option.Option<LiveSession>, SqlError>;
  /** Signs a session out; signing out twice is no error. */
  readonly revoke: (key: string) => Effect.Effect<void, SqlError>;
}

const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString());

/**
 * Revokes every session and API token of an account (but `exceptSession`), inside the caller's transaction
 * when there is one: what disabling an account and changing its password do.
 */
export const revokeAccountAccess = (
  agencyId: string,
  accountId: AccountId,
  options: { readonly exceptSession?: string | undefined } = {},
): Effect.Effect<void, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const at = yield* now;
    yield* sql`UPDATE sessions SET revoked_at = ${at}
      WHERE agency_id = ${agencyId} AND account_id = ${accountId} AND revoked_at IS NULL
      ${options.exceptSession === undefined ? sql`` : sql`AND session_hash <> ${options.exceptSession}`}`;
    yield* sql`UPDATE api_tokens SET revoked_at = ${at}
      WHERE agency_id = ${agencyId} AND account_id = ${accountId} AND revoked_at IS NULL`;
  });

export const makeSessions = (sql: SqlClient.SqlClient, options: SessionOptions): SessionsService => {
  const ttl = Duration.decode(options.ttl);
  return {
    open: ({ agencyId, accountId, address }) =>
      Effect.gen(function* () {
        const millis = yield* Clock.currentTimeMillis;
        const secret = Redacted.make(newSecret());
        const csrfToken = newSecret();
        const expiresAt = new Date(millis + Duration.toMillis(ttl)).toISOString();
        yield* sql`INSERT INTO sessions ${sql.insert({
          session_hash: secretHash(secret),
          agency_id: agencyId,
          account_id: accountId,
          csrf_token: csrfToken,
          created_at: new Date(millis).toISOString(),
          expires_at: expiresAt,
          revoked_at: null,
          address,
        })}`;
        return { secret, csrfToken, expiresAt, maxAgeSeconds: Math.floor(Duration.toSeconds(ttl)) };
      }),
    resolve: (secret) =>
      Effect.gen(function* () {
        const at = yield* now;
        const rows =
          yield* sql`SELECT session_hash, agency_id, account_id, csrf_token, expires_at FROM sessions
          WHERE session_hash = ${secretHash(secret)} AND revoked_at IS NULL AND expires_at > ${at}`;
        // A row that fails its Schema opens nothing.
        return Option.map(
          Option.flatMap(Option.fromNullable(rows[0]), (row) => Option.getRight(decodeSessionRow(row))),
          (row): LiveSession => ({
            key: row.session_hash,
            agencyId: row.agency_id,
            accountId: row.account_id,
            csrfToken: row.csrf_token,
            expiresAt: row.expires_at,
          }),
        );
      }),
    revoke: (key) =>
      Effect.flatMap(
        now,
        (at) =>
          sql`UPDATE sessions SET revoked_at = ${at} WHERE session_hash = ${key} AND revoked_at IS NULL`,
      ),
  };
};

export class Sessions extends Context.Tag("@liuhen/store/Sessions")<Sessions, SessionsService>() {
  static readonly layer = (
    options: SessionOptions = { ttl: DEFAULT_SESSION_TTL },
  ): Layer.Layer<Sessions, never, SqlClient.SqlClient> =>
    Layer.effect(
      Sessions,
      Effect.map(SqlClient.SqlClient, (sql) => makeSessions(sql, options)),
    );
}
