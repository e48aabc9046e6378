/**
 * In-app notifications as events in the agency's log: a notification issued to a person, and read by them.
 * The caller chooses the notification's id (a deadline scheduler writes, say, `wc.10.1/2025-017/due-soon`),
 * so issuing is idempotent: the stream `notification/<id>` can be started once, and a second `Issued` fails
 * with the log's StreamConflict whichever server process sends it.
 *
 * Stream: `notification/<notificationId>`.
 */
import { IsoDate } from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";
import { StreamId } from "../event-log/identifiers.js";

const STREAM_PREFIX = "notification/";

// A stream id has at most 200 characters, the prefix included.
const MAX_ID_LENGTH = 200 - STREAM_PREFIX.length;

/** The caller's id for a notification, the same every time the same notice is issued. */
export const NotificationId = Schema.String.pipe(
  Schema.pattern(new RegExp(`^[A-Za-z0-9._:/-]{1,${MAX_ID_LENGTH}}$`), {
    message: () => `a notification id is 1-${MAX_ID_LENGTH} letters, digits or . _ : / -`,
  }),
  Schema.brand("NotificationId"),
);
export type NotificationId = typeof NotificationId.Type;

export const NotificationKind = Schema.Literal(
  "deadline-due-soon",
  "deadline-overdue",
  "protection-alert",
  "step-required",
  "message",
);
export type NotificationKind = typeof NotificationKind.Type;

const MAX_DETAILS = 20;

/** What the notice needs to be shown, as short texts by name, e.g. `{ period: "WC.10.1", due: "2025-10-10" }`. */
export const NotificationDetails = Schema.Record({
  key: Schema.String.pipe(
    Schema.pattern(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
      message: () => "a detail's name is 1-64 letters, digits, _ or - and starts with a letter",
    }),
  ),
  value: Schema.String.pipe(Schema.maxLength(500, { message: () => "a detail has at most 500 characters" })),
}).pipe(
  Schema.filter(
    (details) =>
      Object.keys(details).length <= MAX_DETAILS || `a notification has at most ${MAX_DETAILS} details`,
  ),
);
export type NotificationDetails = typeof NotificationDetails.Type;

export const NotificationIssued = Schema.TaggedStruct("NotificationIssued", {
  notificationId: NotificationId,
  recipient: PersonId,
  kind: NotificationKind,
  /** The proceeding it is about, if any, e.g. `wrong-case/2025-017`. */
  streamId: Schema.NullOr(StreamId),
  /** The day it concerns (a due day, say). */
  date: IsoDate,
  details: NotificationDetails,
});
export type NotificationIssued = typeof NotificationIssued.Type;

/** The recipient read it on `readOn`. */
export const NotificationRead = Schema.TaggedStruct("NotificationRead", {
  notificationId: NotificationId,
  readOn: IsoDate,
});
export type NotificationRead = typeof NotificationRead.Type;

export const NotificationEvent = Schema.Union(NotificationIssued, NotificationRead);
export type NotificationEvent = typeof NotificationEvent.Type;
export type NotificationEventTag = NotificationEvent["_tag"];

export const NOTIFICATION_EVENT_PREFIX = "Notification.";

const notificationEvents = eventFamily({
  what: "notification change",
  payload: NotificationEvent,
  prefix: NOTIFICATION_EVENT_PREFIX,
  names: {
    NotificationIssued: "Notification.Issued",
    NotificationRead: "Notification.Read",
  },
  // The article behind a notice is its proceeding's business: none is cited.
  citations: [],
});

export const {
  types: notificationEventTypes,
  change: notificationChange,
  is: isNotificationEvent,
  decode: decodeNotificationEvent,
} = notificationEvents;

export const notificationStreamId = (notificationId: NotificationId): string =>
  `${STREAM_PREFIX}${notificationId}`;
