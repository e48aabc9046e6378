/** What can go wrong with notifications, as values. */
import { Schema } from "effect";

/**
 * No notification of the reader has this id. Someone else's notification is reported the same way, so nobody
 * learns that another person's notifications exist.
 */
export class NotificationNotFound extends Schema.TaggedError<NotificationNotFound>()("NotificationNotFound", {
  agencyId: Schema.String,
  notificationId: Schema.String,
}) {
  override get message(): string {
    return `you have no notification ${this.notificationId} in ${this.agencyId}`;
  }
}
