/**
 * The regimes a procedure runs under are its caller's agency's: the deployment's regimes with the holiday
 * years the agency's operator added (`HolidayYears`), read at each request, so periods, deadlines and
 * `assess` count on a year from the moment it is added. A caller nobody signed in (the public `assess`)
 * gets the regimes as released: the years added belong to an agency.
 */
import { Regimes } from "@liuhen/domain";
import { HolidayYears } from "@liuhen/store";
import { Effect } from "effect";
import type { ApiContext, ApiServices } from "../context.js";

export const inCallersRegimes = <A, E>(
  ctx: ApiContext,
  program: Effect.Effect<A, E, ApiServices>,
): Effect.Effect<A, E, ApiServices> => {
  const agencyId = ctx.caller?.agencyId;
  return agencyId === undefined
    ? program
    : Effect.provideServiceEffect(
        program,
        Regimes,
        Effect.map(HolidayYears, (years) => years.registryOf(agencyId)),
      );
};
