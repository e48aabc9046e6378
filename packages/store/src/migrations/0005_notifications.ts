/**
 * In-app notifications, a projection (src/notifications/notification-projection.ts): derived from the
 * `Notification.*` events, cleared and replayed by a rebuild. `details` is canonical JSON (RFC 8785), so two
 * rebuilds write the same text; `issued_leaf_index` is the log position of the `Notification.Issued` event,
 * which orders a person's notifications newest first even when several share a timestamp.
 *
 * `kind` has no CHECK: the event's Schema checks it, and a new kind then needs no table rebuild on SQLite.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE notifications (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    notification_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL,
    stream_id TEXT,
    concerns_date TEXT NOT NULL,
    details TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_leaf_index BIGINT NOT NULL CHECK (issued_leaf_index >= 0),
    read_on TEXT,
    PRIMARY KEY (agency_id, notification_id)
  )`;
  yield* sql`CREATE INDEX notifications_by_recipient ON notifications (agency_id, recipient, issued_leaf_index)`;
});
