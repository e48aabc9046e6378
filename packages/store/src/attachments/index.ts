/**
 * Files attached to steps, content-addressed per agency and kept beside the log (attachments.ts): the log
 * commits to each through the SHA-256 its referencing event records, and every read re-hashes the bytes
 * (`AttachmentAltered`). Table: migration `0012_attachments`. `withAccounts` provides `Attachments`.
 */
export * from "./attachments.js";
export * from "./errors.js";
