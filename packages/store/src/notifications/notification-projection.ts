/**
 * The `notifications` projection: one row per notification, derived from its `Notification.*` events alone
 * (`issued_at` is the log's `occurred_at` of the `Issued` event, `issued_leaf_index` its position), so a
 * rebuild from the log reproduces it row for row. `details` is kept as canonical JSON text.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate } from "@liuhen/domain";
import { Effect, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId, StreamId } from "../event-log/identifiers.js";
import { canonicalJson } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  decodeNotificationEvent,
  isNotificationEvent,
  NotificationDetails,
  type NotificationEvent,
  NotificationId,
  NotificationKind,
  notificationStreamId,
} from "./notification-events.js";

export const NOTIFICATIONS_PROJECTION = "notifications";

/** A notification as its row holds it. */
export class Notification extends Schema.Class<Notification>("Notification")({
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  notificationId: Schema.propertySignature(NotificationId).pipe(Schema.fromKey("notification_id")),
  recipient: PersonId,
  kind: NotificationKind,
  /** The proceeding it is about, if any. */
  streamId: Schema.propertySignature(Schema.NullOr(StreamId)).pipe(Schema.fromKey("stream_id")),
  /** The day it concerns. */
  concernsDate: Schema.propertySignature(IsoDate).pipe(Schema.fromKey("concerns_date")),
  details: Schema.parseJson(NotificationDetails),
  /** When the log recorded its issue. */
  issuedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("issued_at")),
  readOn: Schema.propertySignature(Schema.NullOr(IsoDate)).pipe(Schema.fromKey("read_on")),
}) {}

const COLUMNS =
  "agency_id, notification_id, recipient, kind, stream_id, concerns_date, details, issued_at, read_on";

const { outOfStep, decodeRows, checkStream } = projectionRows(NOTIFICATIONS_PROJECTION);
const decodeNotifications = decodeRows(Notification, "a notification row");

/** One notification of an agency, whoever its recipient. */
export const loadNotification = (
  agencyId: string,
  notificationId: string,
): Effect.Effect<Option.Option<Notification>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM notifications
      WHERE agency_id = ${agencyId} AND notification_id = ${notificationId}`;
    const [notification] = yield* decodeNotifications(agencyId, `notification/${notificationId}`)(rows);
    return Option.fromNullable(notification);
  });

/** A person's notifications, newest first (latest in the log); `unreadOnly` keeps those not read yet. */
export const listNotifications = (
  agencyId: string,
  recipient: string,
  options: { readonly unreadOnly?: boolean | undefined } = {},
): Effect.Effect<ReadonlyArray<Notification>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM notifications
      WHERE agency_id = ${agencyId} AND recipient = ${recipient}
      ${options.unreadOnly === true ? sql`AND read_on IS NULL` : sql``}
      ORDER BY issued_leaf_index DESC`;
    return yield* decodeNotifications(agencyId, `(notifications of ${recipient})`)(rows);
  });

const CountRow = Schema.Struct({ unread: DbInt });
const decodeCount = decodeRows(CountRow, "the count");

/** How many of a person's notifications are not read yet. */
export const countUnread = (
  agencyId: string,
  recipient: string,
): Effect.Effect<number, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT COUNT(*) AS unread FROM notifications
      WHERE agency_id = ${agencyId} AND recipient = ${recipient} AND read_on IS NULL`;
    const [count] = yield* decodeCount(agencyId, `(notifications of ${recipient})`)(rows);
    return count?.unread ?? 0;
  });

/** Brings a notification's row up to date with one of its events. */
const applyNotificationEvent = (
  event: RecordedEvent,
  change: NotificationEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      notificationStreamId(change.notificationId),
      `changes notification ${change.notificationId} from another notification's stream`,
    );
    const current = yield* loadNotification(event.agencyId, change.notificationId);
    if (change._tag === "NotificationIssued") {
      if (event.streamVersion !== 1 || Option.isSome(current)) {
        return yield* outOfStep(
          event.agencyId,
          event.streamId,
          `event ${event.id} issues notification ${change.notificationId} again, as version ${event.streamVersion}`,
        );
      }
      yield* sql`INSERT INTO notifications ${sql.insert({
        agency_id: event.agencyId,
        notification_id: change.notificationId,
        recipient: change.recipient,
        kind: change.kind,
        stream_id: change.streamId,
        concerns_date: change.date,
        details: canonicalJson(change.details),
        issued_at: event.occurredAt,
        issued_leaf_index: event.leafIndex,
        read_on: null,
      })}`;
      return;
    }
    if (Option.isNone(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} reads notification ${change.notificationId}, which was never issued`,
      );
    }
    yield* sql`UPDATE notifications SET read_on = ${change.readOn}
      WHERE agency_id = ${event.agencyId} AND notification_id = ${change.notificationId}`;
  });

/** The notifications projection, ready for `Projections.layer`. */
export const notificationsProjection: ProjectionDefinition = {
  name: NOTIFICATIONS_PROJECTION,
  tables: ["notifications"],
  apply: (event) =>
    isNotificationEvent(event)
      ? Effect.flatMap(decodeNotificationEvent(event), (change) => applyNotificationEvent(event, change))
      : Effect.void,
};
