/**
 * Personnel actions against staff (IF.9 免职、调离、辞退、降级、撤职、开除等处分) as events in the agency's log
 * (personnel-action-events.ts) with the `personnel-actions` projection (personnel-action-projection.ts),
 * registered together with the protection alerts they raise through `PersonnelActions` (personnel-actions.ts).
 * Table: migration `0008_personnel_actions`. Register `personnelActionsProjection` with the other
 * projections (`withAccounts` does).
 */
export * from "./personnel-action-events.js";
export * from "./personnel-action-projection.js";
export * from "./personnel-actions.js";
