/**
 * The clock a wrong-case projection counts its periods with: the regime's reading of each period
 * (`Regime.periods`) on the regime's holiday calendar, as the domain's `dueDate` computes it.
 *
 * WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理。
 * WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定。
 */
import {
  type CalendarOutOfRange,
  citation,
  dueDate,
  type IsoDate,
  type PeriodClock,
  type Regime,
} from "@liuhen/domain";
import { Either } from "effect";

/** A start the calendar cannot read is refused by the calendar itself, never guessed. */
export const regimePeriodClock = (regime: Regime): PeriodClock<CalendarOutOfRange> => ({
  due: (period, start) =>
    Either.map(
      // Steps carry StepDate, which is checked by IsoDate's own rule; only the brand is missing.
      dueDate(regime.periods[period], start as IsoDate, regime.calendar, citation(period)),
      (result) => result.due,
    ),
});
