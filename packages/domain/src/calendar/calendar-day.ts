/**
 * What a day is under the State Council's arrangement: an ordinary working day, a weekend, a statutory rest
 * day (放假, including the weekend days inside a holiday), or a weekend day worked instead (调休上班).
 */
import { Schema } from "effect";
import { IsoDate } from "./iso-date.js";

export const OrdinaryWorkingDay = Schema.TaggedStruct("OrdinaryWorkingDay", { date: IsoDate });
export const Weekend = Schema.TaggedStruct("Weekend", { date: IsoDate });
export const StatutoryRestDay = Schema.TaggedStruct("StatutoryRestDay", {
  date: IsoDate,
  /** The holiday as the notice names it, e.g. 春节. */
  holiday: Schema.String,
});
export const AdjustedWorkingDay = Schema.TaggedStruct("AdjustedWorkingDay", {
  date: IsoDate,
  /** The holiday whose arrangement moved work onto this weekend day. */
  holiday: Schema.String,
});

export const CalendarDay = Schema.Union(OrdinaryWorkingDay, Weekend, StatutoryRestDay, AdjustedWorkingDay);
export type CalendarDay = typeof CalendarDay.Type;

// A table keyed by every tag, so a new kind of day fails to compile until it is placed here.
const WORKING: { readonly [K in CalendarDay["_tag"]]: boolean } = {
  OrdinaryWorkingDay: true,
  Weekend: false,
  StatutoryRestDay: false,
  AdjustedWorkingDay: true,
};

export const isWorking = (day: CalendarDay): boolean => WORKING[day._tag];
