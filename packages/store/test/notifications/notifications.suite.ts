/**
 * Notifications on every backend: issuing is idempotent on the caller's id (one event, whichever client
 * issues it first), only the recipient can read a notification or learn it exists, bad input is refused and
 * writes nothing, and a rebuild from the log reproduces the table. Each case works on agencies of its own.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect } from "effect";
import {
  AgencyId,
  EventLog,
  type IssueNotification,
  Notifications,
  rebuildProjections,
  StreamId,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import { snapshotProjections } from "../support/projection-snapshot.js";

const scheduler = "system:deadline-scheduler";

export const describeNotifications = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const store = () => withAccounts(backend.store());

  const dueSoon = (
    agencyId: AgencyId,
    notificationId: string,
    fields: Partial<IssueNotification> = {},
  ): IssueNotification => ({
    agencyId,
    notificationId,
    recipient: "staff-0042",
    kind: "deadline-due-soon",
    streamId: "wrong-case/2025-017",
    date: "2025-10-10",
    details: { period: "WC.10.1", due: "2025-10-10" },
    actor: scheduler,
    ...fields,
  });

  const issue = (request: IssueNotification) =>
    Effect.flatMap(Notifications, (notifications) => notifications.issue(request));

  const treeSize = (agencyId: AgencyId) =>
    Effect.flatMap(EventLog, (log) => Effect.map(log.treeHead(agencyId), (head) => head.treeSize));

  layer(store(), { timeout: "120 seconds" })(`notifications on ${backend.name}`, (it) => {
    it.effect("a second issue of the same id writes nothing and says issued: false", () =>
      Effect.gen(function* () {
        const notifications = yield* Notifications;
        const log = yield* EventLog;
        const agencyId = freshAgency("idempotent");
        const id = "wc.10.1/2025-017/due-soon";
        expect(yield* issue(dueSoon(agencyId, id))).toEqual({ issued: true });
        expect(
          yield* issue(dueSoon(agencyId, id, { details: { period: "WC.10.1", due: "2025-10-11" } })),
        ).toEqual({
          issued: false,
        });
        const events = yield* log.readStream(agencyId, StreamId.make(`notification/${id}`));
        expect(events.map((e) => [e.type, e.actor, e.payload])).toEqual([
          [
            "Notification.Issued",
            scheduler,
            {
              _tag: "NotificationIssued",
              notificationId: id,
              recipient: "staff-0042",
              kind: "deadline-due-soon",
              streamId: "wrong-case/2025-017",
              date: "2025-10-10",
              details: { period: "WC.10.1", due: "2025-10-10" },
            },
          ],
        ]);
        expect(yield* treeSize(agencyId)).toBe(1);
        const [listed] = yield* notifications.listFor(agencyId, "staff-0042");
        expect(listed).toMatchObject({
          notificationId: id,
          kind: "deadline-due-soon",
          streamId: "wrong-case/2025-017",
          concernsDate: "2025-10-10",
          details: { period: "WC.10.1", due: "2025-10-10" },
          issuedAt: events[0]?.occurredAt,
          readOn: null,
        });
      }),
    );

    if (backend.concurrentClients) {
      it.effect(
        "two clients issuing the same notification at once write it once; one of them says issued",
        () =>
          Effect.gen(function* () {
            const log = yield* EventLog;
            const agencyId = freshAgency("race");
            const request = dueSoon(agencyId, "wc.10.1/2025-018/overdue", { kind: "deadline-overdue" });
            const outcomes = yield* Effect.all(
              [issue(request), issue(request).pipe(Effect.provide(store()))],
              { concurrency: "unbounded" },
            );
            expect(outcomes.map((o) => o.issued).sort()).toEqual([false, true]);
            expect(yield* treeSize(agencyId)).toBe(1);
            expect((yield* log.read(agencyId)).map((e) => e.type)).toEqual(["Notification.Issued"]);
          }),
      );
    }

    it.effect("only the recipient marks a notification read; to anyone else it does not exist", () =>
      Effect.gen(function* () {
        const notifications = yield* Notifications;
        const agencyId = freshAgency("read");
        yield* issue(dueSoon(agencyId, "n-1"));
        yield* issue(dueSoon(agencyId, "n-2", { kind: "message", streamId: null, details: {} }));
        const before = yield* treeSize(agencyId);
        const someoneElse = yield* Effect.flip(
          notifications.markRead({
            agencyId,
            notificationId: "n-1",
            reader: "staff-0007",
            readOn: "2025-10-08",
            actor: "account:other",
          }),
        );
        const nobodys = yield* Effect.flip(
          notifications.markRead({
            agencyId,
            notificationId: "n-404",
            reader: "staff-0007",
            readOn: "2025-10-08",
            actor: "account:other",
          }),
        );
        // The same error, word for word, whether the notification exists or not.
        expect([someoneElse, nobodys].map((e) => [e._tag, e.message])).toEqual([
          ["NotificationNotFound", `you have no notification n-1 in ${agencyId}`],
          ["NotificationNotFound", `you have no notification n-404 in ${agencyId}`],
        ]);
        expect(yield* treeSize(agencyId)).toBe(before);
        expect(yield* notifications.unreadCount(agencyId, "staff-0042")).toBe(2);

        const read = {
          agencyId,
          notificationId: "n-1",
          reader: "staff-0042",
          readOn: "2025-10-08",
          actor: "account:li",
        };
        yield* notifications.markRead(read);
        expect(yield* notifications.unreadCount(agencyId, "staff-0042")).toBe(1);
        // Read again, it stays read on the first day, and no event is added.
        yield* notifications.markRead({ ...read, readOn: "2025-10-09" });
        expect(yield* treeSize(agencyId)).toBe(before + 1);
        const [n1] = (yield* notifications.listFor(agencyId, "staff-0042")).filter(
          (n) => n.notificationId === "n-1",
        );
        expect(n1?.readOn).toBe("2025-10-08");
      }),
    );

    it.effect(
      "listFor is newest first and keeps the recipient's own; unreadOnly and unreadCount skip the read",
      () =>
        Effect.gen(function* () {
          const notifications = yield* Notifications;
          const agencyId = freshAgency("list");
          // Issued in the same instant (the test clock stands still): the log's order decides.
          for (const id of ["b", "a", "c"]) yield* issue(dueSoon(agencyId, id));
          yield* issue(dueSoon(agencyId, "other", { recipient: "staff-0007", kind: "protection-alert" }));
          yield* notifications.markRead({
            agencyId,
            notificationId: "a",
            reader: "staff-0042",
            readOn: "2025-10-08",
            actor: "account:li",
          });
          const ids = (list: ReadonlyArray<{ readonly notificationId: string }>) =>
            list.map((n) => n.notificationId);
          expect(ids(yield* notifications.listFor(agencyId, "staff-0042"))).toEqual(["c", "a", "b"]);
          expect(ids(yield* notifications.listFor(agencyId, "staff-0042", { unreadOnly: true }))).toEqual([
            "c",
            "b",
          ]);
          expect(ids(yield* notifications.listFor(agencyId, "staff-0007"))).toEqual(["other"]);
          expect(yield* notifications.unreadCount(agencyId, "staff-0042")).toBe(2);
          expect(yield* notifications.unreadCount(agencyId, "staff-0007")).toBe(1);
          expect(yield* notifications.unreadCount(agencyId, "staff-9999")).toBe(0);
        }),
    );

    it.effect("bad input is refused naming its field, and nothing is written", () =>
      Effect.gen(function* () {
        const notifications = yield* Notifications;
        const agencyId = freshAgency("bad");
        yield* issue(dueSoon(agencyId, "ok"));
        const before = yield* treeSize(agencyId);
        const refusals = [
          yield* Effect.flip(issue(dueSoon(agencyId, "has space"))),
          // `notification/` and 188 characters would pass the log's 200-character stream id.
          yield* Effect.flip(issue(dueSoon(agencyId, "x".repeat(188)))),
          yield* Effect.flip(issue({ ...dueSoon(agencyId, "k"), kind: "alarm" as "message" })),
          yield* Effect.flip(issue(dueSoon(agencyId, "r", { recipient: "" }))),
          yield* Effect.flip(issue(dueSoon(agencyId, "s", { streamId: "/wrong-case" }))),
          yield* Effect.flip(issue(dueSoon(agencyId, "d", { date: "2025-13-01" }))),
          yield* Effect.flip(issue(dueSoon(agencyId, "v", { details: { due: 5 as unknown as string } }))),
          yield* Effect.flip(
            notifications.markRead({
              agencyId,
              notificationId: "ok",
              reader: "staff-0042",
              readOn: "yesterday",
              actor: "account:li",
            }),
          ),
        ];
        expect(refusals.map((e) => [e._tag, "field" in e ? e.field : undefined])).toEqual([
          ["InvalidEvent", "notificationId"],
          ["InvalidEvent", "notificationId"],
          ["InvalidEvent", "kind"],
          ["InvalidEvent", "recipient"],
          ["InvalidEvent", "streamId"],
          ["InvalidEvent", "date"],
          ["InvalidEvent", "details.due"],
          ["InvalidEvent", "readOn"],
        ]);
        expect(yield* treeSize(agencyId)).toBe(before);
        expect(yield* notifications.unreadCount(agencyId, "staff-0042")).toBe(1);
        // The longest id that fits is taken.
        expect(yield* issue(dueSoon(agencyId, "x".repeat(187)))).toEqual({ issued: true });
      }),
    );

    it.effect("a rebuild from the log reproduces the notifications table row for row", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const notifications = yield* Notifications;
        const agencyId = freshAgency("rebuild");
        yield* issue(dueSoon(agencyId, "r-1"));
        yield* issue(
          dueSoon(agencyId, "r-2", { kind: "step-required", details: { step: "ReportAccepted" } }),
        );
        yield* issue(dueSoon(agencyId, "r-1"));
        yield* issue(dueSoon(agencyId, "r-3", { recipient: "staff-0007", streamId: null }));
        yield* notifications.markRead({
          agencyId,
          notificationId: "r-2",
          reader: "staff-0042",
          readOn: "2025-10-09",
          actor: "account:li",
        });

        const live = yield* snapshotProjections([agencyId]);
        expect(live.notifications?.length).toBe(3);
        yield* sql`DELETE FROM notifications WHERE agency_id = ${agencyId}`;
        const report = yield* rebuildProjections(agencyId);
        expect(report.agencies).toEqual([{ agencyId, events: 4 }]);
        expect(yield* snapshotProjections([agencyId])).toEqual(live);

        const everything = yield* snapshotProjections();
        yield* rebuildProjections();
        expect(yield* snapshotProjections()).toEqual(everything);
      }),
    );
  });
};
