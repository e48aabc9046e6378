/**
 * The periods a proceeding runs, counted by an injected clock: the machines know when a period opens and
 * which step ends it, the clock knows the calendar (working days, 调休, month ends). A calendar error (a
 * year the holiday table does not know) passes through untouched as the clock's own error type.
 *
 * WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理。
 * WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定。
 */
import type { Either } from "effect";
import { Schema } from "effect";
import { StepDate } from "./step-date.js";

export const ProceedingPeriod = Schema.Literal("WC.10.1", "WC.10.3");
export type ProceedingPeriod = typeof ProceedingPeriod.Type;

export interface PeriodClock<E = never> {
  /** The last day of `period` when it starts on `start` (both `YYYY-MM-DD`), or the calendar's error. */
  readonly due: (period: ProceedingPeriod, start: string) => Either.Either<string, E>;
}

/** A period running: the step that opened it, and the day the step that ends it is due. */
export class OpenPeriod extends Schema.Class<OpenPeriod>("OpenPeriod")({
  period: ProceedingPeriod,
  /** The tag of the event that opened it. */
  openedBy: Schema.String,
  start: StepDate,
  due: StepDate,
}) {}

/**
 * A step taken after its period ran out. Lateness does not make the step illegal (a matter outside the
 * bureau's remit must still be transferred); it is kept so it can be reported.
 */
export class LateStep extends Schema.Class<LateStep>("LateStep")({
  period: ProceedingPeriod,
  /** The tag of the late event. */
  event: Schema.String,
  due: StepDate,
  on: StepDate,
}) {}
