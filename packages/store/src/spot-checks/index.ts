/**
 * Spot checks (IF.4 区局法治科应加强检查、抽查): a commitment and its draw as events in the agency's log
 * (spot-check-events.ts) with the `spot-checks` projection (spot-check-projection.ts), committed, drawn and
 * checked through `SpotChecks` (spot-checks.ts); the sample is the domain's `drawSample`. Tables: migration
 * `0009_spot_checks`. Register `spotChecksProjection` with the other projections (`withAccounts` does).
 */
export * from "./errors.js";
export * from "./spot-check-events.js";
export * from "./spot-check-projection.js";
export * from "./spot-checks.js";
