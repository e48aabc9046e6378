/**
 * @liuhen/store: the append-only, verifiable event log of each agency (全程留痕，有据可查) on SQLite or
 * PostgreSQL. `Merkle` (RFC 6962 math) and the checkpoint note functions are pure and work offline.
 */
export * from "./accounts/index.js";
export * from "./attachments/index.js";
export * from "./attestations/index.js";
export * from "./backup/index.js";
export * from "./calendar/index.js";
export * from "./checkpoint/checkpoint-body.js";
export * from "./checkpoint/checkpoint-signer.js";
export * from "./checkpoint/signed-note.js";
export * from "./documents/index.js";
export * from "./event-log/canonical-encoding.js";
export * from "./event-log/errors.js";
export * from "./event-log/event.js";
export * from "./event-log/event-log.js";
export { decodePayload } from "./event-log/event-validation.js";
export * from "./event-log/identifiers.js";
export * from "./event-log/json-value.js";
export * from "./event-log/tree-evidence.js";
export * from "./export/errors.js";
export * from "./export/export-file.js";
export * from "./export/export-format.js";
export * from "./export/log-export.js";
export * from "./intake/index.js";
export * as Merkle from "./merkle/index.js";
export { MIGRATION_NAMES, MIGRATIONS_TABLE, runMigrations } from "./migrations/index.js";
export * from "./non-recording/index.js";
export * from "./notifications/index.js";
export * from "./people/index.js";
export * from "./personnel-actions/index.js";
export * from "./postgres/postgres-store.js";
export * from "./projections/index.js";
export * from "./spot-checks/index.js";
export * from "./sqlite/sqlite-store.js";
export * from "./statistics/index.js";
export * from "./store.js";
export * from "./verify/index.js";
