/**
 * Export and import on every backend: an export read back into an empty database of the same kind gives
 * the same tree head, the same checkpoints and the same events; an import that cannot be trusted or has
 * nowhere to go writes nothing. Each case works on agencies of its own.
 */
import * as fs from "node:fs";
import type { SqlClient } from "@effect/sql";
import { Cause, Effect, Exit, Layer, Option, Stream } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgencyId, EventLog, importLog, keyFilePath, LogExport, newEvent } from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import { appendBatches, editEventLine, exportLines, NoteWritten } from "./log-fixture.js";

type Services = LogExport | EventLog | SqlClient.SqlClient;

export const describeExportImport = (name: string, makeBackend: () => Promise<Backend>): void => {
  describe(`export and import on ${name}`, () => {
    let source: Backend;
    let target: Backend;
    let agencies = 0;
    const freshAgency = (label: string) => AgencyId.make(`${label}-${++agencies}`);

    beforeAll(async () => {
      source = await makeBackend();
      target = await makeBackend();
    });
    afterAll(async () => {
      await source?.cleanUp();
      await target?.cleanUp();
    });

    const layerOf = (backend: Backend) =>
      LogExport.layer.pipe(Layer.provideMerge(backend.store())) as Layer.Layer<Services, unknown>;
    const exitOn = <A, E>(backend: Backend, program: Effect.Effect<A, E, Services>) =>
      Effect.runPromiseExit(program.pipe(Effect.provide(layerOf(backend))));
    const on = async <A, E>(backend: Backend, program: Effect.Effect<A, E, Services>): Promise<A> => {
      const exit = await exitOn(backend, program);
      if (Exit.isSuccess(exit)) return exit.value;
      throw new Error(Cause.pretty(exit.cause));
    };

    /** The agency's key, as an operator restoring elsewhere copies it into the other key directory. */
    const copyKey = (agencyId: AgencyId) => {
      fs.mkdirSync(target.keyDirectory, { recursive: true, mode: 0o700 });
      fs.copyFileSync(keyFilePath(source.keyDirectory, agencyId), keyFilePath(target.keyDirectory, agencyId));
      fs.chmodSync(keyFilePath(target.keyDirectory, agencyId), 0o600);
    };

    const exported = async (agencyId: AgencyId, batches: ReadonlyArray<number>) =>
      on(
        source,
        Effect.gen(function* () {
          const events = yield* appendBatches(agencyId, batches);
          const { lines, summary } = yield* exportLines(agencyId);
          return { events, lines, summary };
        }),
      );

    /** What a log holds, as its own export says, less the moment of export. */
    const contents = (lines: ReadonlyArray<string>) => [
      (lines[0] as string).replace(/"exported_at":"[^"]*"/, ""),
      ...lines.slice(1),
    ];

    it("exports a page at a time, never more lines in hand than a page", async () => {
      const agencyId = freshAgency("paged");
      const { pages, lines } = await on(
        source,
        Effect.flatMap(appendBatches(agencyId, [4, 3, 3]), () => exportLines(agencyId, 3)),
      );
      expect(Math.max(...pages)).toBeLessThanOrEqual(3);
      expect(lines.filter((line) => line.startsWith('{"kind":"event"'))).toHaveLength(10);
      expect(lines.filter((line) => line.startsWith('{"kind":"checkpoint"'))).toHaveLength(3);
    });

    it("imports an export into an empty database with the same tree head, checkpoints and events", async () => {
      const agencyId = freshAgency("restored");
      const { events, lines, summary } = await exported(agencyId, [3, 5, 2]);
      copyKey(agencyId);
      const imported = await on(target, importLog(agencyId, Stream.fromIterable(lines)));
      expect(imported).toEqual({ agencyId, treeSize: 10, rootHash: summary.rootHash, checkpoints: 3 });

      const after = await on(
        target,
        Effect.gen(function* () {
          const log = yield* EventLog;
          return {
            head: yield* log.treeHead(agencyId),
            latest: yield* log.latestCheckpoint(agencyId),
            events: yield* log.read(agencyId),
            again: yield* exportLines(agencyId),
          };
        }),
      );
      expect(after.head).toEqual({ agencyId, treeSize: 10, rootHash: summary.rootHash });
      expect(Option.getOrNull(after.latest)).toEqual(summary.latestCheckpoint);
      expect(after.events).toEqual(events);
      // Its own export is the same file: checkpoints, events, recorded leaf and subtree hashes.
      expect(contents(after.again.lines)).toEqual(contents(lines));
    });

    it("lets the imported log go on: the next append extends the imported tree", async () => {
      const agencyId = freshAgency("continued");
      const { lines, summary } = await exported(agencyId, [2, 5]);
      copyKey(agencyId);
      const proof = await on(
        target,
        Effect.gen(function* () {
          yield* importLog(agencyId, Stream.fromIterable(lines));
          const log = yield* EventLog;
          yield* log.append({
            agencyId,
            streamId: "case/after-restore",
            expectedVersion: 0,
            events: [
              newEvent(NoteWritten, { actor: "user:wang", citations: [], payload: { text: "after" } }),
            ],
          });
          return yield* log.consistencyProof(agencyId, 7);
        }),
      );
      expect(proof).toMatchObject({ fromSize: 7, toSize: 8, fromRoot: summary.rootHash });
    });

    it("refuses to import into a log that already holds events, and leaves it as it was", async () => {
      const agencyId = freshAgency("occupied");
      const { lines } = await exported(agencyId, [3]);
      const before = await on(
        source,
        Effect.flatMap(EventLog, (log) => log.treeHead(agencyId)),
      );
      const exit = await exitOn(source, importLog(agencyId, Stream.fromIterable(lines)));
      expect(Exit.isFailure(exit) && Cause.squash(exit.cause)).toMatchObject({ _tag: "ImportRefused" });
      expect(
        await on(
          source,
          Effect.flatMap(EventLog, (log) => log.treeHead(agencyId)),
        ),
      ).toEqual(before);
    });

    it("refuses a file that does not verify, naming its first bad position, and writes nothing", async () => {
      const agencyId = freshAgency("tampered");
      const { lines, events } = await exported(agencyId, [4, 4]);
      copyKey(agencyId);
      const altered = editEventLine(lines, 6, (line) => {
        line.event.payload = { text: "不是原来的" };
      });
      const exit = await exitOn(target, importLog(agencyId, Stream.fromIterable(altered)));
      const error = Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined;
      expect(error).toMatchObject({
        _tag: "ImportRefused",
        report: { finding: { problem: "EventAltered", position: 6, eventId: events[6]?.id } },
      });
      const left = await on(
        target,
        Effect.gen(function* () {
          const log = yield* EventLog;
          return {
            size: (yield* log.treeHead(agencyId)).treeSize,
            latest: yield* log.latestCheckpoint(agencyId),
          };
        }),
      );
      expect(left).toEqual({ size: 0, latest: Option.none() });
      // Refused, then given the right file, it imports.
      expect((await on(target, importLog(agencyId, Stream.fromIterable(lines)))).treeSize).toBe(8);
    });

    it("refuses a file signed with another key than the store's own for the agency", async () => {
      const agencyId = freshAgency("foreign");
      const { lines } = await exported(agencyId, [2]);
      // No key copied: the target store has (makes) a key of its own for the agency.
      const exit = await exitOn(target, importLog(agencyId, Stream.fromIterable(lines)));
      expect(Exit.isFailure(exit) && Cause.squash(exit.cause)).toMatchObject({
        _tag: "ImportRefused",
        report: { finding: { problem: "CheckpointNotSigned" } },
      });
    });

    it("exports and imports a log with no events yet: a header and its checkpoint at size 0", async () => {
      const agencyId = freshAgency("empty");
      const { lines } = await exported(agencyId, []);
      expect(lines).toHaveLength(2);
      copyKey(agencyId);
      expect(await on(target, importLog(agencyId, Stream.fromIterable(lines)))).toMatchObject({
        treeSize: 0,
        checkpoints: 1,
      });
    });
  });
};
