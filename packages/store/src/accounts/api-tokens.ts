/**
 * Bearer tokens for the terminal UI (`liuhen login`). The token is shown once when made; the database keeps
 * its SHA-256, a name, when it was made and last used, and when it was revoked. A token needs no CSRF token:
 * a browser never attaches it to a request by itself.
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Clock, Context, Effect, Layer, Option, Redacted, Schema } from "effect";
import type { AgencyId } from "../event-log/identifiers.js";
import { AccountId, TokenId } from "./account-identifiers.js";
import { TokenNotFound } from "./errors.js";
import { newSecret, secretHash } from "./secrets.js";

/** What every token starts with, so a secret scanner (or a person) recognises one in a file or a log. */
export const TOKEN_PREFIX = "lht_";

// Last use is written at most this often per token, not on every request.
const LAST_USED_RESOLUTION_MS = 60_000;

export const ApiToken = Schema.Struct({
  tokenId: Schema.propertySignature(TokenId).pipe(Schema.fromKey("token_id")),
  name: Schema.String,
  createdAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("created_at")),
  lastUsedAt: Schema.propertySignature(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("last_used_at")),
  revokedAt: Schema.propertySignature(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("revoked_at")),
});
export type ApiToken = typeof ApiToken.Type;

/** A token just made: the secret, shown this once. */
export interface IssuedToken {
  readonly tokenId: TokenId;
  readonly token: Redacted.Redacted<string>;
  readonly name: string;
  readonly createdAt: string;
}

/** A live token, as a request presenting it finds it. */
export interface LiveToken {
  readonly tokenId: TokenId;
  readonly agencyId: string;
  readonly accountId: AccountId;
}

const decodeLiveRow = Schema.decodeUnknownEither(
  Schema.Struct({
    token_id: TokenId,
    agency_id: Schema.String,
    account_id: AccountId,
    last_used_at: Schema.NullOr(Schema.String),
  }),
);
const decodeTokens = Schema.decodeUnknown(Schema.Array(ApiToken));

export interface ApiTokensService {
  readonly issue: (token: {
    readonly agencyId: AgencyId | string;
    readonly accountId: AccountId;
    readonly name: string;
  }) => Effect.Effect<IssuedToken, SqlError>;
  /** The live token this secret is, if any; notes its use. */
  readonly resolve: (token: Redacted.Redacted<string>) => Effect.Effect<Option.Option<LiveToken>, SqlError>;
  /** Revokes one of the account's live tokens. */
  readonly revoke: (token: {
    readonly agencyId: string;
    readonly accountId: AccountId;
    readonly tokenId: TokenId;
  }) => Effect.Effect<void, TokenNotFound | SqlError>;
  /** The account's tokens, live and revoked, newest first; never a secret. */
  readonly list: (account: {
    readonly agencyId: string;
    readonly accountId: AccountId;
  }) => Effect.Effect<ReadonlyArray<ApiToken>, SqlError>;
}

export const makeApiTokens = (sql: SqlClient.SqlClient): ApiTokensService => ({
  issue: ({ agencyId, accountId, name }) =>
    Effect.gen(function* () {
      const createdAt = new Date(yield* Clock.currentTimeMillis).toISOString();
      const tokenId = TokenId.make(randomUUID());
      const token = Redacted.make(`${TOKEN_PREFIX}${newSecret()}`);
      yield* sql`INSERT INTO api_tokens ${sql.insert({
        agency_id: agencyId,
        token_id: tokenId,
        token_hash: secretHash(token),
        account_id: accountId,
        name,
        created_at: createdAt,
        last_used_at: null,
        revoked_at: null,
      })}`;
      return { tokenId, token, name, createdAt };
    }),
  resolve: (token) =>
    Effect.gen(function* () {
      if (!Redacted.value(token).startsWith(TOKEN_PREFIX)) return Option.none();
      const rows = yield* sql`SELECT token_id, agency_id, account_id, last_used_at FROM api_tokens
        WHERE token_hash = ${secretHash(token)} AND revoked_at IS NULL`;
      const row = Option.flatMap(Option.fromNullable(rows[0]), (r) => Option.getRight(decodeLiveRow(r)));
      if (Option.isNone(row)) return Option.none();
      const millis = yield* Clock.currentTimeMillis;
      const last = row.value.last_used_at === null ? 0 : Date.parse(row.value.last_used_at);
      if (millis - last >= LAST_USED_RESOLUTION_MS) {
        yield* sql`UPDATE api_tokens SET last_used_at = ${new Date(millis).toISOString()}
          WHERE agency_id = ${row.value.agency_id} AND token_id = ${row.value.token_id}`;
      }
      return Option.some({
        tokenId: row.value.token_id,
        agencyId: row.value.agency_id,
        accountId: row.value.account_id,
      });
    }),
  revoke: ({ agencyId, accountId, tokenId }) =>
    Effect.gen(function* () {
      const at = new Date(yield* Clock.currentTimeMillis).toISOString();
      const revoked = yield* sql`UPDATE api_tokens SET revoked_at = ${at}
        WHERE agency_id = ${agencyId} AND account_id = ${accountId} AND token_id = ${tokenId}
          AND revoked_at IS NULL
        RETURNING token_id`;
      if (revoked.length === 0) return yield* new TokenNotFound({ tokenId });
    }),
  list: ({ agencyId, accountId }) =>
    sql`SELECT token_id, name, created_at, last_used_at, revoked_at FROM api_tokens
      WHERE agency_id = ${agencyId} AND account_id = ${accountId} ORDER BY created_at DESC, token_id`.pipe(
      // A token row that fails its Schema is a damaged database, not something the caller can act on.
      Effect.flatMap((rows) => Effect.orDie(decodeTokens(rows))),
    ),
});

export class ApiTokens extends Context.Tag("@liuhen/store/ApiTokens")<ApiTokens, ApiTokensService>() {
  static readonly layer: Layer.Layer<ApiTokens, never, SqlClient.SqlClient> = Layer.effect(
    ApiTokens,
    Effect.map(SqlClient.SqlClient, makeApiTokens),
  );
}
