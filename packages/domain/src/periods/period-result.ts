/** A computed due date with the steps that explain it. */
import { Schema } from "effect";
import { IsoDate } from "../calendar/iso-date.js";
import { BasisStep } from "../explanation/basis.js";
import { PeriodUnit } from "./period-rule.js";

export class PeriodResult extends Schema.Class<PeriodResult>("PeriodResult")({
  start: IsoDate,
  /** The last day of the period: the act is in time on this day. */
  due: IsoDate,
  unit: PeriodUnit,
  /** What was counted: rest days skipped, 调休 days counted, month-end clamping, rolling forward, the notices used. */
  steps: Schema.Array(BasisStep),
}) {}
