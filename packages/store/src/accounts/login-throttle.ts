/**
 * Login throttling, per username and per address, over a sliding window. After `maxFailuresPerAccount`
 * failures for a username (since its last success) or `maxFailuresPerAddress` failures from an address,
 * within `window`, the next attempt is refused with `LoginThrottled` before any password is checked, until
 * the oldest of those failures leaves the window.
 *
 * - Counting is by the username as typed (lower-cased), whether or not such an account exists, so the
 *   throttle behaves alike for real and made-up names and tells nothing about which exist.
 * - An attempt is written (as `pending`, which counts as a failure) before its password is checked and the
 *   count is read after that write, so a burst of concurrent guesses sees itself and cannot slip past the
 *   limit while the hashes are being computed.
 * - A refused attempt is not kept: hammering a throttled name does not extend its lock. An attacker can
 *   still keep a known username locked by guessing once per freed slot; that is the price of per-account
 *   throttling, and the per-address limit bounds it.
 * - Address failures count across agencies: one client guessing at many agencies is one client.
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Clock, Context, Duration, Effect, Layer, Schema } from "effect";
import { LoginThrottled } from "./errors.js";

export interface LoginThrottleOptions {
  readonly maxFailuresPerAccount: number;
  readonly maxFailuresPerAddress: number;
  readonly window: Duration.DurationInput;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  window: Duration.minutes(15),
};

/** An attempt under way, to be settled once its password has been checked. */
export interface LoginAttempt {
  readonly attemptId: string;
}

export interface LoginThrottleService {
  /** Records an attempt, or refuses it when its username or address has failed too often lately. */
  readonly begin: (attempt: {
    readonly agencyId: string;
    readonly username: string;
    readonly address: string | null;
  }) => Effect.Effect<LoginAttempt, LoginThrottled | SqlError>;
  readonly settle: (attempt: LoginAttempt, outcome: "failed" | "succeeded") => Effect.Effect<void, SqlError>;
}

const decodeTimes = Schema.decodeUnknown(Schema.Array(Schema.Struct({ attempted_at: Schema.String })));

/** Where the address is unknown, all such attempts share one counter. */
const UNKNOWN_ADDRESS = "(unknown)";

export const makeLoginThrottle = (
  sql: SqlClient.SqlClient,
  options: LoginThrottleOptions,
): LoginThrottleService => {
  const window = Duration.toMillis(Duration.decode(options.window));

  /** Seconds until enough of these (ascending) failures leave the window to let one more attempt in. */
  const retryAfter = (times: ReadonlyArray<string>, limit: number, nowMs: number) => {
    const freeing = times[times.length - limit - 1] ?? times[0];
    const at = freeing === undefined ? nowMs : Date.parse(freeing) + window;
    return Math.max(1, Math.ceil((at - nowMs) / 1000));
  };

  return {
    begin: ({ agencyId, username, address }) =>
      Effect.gen(function* () {
        const nowMs = yield* Clock.currentTimeMillis;
        // A failure counts while it is younger than the window.
        const since = new Date(nowMs - window).toISOString();
        const from = address ?? UNKNOWN_ADDRESS;
        const attemptId = randomUUID();
        // What left the window is of no further use.
        yield* sql`DELETE FROM login_attempts WHERE attempted_at <= ${since}`;
        // Written (and committed) before counting: concurrent attempts count each other.
        yield* sql`INSERT INTO login_attempts ${sql.insert({
          attempt_id: attemptId,
          agency_id: agencyId,
          username,
          address: from,
          attempted_at: new Date(nowMs).toISOString(),
          outcome: "pending",
        })}`;
        const byAccount = yield* sql`SELECT attempted_at FROM login_attempts
          WHERE agency_id = ${agencyId} AND username = ${username} AND outcome <> 'succeeded'
            AND attempted_at > ${since}
            AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts
              WHERE agency_id = ${agencyId} AND username = ${username} AND outcome = 'succeeded'), '')
          ORDER BY attempted_at`.pipe(Effect.flatMap((rows) => Effect.orDie(decodeTimes(rows))));
        const byAddress = yield* sql`SELECT attempted_at FROM login_attempts
          WHERE address = ${from} AND outcome <> 'succeeded' AND attempted_at > ${since}
          ORDER BY attempted_at`.pipe(Effect.flatMap((rows) => Effect.orDie(decodeTimes(rows))));
        const accountFull = byAccount.length > options.maxFailuresPerAccount;
        const addressFull = byAddress.length > options.maxFailuresPerAddress;
        if (accountFull || addressFull) {
          yield* sql`DELETE FROM login_attempts WHERE attempt_id = ${attemptId}`;
          const wait = Math.max(
            accountFull
              ? retryAfter(
                  byAccount.map((r) => r.attempted_at),
                  options.maxFailuresPerAccount,
                  nowMs,
                )
              : 0,
            addressFull
              ? retryAfter(
                  byAddress.map((r) => r.attempted_at),
                  options.maxFailuresPerAddress,
                  nowMs,
                )
              : 0,
          );
          return yield* new LoginThrottled({ retryAfterSeconds: wait });
        }
        return { attemptId };
      }),
    settle: (attempt, outcome) =>
      sql`UPDATE login_attempts SET outcome = ${outcome} WHERE attempt_id = ${attempt.attemptId}`,
  };
};

export class LoginThrottle extends Context.Tag("@liuhen/store/LoginThrottle")<
  LoginThrottle,
  LoginThrottleService
>() {
  static readonly layer = (
    options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
  ): Layer.Layer<LoginThrottle, never, SqlClient.SqlClient> =>
    Layer.effect(
      LoginThrottle,
      Effect.map(SqlClient.SqlClient, (sql) => makeLoginThrottle(sql, options)),
    );
}
