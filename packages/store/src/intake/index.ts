/**
 * Reports from the public (WC.10.1 任何人均有权举报或投诉): a report opens its wrong-case proceeding and issues
 * a receipt code in one transaction (intake.ts); the receipt and the thread between the reporter and the
 * legal section are events in `intake/<proceedingId>` (intake-events.ts) with the `public-intake` projection
 * (intake-projection.ts); codes are 140 random bits in Crockford base 32, stored as SHA-256 only
 * (receipt-code.ts); submissions and look-ups are throttled per address (intake-throttle.ts). Tables:
 * migration `0007_public_intake`. Register `intakeProjection` with the other projections (`withAccounts`
 * does).
 */
export * from "./errors.js";
export * from "./intake.js";
export * from "./intake-events.js";
export * from "./intake-projection.js";
export * from "./intake-throttle.js";
export * from "./receipt-code.js";
