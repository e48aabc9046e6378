/**
 * In-app notifications: each issued and each read appended as an event to the notification's stream
 * (`notification/<id>`) with every projection updated in the same transaction. Requests are decoded with
 * their Schemas first, so bad input is refused naming its field (`InvalidEvent`) and nothing is written.
 *
 * Issuing is idempotent on the caller's id, so several server processes sharing PostgreSQL can run the same
 * deadline scheduler: the log lets one of them start the stream, the others learn it was issued already.
 *
 * ```ts
 * const notifications = yield* Notifications;
 * const { issued } = yield* notifications.issue({
 *   agencyId, notificationId: "wc.10.1/2025-017/due-soon", recipient: "staff-0042", kind: "deadline-due-soon",
 *   streamId: "wrong-case/2025-017", date: "2025-10-10", details: { period: "WC.10.1", due: "2025-10-10" },
 *   actor: "system:deadline-scheduler",
 * });
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { StreamConflict } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId, StreamId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  type ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import { NotificationNotFound } from "./errors.js";
import {
  NotificationDetails,
  type NotificationEvent,
  NotificationId,
  NotificationKind,
  notificationChange,
  notificationStreamId,
} from "./notification-events.js";
import {
  countUnread,
  listNotifications,
  loadNotification,
  type Notification,
} from "./notification-projection.js";

export const IssueNotification = Schema.Struct({
  agencyId: AgencyId,
  /** Chosen by the caller, the same each time the same notice is due, e.g. `wc.10.1/2025-017/due-soon`. */
  notificationId: NotificationId,
  recipient: PersonId,
  kind: NotificationKind,
  streamId: Schema.NullOr(StreamId),
  date: IsoDate,
  details: Schema.optionalWith(NotificationDetails, { default: () => ({}) }),
  /** Who issues it, e.g. `system:deadline-scheduler` or `account:<id>`. */
  actor: Actor,
});
export type IssueNotification = typeof IssueNotification.Encoded;

export const MarkNotificationRead = Schema.Struct({
  agencyId: AgencyId,
  notificationId: NotificationId,
  /** The person reading: only the recipient may mark it read. */
  reader: PersonId,
  readOn: IsoDate,
  actor: Actor,
});
export type MarkNotificationRead = typeof MarkNotificationRead.Encoded;

const decodeIssue = decodeRequest(IssueNotification);
const decodeMarkRead = decodeRequest(MarkNotificationRead);

/** `issued: false`: a notification of that id was issued before, and nothing was written. */
export interface IssueOutcome {
  readonly issued: boolean;
}

export interface NotificationsService {
  readonly issue: (
    request: IssueNotification,
  ) => Effect.Effect<IssueOutcome, Exclude<AppendFailure, StreamConflict> | ProjectionError>;
  /** Marks the reader's notification read; one read already is left as it is. */
  readonly markRead: (
    request: MarkNotificationRead,
  ) => Effect.Effect<void, NotificationNotFound | Exclude<AppendFailure, StreamConflict> | ProjectionError>;
  /** The recipient's notifications, newest first; `unreadOnly` keeps those not read yet. */
  readonly listFor: (
    agencyId: string,
    recipient: string,
    options?: { readonly unreadOnly?: boolean | undefined },
  ) => Effect.Effect<ReadonlyArray<Notification>, ProjectionOutOfStep | SqlError>;
  readonly unreadCount: (
    agencyId: string,
    recipient: string,
  ) => Effect.Effect<number, ProjectionOutOfStep | SqlError>;
}

export const makeNotifications = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): NotificationsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const append = (
    agencyId: AgencyId,
    notificationId: NotificationId,
    expectedVersion: number,
    change: NotificationEvent,
    actor: Actor,
  ) =>
    log.append(
      {
        agencyId,
        streamId: notificationStreamId(notificationId),
        expectedVersion,
        events: [notificationChange(change, actor)],
      },
      projections.project,
    );

  const issue: NotificationsService["issue"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, notificationId, actor, ...notice } = yield* decodeIssue(request);
      return yield* append(
        agencyId,
        notificationId,
        0,
        { _tag: "NotificationIssued", notificationId, ...notice },
        actor,
      ).pipe(
        Effect.as({ issued: true }),
        // Only a stream never written is at version 0: it was issued before, by this process or another.
        Effect.catchTag("StreamConflict", () => Effect.succeed({ issued: false })),
      );
    });

  const markRead: NotificationsService["markRead"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, notificationId, reader, readOn, actor } = yield* decodeMarkRead(request);
      const notification = yield* withSql(loadNotification(agencyId, notificationId));
      if (Option.isNone(notification) || notification.value.recipient !== reader) {
        return yield* new NotificationNotFound({ agencyId, notificationId });
      }
      if (notification.value.readOn !== null) return;
      yield* append(
        agencyId,
        notificationId,
        1,
        { _tag: "NotificationRead", notificationId, readOn },
        actor,
      ).pipe(
        // Only a read follows an issue: the recipient read it meanwhile (in another window, say).
        Effect.catchTag("StreamConflict", () => Effect.void),
      );
    });

  return {
    issue,
    markRead,
    listFor: (agencyId, recipient, options) => withSql(listNotifications(agencyId, recipient, options)),
    unreadCount: (agencyId, recipient) => withSql(countUnread(agencyId, recipient)),
  };
};

export class Notifications extends Context.Tag("@liuhen/store/Notifications")<
  Notifications,
  NotificationsService
>() {
  static readonly layer: Layer.Layer<Notifications, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      Notifications,
      Effect.gen(function* () {
        return makeNotifications(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}
