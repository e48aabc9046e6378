/**
 * Personnel actions on every backend (IF.9): an action is one event in its own stream with its row, and the
 * protection alerts it raises are issued in the same transaction; an action against someone not in the
 * directory, or with a field that fails its Schema, is refused and writes nothing; a rebuild from the log
 * reproduces the table. Each case works on agencies of its own.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect } from "effect";
import {
  AgencyId,
  Directory,
  EventLog,
  Notifications,
  PersonnelActions,
  type RegisterPersonnelAction,
  rebuildProjections,
  recordsDetail,
  StreamId,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const actor = "account:head";

export const describePersonnelActions = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);

  const person = (agencyId: AgencyId, personId: string) =>
    Effect.flatMap(Directory, (directory) =>
      directory.register({
        agencyId,
        personId,
        name: "吴记录",
        department: "执法三科",
        position: null,
        actor,
      }),
    );

  const transfer = (
    agencyId: AgencyId,
    fields: Partial<RegisterPersonnelAction> = {},
  ): RegisterPersonnelAction => ({
    agencyId,
    personId: "staff-recorder",
    kind: "transfer",
    date: "2025-10-08",
    statutoryCause: "机构改革岗位调整",
    statutoryProcedure: "经局党组会议研究决定",
    decidedBy: "staff-head",
    protection: { alert: true, records: ["IF-2025-003", "IF-2025-007"], citations: ["IF.9"] },
    alerts: [
      { recipient: "staff-legal", records: ["IF-2025-003"] },
      { recipient: "staff-judicial", records: ["IF-2025-007"] },
    ],
    actor,
    ...fields,
  });

  const register = (request: RegisterPersonnelAction) =>
    Effect.flatMap(PersonnelActions, (actions) => actions.register(request));

  const treeSize = (agencyId: AgencyId) =>
    Effect.flatMap(EventLog, (log) => Effect.map(log.treeHead(agencyId), (head) => head.treeSize));

  const snapshot = (agencyId: AgencyId) =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      return {
        actions: yield* sql`SELECT * FROM personnel_actions WHERE agency_id = ${agencyId} ORDER BY action_id`,
        notifications:
          yield* sql`SELECT * FROM notifications WHERE agency_id = ${agencyId} ORDER BY notification_id`,
      };
    });

  layer(withAccounts(backend.store()), { timeout: "120 seconds" })(
    `personnel actions on ${backend.name}`,
    (it) => {
      it.effect("IF.9: an action and the alerts it raises are written together, citing IF.9", () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const notifications = yield* Notifications;
          const actions = yield* PersonnelActions;
          const agencyId = freshAgency("alert");
          yield* person(agencyId, "staff-recorder");
          const before = yield* treeSize(agencyId);
          const action = yield* register(transfer(agencyId));
          expect(action).toMatchObject({
            personId: "staff-recorder",
            kind: "transfer",
            date: "2025-10-08",
            statutoryCause: "机构改革岗位调整",
            decidedBy: "staff-head",
            protection: { alert: true, records: ["IF-2025-003", "IF-2025-007"], citations: ["IF.9"] },
          });
          // The action, then one notification per recipient.
          expect(yield* treeSize(agencyId)).toBe(before + 3);
          const [event] = yield* log.readStream(
            agencyId,
            StreamId.make(`personnel-action/${action.actionId}`),
          );
          expect([event?.type, event?.actor, event?.citations]).toEqual([
            "PersonnelAction.Registered",
            actor,
            ["IF.9"],
          ]);
          const [alert] = yield* notifications.listFor(agencyId, "staff-legal");
          expect(alert).toMatchObject({
            notificationId: `if.9/${action.actionId}/staff-legal`,
            kind: "protection-alert",
            streamId: `personnel-action/${action.actionId}`,
            concernsDate: "2025-10-08",
            details: {
              article: "IF.9",
              actionId: action.actionId,
              person: "staff-recorder",
              action: "transfer",
              records: "IF-2025-003",
            },
          });
          expect((yield* notifications.listFor(agencyId, "staff-judicial"))[0]?.details.records).toBe(
            "IF-2025-007",
          );
          expect(
            (yield* actions.list(agencyId, { personId: "staff-recorder" })).map((a) => a.actionId),
          ).toEqual([action.actionId]);
        }),
      );

      it.effect("an action against someone who recorded nothing cites nothing and alerts nobody", () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const agencyId = freshAgency("plain");
          yield* person(agencyId, "staff-recorder");
          const before = yield* treeSize(agencyId);
          const action = yield* register(
            transfer(agencyId, { protection: { alert: false, records: [], citations: [] }, alerts: [] }),
          );
          expect(yield* treeSize(agencyId)).toBe(before + 1);
          const [event] = yield* log.readStream(
            agencyId,
            StreamId.make(`personnel-action/${action.actionId}`),
          );
          expect(event?.citations).toEqual([]);
        }),
      );

      it.effect("an unknown person or a field that fails its Schema is refused, and nothing is written", () =>
        Effect.gen(function* () {
          const agencyId = freshAgency("bad");
          yield* person(agencyId, "staff-recorder");
          const before = yield* treeSize(agencyId);
          const unknown = yield* Effect.flip(register(transfer(agencyId, { personId: "staff-nobody" })));
          expect(unknown._tag).toBe("PersonNotFound");
          const refusals = [
            yield* Effect.flip(register(transfer(agencyId, { statutoryCause: "" }))),
            yield* Effect.flip(register(transfer(agencyId, { statutoryProcedure: " 经研究 " }))),
            yield* Effect.flip(register(transfer(agencyId, { kind: "promotion" as "transfer" }))),
            yield* Effect.flip(register(transfer(agencyId, { date: "2025-02-30" }))),
            yield* Effect.flip(
              register(transfer(agencyId, { protection: { alert: false, records: [], citations: [] } })),
            ),
            yield* Effect.flip(register(transfer(agencyId, { alerts: [{ recipient: "", records: [] }] }))),
          ];
          expect(refusals.map((e) => [e._tag, "field" in e ? e.field : undefined])).toEqual([
            ["InvalidEvent", "statutoryCause"],
            ["InvalidEvent", "statutoryProcedure"],
            ["InvalidEvent", "kind"],
            ["InvalidEvent", "date"],
            ["InvalidEvent", "alerts"],
            ["InvalidEvent", "alerts[0].recipient"],
          ]);
          expect(yield* treeSize(agencyId)).toBe(before);
        }),
      );

      it.effect("a rebuild from the log reproduces the actions and their alerts row for row", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const agencyId = freshAgency("rebuild");
          yield* person(agencyId, "staff-recorder");
          yield* register(transfer(agencyId));
          yield* register(
            transfer(agencyId, { kind: "demotion", alerts: [{ recipient: "staff-legal", records: [] }] }),
          );
          const live = yield* snapshot(agencyId);
          expect(live.actions.length).toBe(2);
          expect(live.notifications.length).toBe(3);
          yield* sql`DELETE FROM personnel_actions WHERE agency_id = ${agencyId}`;
          yield* rebuildProjections(agencyId);
          expect(yield* snapshot(agencyId)).toEqual(live);
        }),
      );

      it.effect("an alert names the records that fit in one detail, then how many more", () =>
        Effect.sync(() => {
          expect(recordsDetail([])).toBe("");
          expect(recordsDetail(["IF-2025-001", "IF-2025-002"])).toBe("IF-2025-001 IF-2025-002");
          const many = Array.from({ length: 60 }, (_, n) => `IF-2025-${String(n + 1).padStart(3, "0")}`);
          const detail = recordsDetail(many);
          expect(detail.length).toBeLessThanOrEqual(500);
          expect(detail.startsWith("IF-2025-001 IF-2025-002")).toBe(true);
          const shown = detail.split(" ").filter((w) => w.startsWith("IF-")).length;
          expect(detail.endsWith(` +${60 - shown}`)).toBe(true);
        }),
      );
    },
  );
};
