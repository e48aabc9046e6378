/**
 * The public channel's throttle, per client address over a sliding window: at most `maxSubmissionsPerAddress`
 * reports and `maxLookupsPerAddress` receipt look-ups (reading a status, posting a message) from one address
 * within `window`. Past either, the next request of that kind is refused with `IntakeThrottled` before
 * anything else is done, until the oldest of them leaves the window.
 *
 * - Every look-up counts, whether its code was right, unknown or malformed: the answer to a wrong code must
 *   teach nothing, and its cost must be the same.
 * - The table is the database's, as the login throttle's is (login-throttle.ts): several server processes on
 *   one PostgreSQL share the limit. An attempt is written (and committed) before counting, so a burst of
 *   concurrent requests sees itself.
 * - A refused request is not kept: hammering a throttled address does not extend its wait.
 * - Addresses count across agencies: one client trying codes at many agencies is one client.
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Clock, Context, Duration, Effect, Layer, Schema } from "effect";
import { IntakeThrottled } from "./errors.js";

export interface IntakeThrottleOptions {
  readonly maxSubmissionsPerAddress: number;
  readonly maxLookupsPerAddress: number;
  readonly window: Duration.DurationInput;
}

export const DEFAULT_INTAKE_THROTTLE: IntakeThrottleOptions = {
  maxSubmissionsPerAddress: 5,
  maxLookupsPerAddress: 30,
  window: Duration.minutes(15),
};

export type IntakeAction = "submit" | "lookup";

export interface IntakeThrottleService {
  /** Counts a request of the public channel, or refuses it when its address has made too many lately. */
  readonly admit: (request: {
    readonly address: string | null;
    readonly action: IntakeAction;
  }) => Effect.Effect<void, IntakeThrottled | SqlError>;
}

const decodeTimes = Schema.decodeUnknown(Schema.Array(Schema.Struct({ attempted_at: Schema.String })));

/** Where the address is unknown, all such requests share one counter. */
const UNKNOWN_ADDRESS = "(unknown)";

export const makeIntakeThrottle = (
  sql: SqlClient.SqlClient,
  options: IntakeThrottleOptions,
): IntakeThrottleService => {
  const window = Duration.toMillis(Duration.decode(options.window));
  const limitOf = (action: IntakeAction) =>
    action === "submit" ? options.maxSubmissionsPerAddress : options.maxLookupsPerAddress;

  return {
    admit: ({ address, action }) =>
      Effect.gen(function* () {
        const nowMs = yield* Clock.currentTimeMillis;
        const since = new Date(nowMs - window).toISOString();
        const from = address ?? UNKNOWN_ADDRESS;
        const attemptId = randomUUID();
        // What left the window is of no further use.
        yield* sql`DELETE FROM intake_attempts WHERE attempted_at <= ${since}`;
        yield* sql`INSERT INTO intake_attempts ${sql.insert({
          attempt_id: attemptId,
          address: from,
          action,
          attempted_at: new Date(nowMs).toISOString(),
        })}`;
        const times = yield* sql`SELECT attempted_at FROM intake_attempts
          WHERE address = ${from} AND action = ${action} AND attempted_at > ${since}
          ORDER BY attempted_at`.pipe(Effect.flatMap((rows) => Effect.orDie(decodeTimes(rows))));
        const limit = limitOf(action);
        if (times.length <= limit) return;
        yield* sql`DELETE FROM intake_attempts WHERE attempt_id = ${attemptId}`;
        // The wait until enough of the others leave the window to let one more in.
        const freeing = times[times.length - limit - 1] ?? times[0];
        const at = freeing === undefined ? nowMs : Date.parse(freeing.attempted_at) + window;
        return yield* new IntakeThrottled({
          action,
          retryAfterSeconds: Math.max(1, Math.ceil((at - nowMs) / 1000)),
        });
      }),
  };
};

export class IntakeThrottle extends Context.Tag("@liuhen/store/IntakeThrottle")<
  IntakeThrottle,
  IntakeThrottleService
>() {
  static readonly layer = (
    options: IntakeThrottleOptions = DEFAULT_INTAKE_THROTTLE,
  ): Layer.Layer<IntakeThrottle, never, SqlClient.SqlClient> =>
    Layer.effect(
      IntakeThrottle,
      Effect.map(SqlClient.SqlClient, (sql) => makeIntakeThrottle(sql, options)),
    );
}
