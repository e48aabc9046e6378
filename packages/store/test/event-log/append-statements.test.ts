/**
 * What an append's few statements (src/event-log/append-statements.ts) must still do on each database: write
 * every text as it was hashed, however it has to be escaped on the way (PostgreSQL passes an append's rows
 * as array parameters), and refuse a stale stream before anything is written or looked up.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Schema } from "effect";
import { afterAll, describe, it } from "vitest";
import { canonicalJson } from "../../src/event-log/json-value.js";
import { AgencyId, EventLog, EventType, Merkle, newEvent } from "../../src/index.js";
import { type Backend, preparePostgres, sqliteBackend } from "../support/backends.js";

const Said = EventType("Said", Schema.Struct({ text: Schema.String, also: Schema.Array(Schema.String) }));

// Texts that an array literal or a SQL string has to escape, and text that UTF-8 and UTF-16 count apart.
const awkward = [
  'quote " and \\ backslash',
  "{braces, commas}",
  "NULL",
  "",
  "new\nline and tab\t",
  "'single' quotes;",
  "𠀀 王办案",
];

const said = (text: string) =>
  newEvent(Said, { actor: "user:li.ming", citations: ["IF.3"], payload: { text, also: awkward } });

const sqlite = sqliteBackend();
const postgres = await preparePostgres();
afterAll(async () => {
  await sqlite.cleanUp();
  if (postgres.available) await postgres.backend.cleanUp();
});

const describeAppendStatements = (backend: Backend) =>
  layer(backend.store(), { timeout: "60 seconds" })(`an append's statements on ${backend.name}`, (it) => {
    it.effect("write texts that need escaping exactly as they were hashed, several events at once", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = AgencyId.make("escapes");
        yield* log.append({ agencyId, streamId: "s", expectedVersion: 0, events: awkward.map(said) });
        yield* log.append({
          agencyId,
          streamId: "s",
          expectedVersion: awkward.length,
          events: [said("last")],
        });
        // read() checks every event against its leaf hash.
        const events = yield* log.read(agencyId);
        expect(events.map((e) => (e.payload as { text: string }).text)).toEqual([...awkward, "last"]);
        const rows = yield* sql<{ payload: string }>`SELECT payload FROM events
          WHERE agency_id = ${agencyId} ORDER BY leaf_index`;
        expect(rows.map((r) => r.payload)).toEqual(events.map((e) => canonicalJson(e.payload)));
        const head = yield* log.treeHead(agencyId);
        const proof = yield* log.consistencyProof(agencyId, awkward.length);
        expect([head.treeSize, proof.toRoot]).toEqual([awkward.length + 1, head.rootHash]);
      }),
    );

    it.effect(
      "start from the head in the database when another client, or a rolled-back append, moved it from where this client left it",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const sql = yield* SqlClient.SqlClient;
          const agencyId = AgencyId.make("moved-head");
          const fromOther = <A, E>(effect: Effect.Effect<A, E, EventLog>) =>
            Effect.provide(effect, backend.store());
          const appendTo = (streamId: string, expectedVersion: number, n: number) =>
            Effect.flatMap(EventLog, (l) =>
              l.append({
                agencyId,
                streamId,
                expectedVersion,
                events: Array.from({ length: n }, (_, i) => said(`${streamId} ${expectedVersion + i}`)),
              }),
            );
          yield* appendTo("mine", 0, 3);
          yield* fromOther(appendTo("other", 0, 2));
          yield* appendTo("mine", 3, 1);
          // Rolled back after it moved the head to 7: this client's edge is then one the database never kept.
          const undone = yield* Effect.exit(
            sql.withTransaction(Effect.zipRight(appendTo("mine", 4, 1), Effect.fail("undo"))),
          );
          expect(undone._tag).toBe("Failure");
          // Another event at leaf 6: the same size as the edge this client remembers, another tree.
          yield* fromOther(appendTo("other", 2, 1));
          const { treeHead } = yield* appendTo("mine", 4, 1);
          const leaves = (yield* log.read(agencyId)).map((e) => Merkle.fromHex(e.leafHash));
          expect(leaves.length).toBe(8);
          const reference = Merkle.rangeHash({ start: 0, end: 8 }, Merkle.subtreeHashesFromLeaves(leaves));
          expect(treeHead.rootHash).toBe(Merkle.toHex(reference));
          expect((yield* log.treeHead(agencyId)).rootHash).toBe(Merkle.toHex(reference));
        }),
    );

    it.effect(
      "refuse a stale stream whose tree edge is not kept, before looking it up, writing nothing",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const sql = yield* SqlClient.SqlClient;
          const agencyId = AgencyId.make("stale-edge");
          yield* log.append({ agencyId, streamId: "s", expectedVersion: 0, events: [said("a"), said("b")] });
          const before = yield* log.treeHead(agencyId);
          yield* sql`UPDATE log_heads SET frontier = NULL WHERE agency_id = ${agencyId}`;
          const stale = yield* Effect.flip(
            log.append({ agencyId, streamId: "s", expectedVersion: 1, events: [said("c")] }),
          );
          expect(stale._tag).toBe("StreamConflict");
          if (stale._tag === "StreamConflict") expect(stale.actualVersion).toBe(2);
          expect(yield* log.treeHead(agencyId)).toEqual(before);
          const [kept] = yield* sql<{ frontier: string | null }>`SELECT frontier FROM log_heads
          WHERE agency_id = ${agencyId}`;
          expect(kept?.frontier).toBeNull();
          yield* log.append({ agencyId, streamId: "s", expectedVersion: 2, events: [said("c")] });
          expect((yield* log.treeHead(agencyId)).treeSize).toBe(3);
        }),
    );
  });

describeAppendStatements(sqlite);
if (postgres.available) {
  describeAppendStatements(postgres.backend);
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL cases cannot run: ${postgres.reason}`);
} else {
  describe.skip(`PostgreSQL (skipped: ${postgres.reason})`, () => {
    it("runs the append statement cases", () => {});
  });
}
