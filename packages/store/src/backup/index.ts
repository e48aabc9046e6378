/**
 * Online backup and restore of the embedded SQLite database (sqlite-backup.ts), and the check a backup, a
 * restore or a restart after a crash runs over every agency's log (stored-log-check.ts).
 */
export * from "./sqlite-backup.js";
export * from "./stored-log-check.js";
