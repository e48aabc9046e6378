/**
 * The server's periodic work: the deadline scheduler (`checkDeadlines`: in-app notices of periods about to run
 * out, every LIUHEN_DEADLINE_CHECK_INTERVAL) and the checkpoint signer (`signCheckpoints`: a signed tree head
 * for every log that grew, every LIUHEN_CHECKPOINT_INTERVAL). Each runs a pass at start and then at its
 * interval while the server runs; a failed pass is logged and the next runs as planned. Both are idempotent,
 * so several server processes sharing PostgreSQL may each run them.
 */
import type { ApiServices } from "@liuhen/api";
import { type Duration, Effect, Schedule } from "effect";

export const periodically = <A, E>(
  name: string,
  pass: Effect.Effect<A, E, ApiServices>,
  interval: Duration.Duration,
): Effect.Effect<never, never, ApiServices> =>
  pass.pipe(
    Effect.tap((result) => Effect.logInfo(`${name} done`).pipe(Effect.annotateLogs({ result }))),
    Effect.catchAllCause((cause) => Effect.logError(`${name} failed`, cause)),
    Effect.repeat(Schedule.spaced(interval)),
    Effect.zipRight(Effect.never),
  );
