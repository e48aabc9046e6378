/**
 * Accounts and what signing in needs. Every row carries agency_id.
 *
 * `accounts` is a projection (src/accounts/account-projection.ts): derived from the `Account.*` events,
 * cleared and replayed by a rebuild, so no other table references it. The others hold what must never enter
 * the log and cannot be rebuilt from it:
 *
 * - `credentials`: the argon2id hash (PHC string) of each account's password;
 * - `sessions`: web sessions, keyed by the SHA-256 of the secret in the browser's cookie (the secret itself is
 *   never stored), with the session's CSRF token, expiry and revocation;
 * - `api_tokens`: bearer tokens for the terminal UI, keyed by the SHA-256 of the token;
 * - `login_attempts`: sign-ins in the throttling window, per username and per address. An attempt may name
 *   an agency that does not exist (the answer must not tell), so this table references no log.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE accounts (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    account_id TEXT NOT NULL,
    username TEXT NOT NULL,
    person_id TEXT,
    display_name TEXT,
    roles TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    password_changed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    PRIMARY KEY (agency_id, account_id),
    UNIQUE (agency_id, username)
  )`;
  yield* sql`CREATE INDEX accounts_by_person ON accounts (agency_id, person_id)`;

  yield* sql`CREATE TABLE credentials (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    account_id TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, account_id)
  )`;

  yield* sql`CREATE TABLE sessions (
    session_hash TEXT NOT NULL PRIMARY KEY CHECK (length(session_hash) = 64),
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    account_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    address TEXT
  )`;
  yield* sql`CREATE INDEX sessions_by_account ON sessions (agency_id, account_id)`;

  yield* sql`CREATE TABLE api_tokens (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    token_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    PRIMARY KEY (agency_id, token_id)
  )`;
  yield* sql`CREATE INDEX api_tokens_by_account ON api_tokens (agency_id, account_id)`;

  yield* sql`CREATE TABLE login_attempts (
    attempt_id TEXT NOT NULL PRIMARY KEY,
    agency_id TEXT NOT NULL,
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'failed', 'succeeded'))
  )`;
  yield* sql`CREATE INDEX login_attempts_by_username ON login_attempts (agency_id, username, attempted_at)`;
  yield* sql`CREATE INDEX login_attempts_by_address ON login_attempts (address, attempted_at)`;
});
