/**
 * The store suite: the same cases on every backend (support/backends.ts). Each case works on its own agency,
 * so cases share one database without seeing each other.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Either, Exit, Option, Schema } from "effect";
import {
  AgencyId,
  canonicalEventBytes,
  decodePayload,
  type EventId,
  EventLog,
  EventType,
  keyFilePath,
  Merkle,
  MIGRATION_NAMES,
  newEvent,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  type RecordedEvent,
  StreamId,
} from "../src/index.js";
import type { Backend } from "./support/backends.js";

const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));
const FineProposed = EventType(
  "FineProposed",
  Schema.Struct({ amount: Schema.Int.pipe(Schema.positive()), decidedOn: Schema.Date }),
);
const Anything = EventType("Anything", Schema.Unknown);

const note = (text: string, citations: ReadonlyArray<string> = ["WC.6.9"]) =>
  newEvent(NoteWritten, { actor: "user:li.ming", citations, payload: { text } });

const stream = (s: string) => StreamId.make(s);

// Independent of src/merkle: RFC 6962 straight from node:crypto.
const sha256 = (...parts: ReadonlyArray<Uint8Array>) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};
const referenceHead = (leaves: ReadonlyArray<Uint8Array>): string => {
  const mth = (d: ReadonlyArray<Uint8Array>): Uint8Array => {
    if (d.length === 0) return sha256();
    if (d.length === 1) return d[0] as Uint8Array;
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return sha256(Uint8Array.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return Buffer.from(mth(leaves)).toString("hex");
};
const referenceLeaf = (event: RecordedEvent) => sha256(Uint8Array.of(0), canonicalEventBytes(event));

class ProjectionRefused extends Schema.TaggedError<ProjectionRefused>()("ProjectionRefused", {}) {}

export const describeEventLog = (backend: Backend): void => {
  let agencies = 0;
  /** A new agency for each case. */
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);

  layer(backend.store(), { timeout: "60 seconds" })(`event log on ${backend.name}`, (it) => {
    it.effect("appends events to a stream and reads them back in order, each with its version and leaf", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const agencyId = freshAgency("append");
        const first = yield* log.append({
          agencyId,
          streamId: "case/1",
          expectedVersion: 0,
          events: [note("first"), note("second", ["WC.6.9", "IF.12b"])],
        });
        yield* log.append({
          agencyId,
          streamId: "case/2",
          expectedVersion: 0,
          events: [
            newEvent(FineProposed, {
              actor: "user:wang",
              citations: [],
              payload: { amount: 500, decidedOn: new Date("2025-01-02T00:00:00.000Z") },
            }),
          ],
        });
        yield* log.append({ agencyId, streamId: "case/1", expectedVersion: 2, events: [note("third")] });

        expect(first.treeHead.treeSize).toBe(2);
        const all = yield* log.read(agencyId);
        expect(all.map((e) => [e.streamId, e.streamVersion, e.leafIndex])).toEqual([
          ["case/1", 1, 0],
          ["case/1", 2, 1],
          ["case/2", 1, 2],
          ["case/1", 3, 3],
        ]);
        expect(all[1]?.citations).toEqual(["WC.6.9", "IF.12b"]);
        expect(all[0]?.actor).toBe("user:li.ming");
        expect(all[0]?.agencyId).toBe(agencyId);
        expect(all[0]?.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(all[0]?.id).toBe(first.events[0]?.id);
        expect(all[2]?.payload).toEqual({ amount: 500, decidedOn: "2025-01-02T00:00:00.000Z" });
        const fine = yield* decodePayload(FineProposed, all[2] as RecordedEvent);
        expect(fine.decidedOn.toISOString()).toBe("2025-01-02T00:00:00.000Z");
        expect(
          Either.isLeft(yield* Effect.either(decodePayload(FineProposed, all[0] as RecordedEvent))),
        ).toBe(true);

        const streamOne = yield* log.readStream(agencyId, stream("case/1"));
        expect(streamOne.map((e) => (e.payload as { text: string }).text)).toEqual([
          "first",
          "second",
          "third",
        ]);
        expect((yield* log.read(agencyId, { fromIndex: 2, limit: 1 })).map((e) => e.leafIndex)).toEqual([2]);
      }),
    );

    it.effect("keeps the RFC 6962 head of the events' canonical encodings after every append", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const agencyId = freshAgency("head");
        expect((yield* log.treeHead(agencyId)).rootHash).toBe(referenceHead([]));
        const heads: Array<string> = [];
        const versions = [0, 0];
        for (let i = 0; i < 9; i++) {
          const batch = Array.from({ length: (i % 3) + 1 }, (_, j) => note(`note ${i}.${j}`));
          const s = i % 2;
          const { treeHead } = yield* log.append({
            agencyId,
            streamId: `s/${s}`,
            expectedVersion: versions[s] as number,
            events: batch,
          });
          versions[s] = (versions[s] as number) + batch.length;
          heads[treeHead.treeSize] = treeHead.rootHash;
        }
        const events = yield* log.read(agencyId);
        expect(events.length).toBe(18);
        const leaves = events.map(referenceLeaf);
        expect(events.map((e) => e.leafHash)).toEqual(leaves.map((l) => Buffer.from(l).toString("hex")));
        for (const [size, rootHash] of heads.entries()) {
          if (rootHash === undefined) continue;
          expect(rootHash, `head at ${size}`).toBe(referenceHead(leaves.slice(0, size)));
          expect((yield* log.treeHead(agencyId, size)).rootHash).toBe(rootHash);
        }
        expect((yield* log.treeHead(agencyId)).rootHash).toBe(referenceHead(leaves));
      }),
    );

    it.effect(
      "appends from the tree's edge kept with the head, and from the stored subtrees when it is missing or stale",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const sql = yield* SqlClient.SqlClient;
          const agencyId = freshAgency("edge");
          let version = 0;
          const appendNotes = (n: number) =>
            Effect.gen(function* () {
              const events = Array.from({ length: n }, (_, j) => note(`edge ${version + j}`));
              const { treeHead } = yield* log.append({
                agencyId,
                streamId: "s/edge",
                expectedVersion: version,
                events,
              });
              version += n;
              return treeHead;
            });
          const kept = () =>
            sql<{
              frontier: string | null;
            }>`SELECT frontier FROM log_heads WHERE agency_id = ${agencyId}`.pipe(
              Effect.map((rows) => rows[0]?.frontier ?? null),
            );
          yield* appendNotes(5);
          // 5 leaves: subtrees of 4 and 1 along the right edge.
          expect(yield* kept()).toMatch(/^5:[0-9a-f]{128}$/);
          // Missing (a log from before the column, an imported one): looked up, then kept again.
          yield* sql`UPDATE log_heads SET frontier = NULL WHERE agency_id = ${agencyId}`;
          yield* appendNotes(2);
          expect(yield* kept()).toMatch(/^7:[0-9a-f]{192}$/);
          // Kept for another size than the head's: not used.
          const stale = (yield* kept())?.replace(/^7:/, "6:") ?? null;
          yield* sql`UPDATE log_heads SET frontier = ${stale} WHERE agency_id = ${agencyId}`;
          const head = yield* appendNotes(3);
          const leaves = (yield* log.read(agencyId)).map(referenceLeaf);
          expect(leaves.length).toBe(10);
          expect(head.rootHash).toBe(referenceHead(leaves));
          expect((yield* log.treeHead(agencyId, 7)).rootHash).toBe(referenceHead(leaves.slice(0, 7)));
          expect(yield* kept()).toMatch(/^10:[0-9a-f]{128}$/);
        }),
    );

    it.effect("runs the projection in the append's transaction: both commit, or neither does", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = freshAgency("projection");
        yield* sql`CREATE TABLE IF NOT EXISTS test_note_counts (
          agency_id TEXT NOT NULL, stream_id TEXT NOT NULL, notes INTEGER NOT NULL, last_leaf INTEGER NOT NULL,
          PRIMARY KEY (agency_id, stream_id))`;
        const countNotes = (events: ReadonlyArray<RecordedEvent>) =>
          Effect.gen(function* () {
            const tx = yield* SqlClient.SqlClient;
            const last = events[events.length - 1] as RecordedEvent;
            yield* tx`INSERT INTO test_note_counts (agency_id, stream_id, notes, last_leaf)
              VALUES (${last.agencyId}, ${last.streamId}, ${events.length}, ${last.leafIndex})
              ON CONFLICT (agency_id, stream_id)
              DO UPDATE SET notes = test_note_counts.notes + ${events.length}, last_leaf = ${last.leafIndex}`;
          });
        const counts = sql<{ notes: number; last_leaf: number }>`SELECT notes, last_leaf FROM test_note_counts
          WHERE agency_id = ${agencyId}`;

        yield* log.append(
          { agencyId, streamId: "p", expectedVersion: 0, events: [note("a"), note("b")] },
          countNotes,
        );
        expect((yield* counts).map((r) => [Number(r.notes), Number(r.last_leaf)])).toEqual([[2, 1]]);

        const refused = yield* Effect.exit(
          log.append({ agencyId, streamId: "p", expectedVersion: 2, events: [note("c")] }, (events) =>
            Effect.zipRight(countNotes(events), Effect.fail(new ProjectionRefused())),
          ),
        );
        expect(
          Exit.isFailure(refused) &&
            Exit.causeOption(refused).pipe(
              Option.map(String),
              Option.getOrElse(() => ""),
            ),
        ).toContain("ProjectionRefused");
        expect((yield* counts).map((r) => Number(r.notes))).toEqual([2]);
        expect((yield* log.readStream(agencyId, stream("p"))).length).toBe(2);
        expect((yield* log.treeHead(agencyId)).treeSize).toBe(2);
      }),
    );

    it.effect("commits appends made inside a caller's transaction with it, or rolls them back with it", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = freshAgency("outer");
        const both = (text: string) =>
          Effect.gen(function* () {
            yield* log.append({ agencyId, streamId: "record", expectedVersion: 0, events: [note(text)] });
            yield* log.append({ agencyId, streamId: "report", expectedVersion: 0, events: [note(text)] });
          });
        const failed = yield* Effect.flip(
          sql.withTransaction(Effect.zipRight(both("undone"), Effect.fail(new ProjectionRefused()))),
        );
        expect(failed._tag).toBe("ProjectionRefused");
        expect((yield* log.treeHead(agencyId)).treeSize).toBe(0);
        yield* sql.withTransaction(both("kept"));
        expect((yield* log.read(agencyId)).map((e) => [e.streamId, e.leafIndex])).toEqual([
          ["record", 0],
          ["report", 1],
        ]);
      }),
    );

    it.effect("refuses an append with a stale expected version as StreamConflict, and writes nothing", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const agencyId = freshAgency("conflict");
        yield* log.append({ agencyId, streamId: "c", expectedVersion: 0, events: [note("one")] });
        const before = yield* log.treeHead(agencyId);
        let projected = false;
        const stale = yield* Effect.flip(
          log.append({ agencyId, streamId: "c", expectedVersion: 0, events: [note("two")] }, () =>
            Effect.sync(() => {
              projected = true;
            }),
          ),
        );
        expect(stale._tag).toBe("StreamConflict");
        if (stale._tag === "StreamConflict") {
          expect([stale.agencyId, stale.streamId, stale.expectedVersion, stale.actualVersion]).toEqual([
            agencyId,
            "c",
            0,
            1,
          ]);
        }
        const ahead = yield* Effect.flip(
          log.append({ agencyId, streamId: "c", expectedVersion: 5, events: [note("x")] }),
        );
        expect(ahead._tag).toBe("StreamConflict");
        expect(projected).toBe(false);
        expect(yield* log.treeHead(agencyId)).toEqual(before);
        expect((yield* log.read(agencyId)).map((e) => (e.payload as { text: string }).text)).toEqual(["one"]);
      }),
    );

    it.effect(
      "refuses an event that fails its Schema with an error naming the field, and writes nothing",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const sql = yield* SqlClient.SqlClient;
          const agencyId = freshAgency("invalid");
          yield* log.append({ agencyId, streamId: "v", expectedVersion: 0, events: [note("kept")] });
          const before = yield* log.treeHead(agencyId);
          const good = note("fine");
          const cases: ReadonlyArray<[string, Parameters<typeof log.append>[0]]> = [
            [
              "events[1].actor",
              { agencyId, streamId: "v", expectedVersion: 1, events: [good, { ...good, actor: "" }] },
            ],
            [
              "events[0].actor",
              { agencyId, streamId: "v", expectedVersion: 1, events: [{ ...good, actor: "li\u0000ming" }] },
            ],
            [
              "events[0].actor",
              { agencyId, streamId: "v", expectedVersion: 1, events: [{ ...good, actor: "li\ud800" }] },
            ],
            [
              "events[0].citations[1]",
              {
                agencyId,
                streamId: "v",
                expectedVersion: 1,
                events: [{ ...good, citations: ["WC.6", "WC 6"] }],
              },
            ],
            [
              "events[0].payload.amount",
              {
                agencyId,
                streamId: "v",
                expectedVersion: 1,
                events: [
                  newEvent(FineProposed, {
                    actor: "a",
                    citations: [],
                    payload: { amount: -5, decidedOn: new Date(0) },
                  }),
                ],
              },
            ],
            [
              "events[0].payload.text",
              {
                agencyId,
                streamId: "v",
                expectedVersion: 1,
                events: [
                  newEvent(NoteWritten, {
                    actor: "a",
                    citations: [],
                    payload: { text: 42 as unknown as string },
                  }),
                ],
              },
            ],
            [
              "events[0].payload.nested[1]",
              {
                agencyId,
                streamId: "v",
                expectedVersion: 1,
                events: [
                  newEvent(Anything, { actor: "a", citations: [], payload: { nested: [1, Number.NaN] } }),
                ],
              },
            ],
            [
              "events[0].payload.when",
              {
                agencyId,
                streamId: "v",
                expectedVersion: 1,
                events: [newEvent(Anything, { actor: "a", citations: [], payload: { when: undefined } })],
              },
            ],
            ["agencyId", { agencyId: "Not An Agency", streamId: "v", expectedVersion: 0, events: [good] }],
            ["streamId", { agencyId, streamId: "", expectedVersion: 1, events: [good] }],
            ["expectedVersion", { agencyId, streamId: "v", expectedVersion: 1.5, events: [good] }],
            ["events", { agencyId, streamId: "v", expectedVersion: 1, events: [] }],
          ];
          for (const [field, request] of cases) {
            const error = yield* Effect.flip(log.append(request));
            expect(error._tag, field).toBe("InvalidEvent");
            if (error._tag === "InvalidEvent") {
              expect(error.field).toBe(field);
              expect(error.message.length).toBeGreaterThan(0);
            }
          }
          expect(yield* log.treeHead(agencyId)).toEqual(before);
          const rows = yield* sql<{
            n: number | string;
          }>`SELECT COUNT(*) AS n FROM events WHERE agency_id = ${agencyId}`;
          expect(Number(rows[0]?.n)).toBe(1);
          const strangers = yield* sql`SELECT agency_id FROM log_heads WHERE agency_id = ${"Not An Agency"}`;
          expect(strangers).toEqual([]);
        }),
    );

    it.effect(
      "has the database refuse UPDATE and DELETE on events, subtrees and checkpoints, and any shrinking of a log",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const sql = yield* SqlClient.SqlClient;
          const agencyId = freshAgency("triggers");
          yield* log.append({
            agencyId,
            streamId: "t",
            expectedVersion: 0,
            events: [note("a"), note("b"), note("c")],
          });
          yield* log.checkpoint(agencyId);
          const attempts = [
            sql`UPDATE events SET actor = ${"someone else"} WHERE agency_id = ${agencyId}`,
            sql`UPDATE events SET payload = ${'{"text":"z"}'} WHERE agency_id = ${agencyId} AND leaf_index = 0`,
            sql`DELETE FROM events WHERE agency_id = ${agencyId}`,
            sql`DELETE FROM events`,
            sql`UPDATE merkle_nodes SET hash = ${"0".repeat(64)} WHERE agency_id = ${agencyId}`,
            sql`DELETE FROM merkle_nodes WHERE agency_id = ${agencyId}`,
            sql`UPDATE checkpoints SET note = ${"forged"} WHERE agency_id = ${agencyId}`,
            sql`DELETE FROM checkpoints WHERE agency_id = ${agencyId}`,
            sql`UPDATE log_heads SET tree_size = 1 WHERE agency_id = ${agencyId}`,
            sql`DELETE FROM log_heads WHERE agency_id = ${agencyId}`,
            ...(backend.dialect === "pg"
              ? [sql`TRUNCATE events CASCADE`, sql`TRUNCATE merkle_nodes`, sql`TRUNCATE log_heads CASCADE`]
              : []),
          ];
          for (const attempt of attempts) {
            const error = yield* Effect.flip(attempt);
            expect(String((error.cause as Error | undefined)?.message ?? error.message)).toMatch(
              /append-only|a log only grows/,
            );
          }
          const events = yield* log.read(agencyId);
          expect(events.map((e) => [e.actor, (e.payload as { text: string }).text])).toEqual([
            ["user:li.ming", "a"],
            ["user:li.ming", "b"],
            ["user:li.ming", "c"],
          ]);
          expect(Option.isSome(yield* log.latestCheckpoint(agencyId))).toBe(true);
        }),
    );

    it.effect("catches an edit made behind the log's back, with the triggers switched off", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = freshAgency("tamper");
        yield* log.append({
          agencyId,
          streamId: "t",
          expectedVersion: 0,
          events: [note("true"), note("also true")],
        });
        // An administrator disables the trigger and rewrites a payload; the transaction is then rolled back,
        // so the other cases see the database unchanged.
        const seen = yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* backend.dialect === "pg"
                ? sql`ALTER TABLE events DISABLE TRIGGER events_append_only`
                : sql`DROP TRIGGER events_no_update`;
              yield* sql`UPDATE events SET payload = ${'{"text":"false"}'} WHERE agency_id = ${agencyId} AND leaf_index = 0`;
              const read = yield* Effect.either(log.read(agencyId));
              return yield* Effect.fail({ rollback: read });
            }),
          )
          .pipe(Effect.flip);
        const read = "rollback" in seen ? seen.rollback : Either.right([]);
        expect(Either.isLeft(read) && [read.left._tag, read.left.message]).toEqual([
          "LogCorrupted",
          expect.stringMatching(/does not match its leaf hash/),
        ]);
        expect((yield* log.read(agencyId)).length).toBe(2);
        const blocked = yield* Effect.flip(
          sql`UPDATE events SET actor = ${"x"} WHERE agency_id = ${agencyId}`,
        );
        expect(blocked._tag).toBe("SqlError");
      }),
    );

    it.effect(
      "proves every event's inclusion at every tree size, and consistency between every two sizes",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const agencyId = freshAgency("proofs");
          const sizes = [1, 2, 1, 4, 3, 1, 5, 2];
          let version = 0;
          for (const n of sizes) {
            const events = Array.from({ length: n }, (_, i) => note(`${version + i}`));
            yield* log.append({ agencyId, streamId: "proofs", expectedVersion: version, events });
            version += n;
          }
          const events = yield* log.read(agencyId);
          const total = events.length;
          expect(total).toBe(19);
          const heads = [] as Array<Uint8Array>;
          for (let size = 0; size <= total; size++) {
            heads.push(Merkle.fromHex((yield* log.treeHead(agencyId, size)).rootHash));
          }
          const refused: Array<string> = [];
          for (let size = 1; size <= total; size++) {
            for (const event of events.slice(0, size)) {
              const proof = yield* log.inclusionProof(agencyId, event.id, size);
              const ok = Merkle.verifyInclusion({
                leafIndex: event.leafIndex,
                treeSize: size,
                leafHash: referenceLeaf(event),
                path: proof.path.map(Merkle.fromHex),
                rootHash: heads[size] as Uint8Array,
              });
              if (!ok || proof.rootHash !== Merkle.toHex(heads[size] as Uint8Array))
                refused.push(`leaf ${event.leafIndex} of ${size}`);
            }
            for (let from = 0; from <= size; from++) {
              const proof = yield* log.consistencyProof(agencyId, from, size);
              const ok = Merkle.verifyConsistency({
                fromSize: from,
                toSize: size,
                fromRoot: heads[from] as Uint8Array,
                toRoot: heads[size] as Uint8Array,
                path: proof.path.map(Merkle.fromHex),
              });
              if (!ok) refused.push(`${from} → ${size}`);
            }
          }
          expect(refused).toEqual([]);
          // Defaults: the current tree.
          const latest = yield* log.inclusionProof(agencyId, (events[3] as RecordedEvent).id);
          expect(latest.treeSize).toBe(total);
          expect((yield* log.consistencyProof(agencyId, 7)).toSize).toBe(total);
        }),
    );

    it.effect("refuses proofs outside the tree: unknown events, sizes past the head, a reversed pair", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const agencyId = freshAgency("bounds");
        const { events } = yield* log.append({
          agencyId,
          streamId: "b",
          expectedVersion: 0,
          events: [note("a"), note("b")],
        });
        const second = (events[1] as RecordedEvent).id;
        const missing = "00000000-0000-4000-8000-000000000000" as EventId;
        expect((yield* Effect.flip(log.inclusionProof(agencyId, missing)))._tag).toBe("EventNotFound");
        expect((yield* Effect.flip(log.inclusionProof(freshAgency("elsewhere"), second)))._tag).toBe(
          "EventNotFound",
        );
        expect((yield* Effect.flip(log.inclusionProof(agencyId, second, 1)))._tag).toBe("TreeSizeOutOfRange");
        expect((yield* Effect.flip(log.inclusionProof(agencyId, second, 3)))._tag).toBe("TreeSizeOutOfRange");
        expect((yield* Effect.flip(log.treeHead(agencyId, 3)))._tag).toBe("TreeSizeOutOfRange");
        expect((yield* Effect.flip(log.consistencyProof(agencyId, 2, 1)))._tag).toBe("TreeSizeOutOfRange");
        expect((yield* Effect.flip(log.consistencyProof(agencyId, 1, 3)))._tag).toBe("TreeSizeOutOfRange");
      }),
    );

    it.effect("keeps each agency's tree apart", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const a = freshAgency("apart");
        const b = freshAgency("apart");
        yield* log.append({
          agencyId: a,
          streamId: "same",
          expectedVersion: 0,
          events: [note("a1"), note("a2")],
        });
        yield* log.append({ agencyId: b, streamId: "same", expectedVersion: 0, events: [note("b1")] });
        expect((yield* log.read(b)).map((e) => [e.leafIndex, e.streamVersion])).toEqual([[0, 1]]);
        expect((yield* log.treeHead(a)).treeSize).toBe(2);
        expect((yield* log.treeHead(b)).rootHash).toBe(
          referenceHead((yield* log.read(b)).map(referenceLeaf)),
        );
      }),
    );

    it.effect("signs checkpoints with the agency's key, kept in the key directory with mode 0600", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const agencyId = freshAgency("checkpoint");
        const empty = yield* log.checkpoint(agencyId);
        expect(empty.treeSize).toBe(0);
        yield* log.append({
          agencyId,
          streamId: "k",
          expectedVersion: 0,
          events: [note("a"), note("b"), note("c")],
        });
        const signed = yield* log.checkpoint(agencyId);
        const head = yield* log.treeHead(agencyId);
        expect([signed.treeSize, signed.rootHash]).toEqual([3, head.rootHash]);
        expect(yield* log.checkpoint(agencyId)).toEqual(signed);
        expect(yield* log.latestCheckpoint(agencyId)).toEqual(Option.some(signed));

        const verifier = parseVerifierKey(yield* log.verifierKey(agencyId));
        expect(verifier?.name).toBe(`liuhen/${agencyId}`);
        const text = verifier && openNote(signed.note, verifier);
        const body = text === undefined ? undefined : parseCheckpoint(text);
        expect(body && [body.origin, body.treeSize, Merkle.toHex(body.rootHash), body.signedAt]).toEqual([
          `liuhen/${agencyId}`,
          3,
          head.rootHash,
          signed.signedAt,
        ]);
        expect(verifier && openNote(signed.note.replace("\n3\n", "\n4\n"), verifier)).toBeUndefined();

        const stat = fs.statSync(keyFilePath(backend.keyDirectory, agencyId));
        expect((stat.mode & 0o777).toString(8)).toBe("600");
      }),
    );

    it.effect(
      "starts again on the same database and keys: migrations once, the same key, the same tree",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const agencyId = freshAgency("restart");
          yield* log.append({ agencyId, streamId: "r", expectedVersion: 0, events: [note("before")] });
          const key = yield* log.verifierKey(agencyId);
          const again = yield* Effect.gen(function* () {
            const second = yield* EventLog;
            const sql = yield* SqlClient.SqlClient;
            yield* second.append({ agencyId, streamId: "r", expectedVersion: 1, events: [note("after")] });
            const migrations = yield* sql<{
              n: number | string;
            }>`SELECT COUNT(*) AS n FROM liuhen_migrations`;
            return { key: yield* second.verifierKey(agencyId), migrations: Number(migrations[0]?.n) };
          }).pipe(Effect.provide(backend.store()));
          expect(again).toEqual({ key, migrations: MIGRATION_NAMES.length });
          const events = yield* log.read(agencyId);
          expect((yield* log.treeHead(agencyId)).rootHash).toBe(referenceHead(events.map(referenceLeaf)));
        }),
    );

    it.effect(
      "gives concurrent appends of one agency one linear order, and exactly one winner per version",
      () =>
        Effect.gen(function* () {
          const log = yield* EventLog;
          const agencyId = freshAgency("concurrent");
          // On PostgreSQL half the appends go through a second client, as from another server process.
          const other = backend.concurrentClients ? Option.some(backend.store()) : Option.none();
          const appendVia = (i: number, request: Parameters<typeof log.append>[0]) =>
            Option.match(other, {
              onNone: () => log.append(request),
              onSome: (store) =>
                i % 2 === 0
                  ? log.append(request)
                  : Effect.flatMap(EventLog, (l) => l.append(request)).pipe(Effect.provide(store)),
            });
          const results = yield* Effect.all(
            Array.from({ length: 24 }, (_, i) =>
              Effect.either(
                appendVia(i, {
                  agencyId,
                  // Twelve streams each get one uncontested append; stream "contested" gets twelve at version 0.
                  streamId: i < 12 ? `own/${i}` : "contested",
                  expectedVersion: 0,
                  events: [note(`${i}.a`), note(`${i}.b`)],
                }),
              ),
            ),
            { concurrency: "unbounded" },
          );
          const won = results.filter(Either.isRight);
          const lost = results.filter(Either.isLeft);
          expect(won.length).toBe(13);
          expect(lost.map((l) => (l.left as { _tag: string })._tag)).toEqual(
            Array(11).fill("StreamConflict"),
          );

          const events = yield* log.read(agencyId);
          expect(events.map((e) => e.leafIndex)).toEqual(Array.from({ length: 26 }, (_, i) => i));
          expect((yield* log.readStream(agencyId, stream("contested"))).length).toBe(2);
          const head = yield* log.treeHead(agencyId);
          expect(head).toEqual({
            agencyId,
            treeSize: 26,
            rootHash: referenceHead(events.map(referenceLeaf)),
          });
          // Each append's own head was a prefix of the final tree.
          for (const r of won) {
            expect(r.right.treeHead.rootHash).toBe(
              referenceHead(events.slice(0, r.right.treeHead.treeSize).map(referenceLeaf)),
            );
          }
        }),
    );
  });
};
