/**
 * Projections derived from the log and rebuildable from it (projection.ts), and the two the domain defines:
 * wrong-case proceedings with their deadlines, and interference records (proceeding-projections.ts),
 * recorded through `Proceedings` (proceedings.ts); wrong-case proceedings numbered WC-<year>-<n>
 * (wrong-case-number.ts), interference records IF-<year>-<n> (interference-record-number.ts).
 */
export * from "./interference-record-number.js";
export * from "./proceeding-events.js";
export * from "./proceeding-projections.js";
export * from "./proceedings.js";
export * from "./projection.js";
export * from "./regime-period-clock.js";
export * from "./wrong-case-number.js";
