/**
 * Projections derived from the log and rebuildable from it (projection.ts), and the two the domain defines:
 * wrong-case proceedings with their deadlines, and interference records (proceeding-projections.ts),
 * recorded through `Proceedings` (proceedings.ts).
 */
export * from "./proceeding-events.js";
export * from "./proceeding-projections.js";
export * from "./proceedings.js";
export * from "./projection.js";
export * from "./regime-period-clock.js";
