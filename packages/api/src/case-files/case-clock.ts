/**
 * The day by which case steps are dated and deadlines judged: today in Beijing time. A service, so the
 * server runs on the real clock and a test can set the day (a deadline across the National Day holiday, say)
 * without waiting for it.
 */
import { isoDateInShanghai } from "@liuhen/domain";
import { Clock, Context, Effect, Layer, Ref } from "effect";

export interface CaseClockService {
  readonly today: Effect.Effect<string>;
}

export class CaseClock extends Context.Tag("@liuhen/api/CaseClock")<CaseClock, CaseClockService>() {
  /** The runtime's clock, read as a day in Beijing. */
  static readonly live: Layer.Layer<CaseClock> = Layer.succeed(CaseClock, {
    today: Effect.map(Clock.currentTimeMillis, isoDateInShanghai),
  });

  /** A day the caller sets, e.g. for a test that walks through a holiday. */
  static readonly fixed = (day: Ref.Ref<string>): Layer.Layer<CaseClock> =>
    Layer.succeed(CaseClock, { today: Ref.get(day) });
}

export const today: Effect.Effect<string, never, CaseClock> = Effect.flatMap(
  CaseClock,
  (clock) => clock.today,
);
