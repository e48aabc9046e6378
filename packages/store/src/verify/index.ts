/**
 * Offline verification of an export, on its own: `@liuhen/store/verify` loads no database driver, so
 * `liuhen verify` starts lighter (bench row verify).
 */
export * from "./errors.js";
export * from "./export-verifier.js";
export * from "./verification-report.js";
export * from "./verify-export.js";
