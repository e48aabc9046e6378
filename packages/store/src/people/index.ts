/**
 * The staff directory (人员名录): directory changes as events in the agency's log (person-events.ts) with the
 * `people` projection (person-projection.ts), changed and read through `Directory` (directory.ts). Table:
 * migration `0004_people`. Register `peopleProjection` with the other projections (`withAccounts` does).
 */
export * from "./directory.js";
export * from "./errors.js";
export * from "./person-events.js";
export * from "./person-fields.js";
export * from "./person-projection.js";
