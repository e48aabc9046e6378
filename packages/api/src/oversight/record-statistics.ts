/**
 * The figures for the legal section and the head, counts only — no record id, no name, no case:
 *
 * Interference records: by IF.10 category (as categorised when recorded, and as found, IF.10 第一项至第七项),
 * by method (IF.3 方式), by the recording handler's department and by month made. A record falls in every
 * category it was given, so the category counts may add up to more than the total; every other breakdown adds
 * up to the total. A record is counted in the channel it is routed to (IF.3): the legal section and the head
 * count the legal section's, the judicial supervision its own. A record routed to the judicial supervision is
 * about the head or a legal officer: counting it for them would tell them it exists.
 *
 * Wrong-case proceedings (WC.10): by stage, trigger (staff or public report, WC.10.1 任何人均有权举报或投诉),
 * outcome and month the report came in; time per stage; the WC.10.1 and WC.10.3 periods met and missed.
 *
 * The counting is the store's (SQL over the statistics projection); this module says who counts what.
 */
import { type Role, type Route, routeFor } from "@liuhen/domain";
import {
  Accounts,
  type AgencyId,
  type RecordStatistics,
  Statistics,
  type WrongCaseStatistics,
} from "@liuhen/store";
import { Effect } from "effect";
import { today } from "../case-files/case-clock.js";
import type { Caller } from "../context.js";
import { directoryIndex } from "./agency-records.js";
import { monthRange, type StatisticsPeriod } from "./statistics-period.js";

export type { RecordStatistics, WrongCaseStatistics };

/** The channels whose records the caller counts. */
export const statisticsRoutes = (caller: Caller): ReadonlyArray<Route> => [
  ...(caller.roles.includes("legal-officer") || caller.roles.includes("head")
    ? (["legal-section"] as const)
    : []),
  ...(caller.roles.includes("judicial-supervision") ? (["judicial-supervision"] as const) : []),
];

/** Who may read the wrong-case figures: the legal section, which runs WC.10, and the head. */
export const readsWrongCaseStatistics = (caller: Caller): boolean =>
  caller.roles.includes("legal-officer") || caller.roles.includes("head");

/**
 * The people in the directory whose enabled accounts' roles route a record naming them to the judicial
 * supervision (the domain's `routeFor`, IF.3).
 */
const seniorPeople = (agencyId: AgencyId) =>
  Effect.gen(function* () {
    const accounts = yield* Effect.flatMap(Accounts, (a) => a.list(agencyId));
    const people = yield* directoryIndex(agencyId);
    const roles = new Map<string, Set<Role>>();
    for (const account of accounts) {
      if (account.status !== "active" || account.personId === null || !people.has(account.personId)) continue;
      const held = roles.get(account.personId) ?? new Set<Role>();
      for (const role of account.roles) held.add(role);
      roles.set(account.personId, held);
    }
    return [...roles]
      .filter(([, held]) => routeFor([held]) === "judicial-supervision")
      .map(([person]) => person)
      .sort();
  });

export interface PeriodShown {
  readonly from: string | null;
  readonly to: string | null;
  readonly quarter: string | null;
}

export interface InterferenceFigures extends RecordStatistics, PeriodShown {
  readonly routes: ReadonlyArray<Route>;
}

export interface WrongCaseFigures extends WrongCaseStatistics, PeriodShown {
  /** The day `overdue` is counted on. */
  readonly asOf: string;
}

export const interferenceFigures = (caller: Caller, period: StatisticsPeriod) =>
  Effect.gen(function* () {
    const range = monthRange(period);
    const routes = statisticsRoutes(caller);
    const seniors = yield* seniorPeople(caller.agencyId);
    const counts = yield* Effect.flatMap(Statistics, (s) =>
      s.interference(caller.agencyId, {
        from: range.from ?? undefined,
        to: range.to ?? undefined,
        routes,
        seniors,
      }),
    );
    const figures: InterferenceFigures = { routes: [...routes], ...range, ...counts };
    return figures;
  });

export const wrongCaseFigures = (caller: Caller, period: StatisticsPeriod) =>
  Effect.gen(function* () {
    const range = monthRange(period);
    const asOf = yield* today;
    const counts = yield* Effect.flatMap(Statistics, (s) =>
      s.wrongCases(caller.agencyId, {
        from: range.from ?? undefined,
        to: range.to ?? undefined,
        today: asOf,
      }),
    );
    const figures: WrongCaseFigures = { ...range, asOf, ...counts };
    return figures;
  });

/** Everything the caller may read, as the reports endpoint exports it: wrong cases null when not theirs. */
export const statisticsReport = (caller: Caller, period: StatisticsPeriod) =>
  Effect.gen(function* () {
    const interference = yield* interferenceFigures(caller, period);
    const wrongCases = readsWrongCaseStatistics(caller) ? yield* wrongCaseFigures(caller, period) : null;
    return { interference, wrongCases };
  });
