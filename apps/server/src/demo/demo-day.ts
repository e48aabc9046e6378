/**
 * The demo runs on a fixed day: its steps are dated and its deadlines judged as of DEMO_DAY, whatever the
 * machine's date. So `npm start` seeds the same proceedings every time (and keeps working after the holiday
 * calendar's last year, where a real agency's server refuses a period it cannot count until the operator adds
 * that year's notice), and what the greeting and the pages show can be followed step by step.
 */
import { CaseClock } from "@liuhen/api";
import { Effect, Layer } from "effect";

/** A Friday, inside the calendar's years, with a weekend before the two working days of a WC.10.1 period. */
export const DEMO_DAY = "2026-11-27";

export const demoCaseClock: Layer.Layer<CaseClock> = Layer.succeed(CaseClock, {
  today: Effect.succeed(DEMO_DAY),
});
