/**
 * The staff directory on every backend: changes are events in the person's stream with the `people`
 * projection updated in the same transaction, bad or pointless changes are refused and write nothing, a
 * person's roles are those of their enabled accounts, and a rebuild from the log reproduces the table. Each
 * case works on agencies of its own.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { routeFor } from "@liuhen/domain";
import { Effect, Option, Redacted, Schema } from "effect";
import {
  Accounts,
  AgencyId,
  Directory,
  EventLog,
  PersonId,
  type RegisterPerson,
  rebuildProjections,
  StreamId,
  Username,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import { snapshotProjections } from "../support/projection-snapshot.js";

const actor = "operator:test";

export const describePeople = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);

  const register = (agencyId: AgencyId, personId: string, fields: Partial<RegisterPerson> = {}) =>
    Effect.flatMap(Directory, (directory) =>
      directory.register({
        agencyId,
        personId,
        name: "李明",
        department: "执法一科",
        position: null,
        actor,
        ...fields,
      }),
    );

  const treeSize = (agencyId: AgencyId) =>
    Effect.flatMap(EventLog, (log) => Effect.map(log.treeHead(agencyId), (head) => head.treeSize));

  layer(withAccounts(backend.store()), { timeout: "120 seconds" })(`people on ${backend.name}`, (it) => {
    it.effect("a person is registered, updated, departed and returned by events in their stream", () =>
      Effect.gen(function* () {
        const directory = yield* Directory;
        const log = yield* EventLog;
        const agencyId = freshAgency("life");
        const registered = yield* register(agencyId, "staff-0042", { position: "科员" });
        expect([registered.status, registered.version, registered.position]).toEqual(["active", 1, "科员"]);

        // Only what differs is recorded: the department is given unchanged.
        const promoted = yield* directory.update({
          agencyId,
          personId: "staff-0042",
          department: "执法一科",
          position: "科长",
          actor: "account:admin-1",
        });
        expect([promoted.department, promoted.position, promoted.version]).toEqual(["执法一科", "科长", 2]);

        const departed = yield* directory.depart({
          agencyId,
          personId: "staff-0042",
          date: "2025-06-30",
          actor,
        });
        expect([departed.status, departed.departedOn, departed.name]).toEqual([
          "departed",
          "2025-06-30",
          "李明",
        ]);
        const back = yield* directory.return({ agencyId, personId: "staff-0042", actor });
        expect([back.status, back.departedOn, back.version]).toEqual(["active", null, 4]);

        const events = yield* log.readStream(agencyId, StreamId.make("person/staff-0042"));
        expect(events.map((e) => [e.type, e.actor, e.payload])).toEqual([
          [
            "Person.Registered",
            actor,
            {
              _tag: "PersonRegistered",
              personId: "staff-0042",
              name: "李明",
              department: "执法一科",
              position: "科员",
            },
          ],
          [
            "Person.Updated",
            "account:admin-1",
            { _tag: "PersonUpdated", personId: "staff-0042", position: "科长" },
          ],
          ["Person.Departed", actor, { _tag: "PersonDeparted", personId: "staff-0042", date: "2025-06-30" }],
          ["Person.Returned", actor, { _tag: "PersonReturned", personId: "staff-0042" }],
        ]);
        expect(yield* directory.find(agencyId, "staff-0042")).toEqual(Option.some(back));
        expect(Option.isNone(yield* directory.find(agencyId, "staff-9999"))).toBe(true);
      }),
    );

    it.effect(
      "a person id is registered once per agency, even after its holder departed; nothing more is written",
      () =>
        Effect.gen(function* () {
          const directory = yield* Directory;
          const agencyId = freshAgency("twice");
          yield* register(agencyId, "staff-0001");
          yield* directory.depart({ agencyId, personId: "staff-0001", date: "2024-12-31", actor });
          const before = yield* treeSize(agencyId);
          const refused = yield* Effect.flip(register(agencyId, "staff-0001", { name: "王芳" }));
          expect(refused).toMatchObject({ _tag: "PersonAlreadyRegistered", personId: "staff-0001" });
          expect(refused.message).toContain("staff-0001");
          expect(yield* treeSize(agencyId)).toBe(before);
          expect(Option.map(yield* directory.find(agencyId, "staff-0001"), (p) => p.name)).toEqual(
            Option.some("李明"),
          );
          // Another agency may have its own staff-0001.
          yield* register(freshAgency("twice"), "staff-0001");
        }),
    );

    it.effect("bad input is refused naming its field, and nothing is written", () =>
      Effect.gen(function* () {
        const directory = yield* Directory;
        const agencyId = freshAgency("bad");
        yield* register(agencyId, "staff-0001");
        const before = yield* treeSize(agencyId);
        const refusals = [
          yield* Effect.flip(register(agencyId, "staff-0002", { department: "" })),
          yield* Effect.flip(register(agencyId, "staff-0002", { position: "长".repeat(101) })),
          yield* Effect.flip(register(agencyId, "staff 0002")),
          yield* Effect.flip(register(agencyId, "staff-0002", { name: " 李明" })),
          yield* Effect.flip(directory.update({ agencyId, personId: "staff-0001", department: "\t", actor })),
          yield* Effect.flip(
            directory.depart({ agencyId, personId: "staff-0001", date: "2025-02-30", actor }),
          ),
          yield* Effect.flip(directory.return({ agencyId, personId: "staff-0001", actor: "" })),
        ];
        expect(refusals.map((e) => [e._tag, "field" in e ? e.field : undefined])).toEqual([
          ["InvalidEvent", "department"],
          ["InvalidEvent", "position"],
          ["InvalidEvent", "personId"],
          ["InvalidEvent", "name"],
          ["InvalidEvent", "department"],
          ["InvalidEvent", "date"],
          ["InvalidEvent", "actor"],
        ]);
        expect(yield* treeSize(agencyId)).toBe(before);
        expect((yield* directory.list(agencyId)).map((p) => p.personId)).toEqual(["staff-0001"]);
      }),
    );

    it.effect(
      "a change of nothing is refused with NothingToChange; someone not in the directory is PersonNotFound",
      () =>
        Effect.gen(function* () {
          const directory = yield* Directory;
          const agencyId = freshAgency("nothing");
          yield* register(agencyId, "staff-0001", { position: "科长" });
          const before = yield* treeSize(agencyId);
          const same = yield* Effect.flip(
            directory.update({ agencyId, personId: "staff-0001", name: "李明", position: "科长", actor }),
          );
          const returned = yield* Effect.flip(directory.return({ agencyId, personId: "staff-0001", actor }));
          yield* directory.depart({ agencyId, personId: "staff-0001", date: "2025-01-15", actor });
          const again = yield* Effect.flip(
            directory.depart({ agencyId, personId: "staff-0001", date: "2025-02-01", actor }),
          );
          expect([same._tag, returned._tag, again._tag]).toEqual([
            "NothingToChange",
            "NothingToChange",
            "NothingToChange",
          ]);
          expect(again.message).toContain("2025-01-15");
          expect(yield* treeSize(agencyId)).toBe(before + 1);

          const missing = [
            yield* Effect.flip(directory.update({ agencyId, personId: "staff-0404", name: "王芳", actor })),
            yield* Effect.flip(
              directory.depart({ agencyId, personId: "staff-0404", date: "2025-01-15", actor }),
            ),
            yield* Effect.flip(directory.return({ agencyId, personId: "staff-0404", actor })),
            yield* Effect.flip(directory.rolesOf(agencyId, "staff-0404")),
          ];
          expect(missing.map((e) => e._tag)).toEqual([
            "PersonNotFound",
            "PersonNotFound",
            "PersonNotFound",
            "PersonNotFound",
          ]);
          expect(missing[0]?.message).toBe(`the directory of ${agencyId} has no person staff-0404`);
        }),
    );

    it.effect("list keeps one status or one department, ordered by department, name and id", () =>
      Effect.gen(function* () {
        const directory = yield* Directory;
        const agencyId = freshAgency("list");
        yield* register(agencyId, "p-3", { name: "王芳", department: "法治科" });
        yield* register(agencyId, "p-1", { name: "李明", department: "执法一科" });
        yield* register(agencyId, "p-2", { name: "李明", department: "执法一科" });
        yield* register(agencyId, "p-4", { name: "张伟", department: "执法一科" });
        yield* directory.depart({ agencyId, personId: "p-4", date: "2025-03-01", actor });
        const ids = (people: ReadonlyArray<{ readonly personId: string }>) => people.map((p) => p.personId);
        // 执 (U+6267) sorts before 法 (U+6CD5); 张 (U+5F20) before 李 (U+674E).
        expect(ids(yield* directory.list(agencyId))).toEqual(["p-4", "p-1", "p-2", "p-3"]);
        expect(ids(yield* directory.list(agencyId, { status: "active" }))).toEqual(["p-1", "p-2", "p-3"]);
        expect(ids(yield* directory.list(agencyId, { status: "departed" }))).toEqual(["p-4"]);
        expect(ids(yield* directory.list(agencyId, { department: "法治科" }))).toEqual(["p-3"]);
        expect(ids(yield* directory.list(agencyId, { department: "执法一科", status: "active" }))).toEqual([
          "p-1",
          "p-2",
        ]);
        expect(yield* directory.list(freshAgency("list"))).toEqual([]);
      }),
    );

    it.effect(
      "IF.3: rolesOf is the union of the roles of the person's enabled accounts, which routes a record",
      () =>
        Effect.gen(function* () {
          const directory = yield* Directory;
          const accounts = yield* Accounts;
          const agencyId = freshAgency("roles");
          yield* register(agencyId, "head-1", { name: "赵局", department: "局领导" });
          yield* register(agencyId, "handler-1", { name: "钱多", department: "执法一科" });
          yield* register(agencyId, "new-1", { name: "孙新", department: "执法二科" });
          const account = (
            username: string,
            personId: string,
            roles: ReadonlyArray<"handler" | "head" | "admin">,
          ) =>
            accounts.create({
              agencyId,
              username: Schema.decodeSync(Username)(username),
              personId: PersonId.make(personId),
              displayName: null,
              roles,
              password: Redacted.make(`${username}-correct-horse`),
              mustChangePassword: false,
              actor,
            });
          yield* account("zhao", "head-1", ["handler"]);
          const zhaoHead = yield* account("zhao-head", "head-1", ["head", "admin"]);
          yield* account("qian", "handler-1", ["handler"]);

          expect(yield* directory.rolesOf(agencyId, "head-1")).toEqual(["handler", "head", "admin"]);
          expect(routeFor([new Set(yield* directory.rolesOf(agencyId, "head-1"))])).toBe(
            "judicial-supervision",
          );
          expect(routeFor([new Set(yield* directory.rolesOf(agencyId, "handler-1"))])).toBe("legal-section");
          // Someone with no account holds no role.
          expect(yield* directory.rolesOf(agencyId, "new-1")).toEqual([]);
          // A disabled account's roles no longer count.
          yield* accounts.disable({ agencyId, accountId: zhaoHead.accountId, actor, reason: "moved" });
          expect(yield* directory.rolesOf(agencyId, "head-1")).toEqual(["handler"]);
        }),
    );

    it.effect("a rebuild from the log reproduces the people table row for row", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const directory = yield* Directory;
        const agencyId = freshAgency("rebuild");
        yield* register(agencyId, "r-1", { position: "科员" });
        yield* register(agencyId, "r-2", { name: "王芳", department: "法治科" });
        yield* directory.update({ agencyId, personId: "r-1", name: "李明明", position: null, actor });
        yield* directory.depart({ agencyId, personId: "r-2", date: "2025-05-20", actor });
        yield* register(agencyId, "r-3");
        yield* directory.depart({ agencyId, personId: "r-3", date: "2025-05-21", actor });
        yield* directory.return({ agencyId, personId: "r-3", actor });

        const live = yield* snapshotProjections([agencyId]);
        expect(live.people?.length).toBe(3);
        yield* sql`DELETE FROM people WHERE agency_id = ${agencyId}`;
        const report = yield* rebuildProjections(agencyId);
        expect(report.agencies).toEqual([{ agencyId, events: 7 }]);
        expect(yield* snapshotProjections([agencyId])).toEqual(live);

        const everyone = yield* snapshotProjections();
        yield* rebuildProjections();
        expect(yield* snapshotProjections()).toEqual(everyone);
      }),
    );
  });
};
