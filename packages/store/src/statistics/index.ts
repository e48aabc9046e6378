/**
 * Statistics for the legal section and the head (counts only), kept by a projection of narrow facts and
 * counters (statistics-projection.ts, tables of migration `0014_statistics`) and read with SQL
 * (statistics-queries.ts). Register `statisticsProjection` after the proceeding projections (`withAccounts`
 * does); `withAccounts` provides `Statistics`.
 */
export * from "./interference-facts.js";
export * from "./statistics-projection.js";
export * from "./statistics-queries.js";
export * from "./wrong-case-facts.js";
