/**
 * The proceeding projections on every backend: steps recorded through `Proceedings` update their rows and
 * deadlines in the append's transaction, refusals write nothing, and a rebuild from the log reproduces the
 * live tables row for row. Each case works on agencies of its own.
 *
 * Order matters once: the last case leaves an agency whose log holds a step the machine refuses, so every
 * later rebuild of all agencies fails; it runs after the cases that rebuild everything.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import {
  InterferenceState,
  qianjiangRegime,
  replayInterference,
  replayWrongCase,
  type WrongCaseEvent,
  WrongCaseState,
  wrongCaseTransitions,
} from "@liuhen/domain";
import { Effect, Either, Layer, Option, Schema } from "effect";
import {
  AgencyId,
  decodeInterferenceEvent,
  decodePayload,
  decodeWrongCaseEvent,
  EventLog,
  EventType,
  newEvent,
  openInterferenceRecord,
  Proceedings,
  proceedingsLayer,
  rebuildProjections,
  regimePeriodClock,
  StreamId,
  wrongCaseEventTypes,
  wrongCaseStep,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import {
  ALL_SCRIPTS,
  awaitingTransfer,
  decidedAndReferred,
  inf,
  recordScripts,
  reinvestigating,
  transferred,
  wc,
} from "../support/proceeding-fixtures.js";
import { snapshotProjections } from "../support/projection-snapshot.js";

const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));

const clock = regimePeriodClock(qianjiangRegime);

export const describeProjections = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const store = () => proceedingsLayer().pipe(Layer.provideMerge(backend.store()));

  layer(store(), { timeout: "120 seconds" })(`proceeding projections on ${backend.name}`, (it) => {
    it.effect(
      "WC.10.1: acceptance opens the transfer period in deadlines, the transfer ends it; each step cites its articles",
      () =>
        Effect.gen(function* () {
          const proceedings = yield* Proceedings;
          const log = yield* EventLog;
          const agencyId = freshAgency("deadline");
          const step = (expectedVersion: number, event: WrongCaseEvent) =>
            proceedings.recordWrongCase({
              agencyId,
              proceedingId: "2025-001",
              expectedVersion,
              actor: "user:li",
              event,
            });

          yield* step(0, wc.received("2025-09-29"));
          const accepted = yield* step(1, wc.accepted("2025-09-30"));
          expect([
            accepted.proceeding.stage,
            accepted.proceeding.version,
            accepted.proceeding.streamId,
          ]).toEqual(["accepted", 2, "wrong-case/2025-001"]);
          expect(accepted.event.type).toBe("WrongCase.ReportAccepted");
          expect(accepted.event.citations).toEqual(wrongCaseTransitions.ReportAccepted.citations);
          expect(accepted.proceeding.updatedAt).toBe(accepted.event.occurredAt);
          expect(accepted.proceeding.lastLeafIndex).toBe(accepted.event.leafIndex);
          // Two working days after 30 September 2025: 1–8 October are the National Day holiday.
          expect(yield* proceedings.deadlines(agencyId)).toEqual([
            {
              agencyId,
              streamId: "wrong-case/2025-001",
              period: "WC.10.1",
              openedBy: "ReportAccepted",
              start: "2025-09-30",
              due: "2025-10-10",
            },
          ]);
          expect(yield* proceedings.deadlines(agencyId, { dueOnOrBefore: "2025-10-09" })).toEqual([]);
          expect((yield* proceedings.deadlines(agencyId, { dueOnOrBefore: "2025-10-10" })).length).toBe(1);

          yield* step(2, wc.transferred("2025-10-10"));
          const closed = yield* step(3, wc.closed("2025-10-11"));
          expect(closed.proceeding.stage).toBe("closed");
          expect(closed.proceeding.state.late).toEqual([]);
          expect(yield* proceedings.deadlines(agencyId)).toEqual([]);

          const stored = yield* log.readStream(agencyId, StreamId.make("wrong-case/2025-001"));
          expect(stored.map((e) => e.type)).toEqual([
            "WrongCase.ReportReceived",
            "WrongCase.ReportAccepted",
            "WrongCase.ReportTransferred",
            "WrongCase.WrongCaseClosed",
          ]);
          expect(stored.map((e) => e.actor)).toEqual(["user:li", "user:li", "user:li", "user:li"]);
          const transfer = yield* decodePayload(
            wrongCaseEventTypes.ReportTransferred,
            stored[2] as (typeof stored)[number],
          );
          expect(transfer).toEqual(wc.transferred("2025-10-10"));
          const view = yield* proceedings.wrongCase(agencyId, "2025-001");
          expect(Option.map(view, (v) => v.state)).toEqual(Option.some(closed.proceeding.state));
          expect(Option.isNone(yield* proceedings.wrongCase(agencyId, "2025-999"))).toBe(true);
        }),
    );

    it.effect(
      "numbers interference records per year from the year's stream ids alone: after the highest, past 999",
      () =>
        Effect.gen(function* () {
          const proceedings = yield* Proceedings;
          const agencyId = freshAgency("numbering");
          const open = (id: string, date: string) =>
            proceedings.recordInterference({
              agencyId,
              proceedingId: id,
              expectedVersion: 0,
              actor: "user:wang",
              event: inf.recorded(date),
            });
          for (const [id, date] of [
            ["IF-2025-001", "2025-03-01"],
            ["IF-2025-999", "2025-03-02"],
            ["IF-2024-120", "2024-12-30"],
            ["IF-20250-001", "2025-03-03"],
          ] as const)
            yield* open(id, date);
          expect(yield* proceedings.interferenceStreamIds(agencyId, "interference-record/IF-2025-")).toEqual([
            "interference-record/IF-2025-001",
            "interference-record/IF-2025-999",
          ]);
          expect(yield* proceedings.wrongCaseStreamIds(agencyId, "wrong-case/WC-2025-")).toEqual([]);
          const next = yield* openInterferenceRecord(agencyId, "user:wang", inf.recorded("2025-03-04"));
          expect(next).toEqual({ recordId: "IF-2025-1000", version: 1 });
          const firstOfYear = yield* openInterferenceRecord(
            agencyId,
            "user:wang",
            inf.recorded("2026-01-05"),
          );
          expect(firstOfYear.recordId).toBe("IF-2026-001");
        }),
    );

    it.effect(
      "WC.10.3: a re-investigation order opens the one-month period, due on the next working day",
      () =>
        Effect.gen(function* () {
          const proceedings = yield* Proceedings;
          const agencyId = freshAgency("month");
          yield* recordScripts(agencyId, [reinvestigating("2025-002"), awaitingTransfer("2025-003")]);
          // 25 April 2025 + 1 month = Sunday 25 May, rolled forward to Monday 26 May.
          expect(
            (yield* proceedings.deadlines(agencyId)).map((d) => [d.streamId, d.period, d.start, d.due]),
          ).toEqual([
            ["wrong-case/2025-002", "WC.10.3", "2025-04-25", "2025-05-26"],
            ["wrong-case/2025-003", "WC.10.1", "2025-09-30", "2025-10-10"],
          ]);
          const row = yield* proceedings.wrongCase(agencyId, "2025-002");
          expect(Option.map(row, (r) => [r.stage, r.version, r.state.rounds.length])).toEqual(
            Option.some(["investigating", 9, 2]),
          );
        }),
    );

    it.effect("refuses a step the machine does not allow, or a stale version, and writes nothing", () =>
      Effect.gen(function* () {
        const proceedings = yield* Proceedings;
        const log = yield* EventLog;
        const agencyId = freshAgency("refused");
        const step = (proceedingId: string, expectedVersion: number, event: WrongCaseEvent) =>
          proceedings.recordWrongCase({ agencyId, proceedingId, expectedVersion, actor: "user:li", event });

        const early = yield* Effect.flip(step("p", 0, wc.accepted("2025-03-03")));
        expect(early._tag).toBe("IllegalTransition");
        expect(Option.isNone(yield* proceedings.wrongCase(agencyId, "p"))).toBe(true);
        expect((yield* log.treeHead(agencyId)).treeSize).toBe(0);

        yield* step("p", 0, wc.received("2025-03-03"));
        yield* step("p", 1, wc.accepted("2025-03-04"));
        const before = yield* snapshotProjections([agencyId]);
        const head = yield* log.treeHead(agencyId);

        const backdated = yield* Effect.flip(step("p", 2, wc.transferred("2025-03-03")));
        expect(backdated._tag).toBe("DateOutOfOrder");
        const stale = yield* Effect.flip(step("p", 1, wc.transferred("2025-03-05")));
        expect(stale._tag).toBe("StreamConflict");
        const skipped = yield* Effect.flip(step("p", 2, wc.closed("2025-03-05")));
        expect(skipped._tag).toBe("IllegalTransition");
        const invalid = yield* Effect.flip(step("p", 2, { ...wc.transferred("2025-03-05"), reason: "" }));
        expect(invalid._tag === "InvalidEvent" && invalid.field).toBe("events[0].payload.reason");
        // A period that would run past the holiday calendar's last year is refused, not guessed.
        yield* step("q", 0, wc.received("2030-01-02"));
        const beyond = yield* Effect.flip(step("q", 1, wc.accepted("2030-01-03")));
        expect(beyond._tag).toBe("CalendarOutOfRange");
        // IF.4: a record is checked once it exists, not before.
        const unrecorded = yield* Effect.flip(
          proceedings.recordInterference({
            agencyId,
            proceedingId: "r",
            expectedVersion: 0,
            actor: "user:li",
            event: inf.spotChecked("2025-03-05"),
          }),
        );
        expect(unrecorded._tag === "IllegalTransition" && unrecorded.message).toMatch(
          /RecordSpotChecked is not legal at stage new/,
        );

        expect(yield* log.treeHead(agencyId)).toEqual({
          ...head,
          treeSize: head.treeSize + 1,
          rootHash: expect.any(String),
        });
        expect(yield* snapshotProjections([agencyId])).toEqual({
          ...before,
          wrong_case_proceedings: [
            ...(before.wrong_case_proceedings ?? []),
            expect.objectContaining({ stream_id: "wrong-case/q", stage: "received" }),
          ],
        });
      }),
    );

    it.effect("rebuilds every projection table from the log, row for row, for all agencies and for one", () =>
      Effect.gen(function* () {
        const log = yield* EventLog;
        const sql = yield* SqlClient.SqlClient;
        const a = freshAgency("rebuild");
        const b = freshAgency("rebuild");
        yield* recordScripts(
          a,
          ALL_SCRIPTS.map((script, i) => script(`a-${i}`)),
        );
        yield* log.append({
          agencyId: a,
          streamId: "notes/1",
          expectedVersion: 0,
          events: [
            newEvent(NoteWritten, { actor: "user:li", citations: [], payload: { text: "not a proceeding" } }),
          ],
        });
        yield* recordScripts(b, [decidedAndReferred("b-1"), transferred("b-2"), awaitingTransfer("b-3")]);

        const live = yield* snapshotProjections();
        expect((live.wrong_case_proceedings ?? []).length).toBeGreaterThanOrEqual(7);
        expect((live.interference_records ?? []).length).toBeGreaterThanOrEqual(3);
        expect((live.deadlines ?? []).length).toBeGreaterThanOrEqual(3);

        const report = yield* rebuildProjections();
        expect(report.agencies.map((r) => r.agencyId)).toEqual(expect.arrayContaining([a, b]));
        expect(yield* snapshotProjections()).toEqual(live);

        // Each row is the domain's own replay of its stream, whatever the projection did step by step.
        for (const row of (live.wrong_case_proceedings ?? []) as ReadonlyArray<{
          agency_id: string;
          stream_id: string;
          state: string;
        }>) {
          const events = yield* log.readStream(AgencyId.make(row.agency_id), StreamId.make(row.stream_id));
          const replayed = replayWrongCase(yield* Effect.forEach(events, decodeWrongCaseEvent), clock);
          expect(Either.map(replayed, Schema.encodeSync(WrongCaseState))).toEqual(
            Either.right(JSON.parse(row.state)),
          );
        }
        for (const row of (live.interference_records ?? []) as ReadonlyArray<{
          agency_id: string;
          stream_id: string;
          state: string;
        }>) {
          const events = yield* log.readStream(AgencyId.make(row.agency_id), StreamId.make(row.stream_id));
          const replayed = replayInterference(yield* Effect.forEach(events, decodeInterferenceEvent));
          expect(Either.map(replayed, Schema.encodeSync(InterferenceState))).toEqual(
            Either.right(JSON.parse(row.state)),
          );
        }

        // Damage agency a's tables; rebuilding a alone repairs them and leaves b's rows as they were.
        yield* sql`DELETE FROM deadlines WHERE agency_id = ${a}`;
        yield* sql`UPDATE wrong_case_proceedings SET stage = ${"closed"}, version = 1 WHERE agency_id = ${a}`;
        yield* sql`DELETE FROM interference_records WHERE agency_id = ${a} AND stream_id = ${"interference-record/a-4"}`;
        expect(yield* snapshotProjections()).not.toEqual(live);
        const one = yield* rebuildProjections(a);
        expect(one.agencies).toEqual([{ agencyId: a, events: (yield* log.treeHead(a)).treeSize }]);
        expect(yield* snapshotProjections()).toEqual(live);
      }),
    );

    if (backend.concurrentClients) {
      it.effect(
        "lets one of two clients recording the same step at once win; the other gets StreamConflict",
        () =>
          Effect.gen(function* () {
            const proceedings = yield* Proceedings;
            const agencyId = freshAgency("race");
            yield* proceedings.recordWrongCase({
              agencyId,
              proceedingId: "r",
              expectedVersion: 0,
              actor: "user:li",
              event: wc.received("2025-03-03"),
            });
            const accept = (by: string) => ({
              agencyId,
              proceedingId: "r",
              expectedVersion: 1,
              actor: by,
              event: wc.accepted("2025-03-04"),
            });
            const results = yield* Effect.all(
              [
                Effect.either(proceedings.recordWrongCase(accept("user:one"))),
                Effect.either(
                  Effect.flatMap(Proceedings, (p) => p.recordWrongCase(accept("user:two"))).pipe(
                    Effect.provide(store()),
                  ),
                ),
              ],
              { concurrency: "unbounded" },
            );
            expect(results.filter(Either.isRight).length).toBe(1);
            expect(results.filter(Either.isLeft).map((r) => (r.left as { _tag: string })._tag)).toEqual([
              "StreamConflict",
            ]);
            const row = yield* proceedings.wrongCase(agencyId, "r");
            expect(Option.map(row, (r) => [r.stage, r.version])).toEqual(Option.some(["accepted", 2]));
            expect((yield* proceedings.deadlines(agencyId)).length).toBe(1);
          }),
      );
    }

    it.effect(
      "finds steps appended around the projection: the next step is refused until a rebuild; a refused step fails the rebuild, which changes nothing",
      () =>
        Effect.gen(function* () {
          const proceedings = yield* Proceedings;
          const log = yield* EventLog;
          const agencyId = freshAgency("around");
          yield* proceedings.recordWrongCase({
            agencyId,
            proceedingId: "x",
            expectedVersion: 0,
            actor: "user:li",
            event: wc.received("2025-03-03"),
          });
          // Appended straight to the log, without the projection hook.
          yield* log.append({
            agencyId,
            streamId: "wrong-case/x",
            expectedVersion: 1,
            events: [wrongCaseStep(wc.accepted("2025-03-04"), "user:li")],
          });
          const behind = yield* Effect.flip(
            proceedings.recordWrongCase({
              agencyId,
              proceedingId: "x",
              expectedVersion: 2,
              actor: "user:li",
              event: wc.toHead("2025-03-05"),
            }),
          );
          expect(behind._tag).toBe("ProjectionOutOfStep");
          yield* rebuildProjections(agencyId);
          const after = yield* proceedings.recordWrongCase({
            agencyId,
            proceedingId: "x",
            expectedVersion: 2,
            actor: "user:li",
            event: wc.toHead("2025-03-05"),
          });
          expect([after.proceeding.stage, after.proceeding.version]).toEqual(["reported-to-head", 3]);

          // A step the machine refuses, appended around it: the log keeps it, no rebuild can replay it.
          yield* log.append({
            agencyId,
            streamId: "wrong-case/x",
            expectedVersion: 3,
            events: [wrongCaseStep(wc.closed("2025-03-06"), "user:li")],
          });
          const before = yield* snapshotProjections();
          const failed = yield* Effect.flip(rebuildProjections(agencyId));
          expect(
            failed._tag === "ProjectionReplayFailed" && [failed.agencyId, failed.leafIndex, failed.reason],
          ).toEqual([
            agencyId,
            3,
            expect.stringMatching(
              /^IllegalTransition: WrongCaseClosed is not legal at stage reported-to-head/,
            ),
          ]);
          expect((yield* Effect.flip(rebuildProjections()))._tag).toBe("ProjectionReplayFailed");
          expect(yield* snapshotProjections()).toEqual(before);
        }),
    );
  });
};
