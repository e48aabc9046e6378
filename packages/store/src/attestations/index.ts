/**
 * Monthly attestations of interference records (IF.3, IF.12b) and the agency setting that asks for them:
 * events in the agency's log (attestation-events.ts) with the `attestations` projection
 * (attestation-projection.ts), made and read through `Attestations` (attestations.ts). Tables: migration
 * `0011_attestations`. Register `attestationsProjection` with the other projections (`withAccounts` does).
 */
export * from "./attestation-events.js";
export * from "./attestation-projection.js";
export * from "./attestations.js";
