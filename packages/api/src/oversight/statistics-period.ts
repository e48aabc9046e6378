/**
 * The period statistics cover: any months from `from` to `to` (YYYY-MM, inclusive, either open), or one
 * quarter (`2020-Q4`: October to December 2020) — the quarterly summary's unit. Not both.
 */
import { AttestationMonth } from "@liuhen/store";
import { Schema } from "effect";

export const Quarter = Schema.String.pipe(
  Schema.pattern(/^\d{4}-Q[1-4]$/, { message: () => "a quarter is written YYYY-Qn, e.g. 2020-Q4" }),
  Schema.annotations({ identifier: "Quarter" }),
);
export type Quarter = typeof Quarter.Type;

export const StatisticsPeriod = Schema.Struct({
  from: Schema.optional(AttestationMonth),
  to: Schema.optional(AttestationMonth),
  quarter: Schema.optional(Quarter),
}).pipe(
  Schema.filter((period) =>
    period.quarter !== undefined && (period.from !== undefined || period.to !== undefined)
      ? { path: ["quarter"], message: "give a quarter or months from/to, not both" }
      : period.from !== undefined && period.to !== undefined && period.from > period.to
        ? { path: ["to"], message: `to: ${period.to} is before from: ${period.from}` }
        : true,
  ),
);
export type StatisticsPeriod = typeof StatisticsPeriod.Type;

/** The first and last month of a quarter. */
export const quarterMonths = (quarter: Quarter): { readonly from: string; readonly to: string } => {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const month = (m: number) => `${year}-${String(m).padStart(2, "0")}`;
  return { from: month(q * 3 - 2), to: month(q * 3) };
};

/** The months a period covers; null where it is open. */
export const monthRange = (
  period: StatisticsPeriod,
): { readonly from: string | null; readonly to: string | null; readonly quarter: string | null } =>
  period.quarter !== undefined
    ? { ...quarterMonths(period.quarter), quarter: period.quarter }
    : { from: period.from ?? null, to: period.to ?? null, quarter: null };
