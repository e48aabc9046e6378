/**
 * Failures to record interference (IF.12b 不记录或者不如实记录): each registered as an event in the handler's
 * stream (non-recording-events.ts), with the domain's consequence, and the `non-recording` projection
 * (non-recording-projection.ts), registered and read through `NonRecordingRegister`
 * (non-recording-register.ts). Table: migration `0010_non_recording`. Register `nonRecordingProjection`
 * with the other projections (`withAccounts` does).
 */
export * from "./non-recording-events.js";
export * from "./non-recording-projection.js";
export * from "./non-recording-register.js";
