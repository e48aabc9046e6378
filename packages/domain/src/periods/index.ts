export * from "./deadline-status.js";
export * from "./due-date.js";
export * from "./period-result.js";
export * from "./period-rule.js";
export * from "./working-days.js";
