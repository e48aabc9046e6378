/**
 * A day the holiday calendar has no notice for. Outside its years nobody knows which days are holidays or
 * adjusted working days, so a period running there is refused rather than guessed from weekdays.
 */
import { Schema } from "effect";
import { IsoDate } from "./iso-date.js";

/** "2020–2026", or "2020–2024, 2026" when a year is missing. */
export const describeYears = (years: ReadonlyArray<number>): string => {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.length === 0 ? "no years" : runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ");
};

export class CalendarOutOfRange extends Schema.TaggedError<CalendarOutOfRange>()("CalendarOutOfRange", {
  /** The first day looked at that the calendar does not cover. */
  date: IsoDate,
  /** The holiday calendar's id. */
  calendar: Schema.String,
  knownYears: Schema.Array(Schema.Int),
}) {
  override get message(): string {
    return `${this.date} lies outside the years the holiday calendar "${this.calendar}" knows (${describeYears(this.knownYears)}); add that year's holiday arrangement to the calendar first`;
  }
  get firstYear(): number | undefined {
    return this.knownYears.length === 0 ? undefined : Math.min(...this.knownYears);
  }
  get lastYear(): number | undefined {
    return this.knownYears.length === 0 ? undefined : Math.max(...this.knownYears);
  }
}
