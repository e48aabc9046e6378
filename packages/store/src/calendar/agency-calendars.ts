/**
 * The regimes each agency's periods are counted under: the deployment's regimes, each holiday calendar
 * extended with the years the agency's operator added (holiday-year-events.ts). Kept in memory, because a
 * period is counted synchronously inside a projection (`regimeOf`); filled from `holiday_years` when the
 * store starts and by the `holiday-years` projection as each addition is applied, so an added year counts
 * from the next request on, without a restart.
 *
 * A regime whose calendar has added years gets a version of its own (`1+china-mainland.2`: the second
 * addition), since the regime's version names everything that can change a result.
 */
import { type HolidayYear, Regime, RegimeRegistry } from "@liuhen/domain";
import { Either } from "effect";

interface AddedYears {
  readonly years: Map<number, HolidayYear>;
  /** The last addition recorded: the calendar stream's version. */
  additions: number;
}

export class AgencyCalendars {
  // agency → calendar id → the years added
  private readonly added = new Map<string, Map<string, AddedYears>>();
  private readonly registries = new Map<string, RegimeRegistry>();

  constructor(readonly builtIn: RegimeRegistry) {}

  /**
   * Counts `year` as the calendar's from `addition` on. An addition older than the last recorded is
   * ignored: a rebuild replaying the log does not take the calendar back while it replays.
   */
  record(agencyId: string, calendarId: string, year: HolidayYear, addition: number): void {
    const calendars = this.added.get(agencyId) ?? new Map<string, AddedYears>();
    const known = calendars.get(calendarId) ?? { years: new Map<number, HolidayYear>(), additions: 0 };
    if (addition <= known.additions) return;
    known.years.set(year.year, year);
    known.additions = addition;
    calendars.set(calendarId, known);
    this.added.set(agencyId, calendars);
    this.registries.delete(agencyId);
  }

  /** Drops what was recorded for the agency, before it is read again from the table. */
  forget(agencyId: string): void {
    this.added.delete(agencyId);
    this.registries.delete(agencyId);
  }

  /** The years added to a calendar for the agency, by year. */
  addedYears(agencyId: string, calendarId: string): ReadonlyMap<number, HolidayYear> {
    return this.added.get(agencyId)?.get(calendarId)?.years ?? new Map();
  }

  registryOf(agencyId: string): RegimeRegistry {
    const cached = this.registries.get(agencyId);
    if (cached !== undefined) return cached;
    const calendars = this.added.get(agencyId);
    const registry =
      calendars === undefined
        ? this.builtIn
        : new RegimeRegistry(
            this.builtIn.regimes.map((regime) => extended(regime, calendars.get(regime.calendar.id))),
            this.builtIn.defaultId,
          );
    this.registries.set(agencyId, registry);
    return registry;
  }

  /** The agency's default regime, as the proceeding projections count its periods. */
  readonly regimeOf = (agencyId: string): Regime => Either.getOrThrow(this.registryOf(agencyId).find());
}

const extended = (regime: Regime, added: AddedYears | undefined): Regime => {
  if (added === undefined) return regime;
  let calendar = regime.calendar;
  for (const year of added.years.values()) calendar = calendar.withYear(year);
  // Every field but these two is the valid regime's own, and `withYear` built a checked calendar.
  return new Regime(
    { ...regime, calendar, version: `${regime.version}+${calendar.id}.${added.additions}` },
    true,
  );
};
