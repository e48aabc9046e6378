/**
 * The legal section's oversight on every backend: spot checks (IF.4) whose seed is committed before the draw
 * and whose sample anyone can recompute from the log; failures to record counted per handler with the
 * domain's consequence (IF.12b); monthly attestations and the agency's switch for them; and a rebuild from
 * the log that reproduces every table of theirs. Each case works on agencies of its own.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { drawSample, populationDigest, SPOT_CHECK_SAMPLER, seedCommitment } from "@liuhen/domain";
import { Effect, Option } from "effect";
import {
  AgencyId,
  Attestations,
  type CommitSpotCheck,
  EventLog,
  NonRecordingRegister,
  Proceedings,
  Projections,
  type RegisterNonRecording,
  rebuildProjections,
  SpotCheckId,
  SpotChecks,
  StreamId,
  spotCheckChange,
  spotCheckStreamId,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import { inf } from "../support/proceeding-fixtures.js";

const actor = "account:legal-1";
const legal = "legal-1";

/** Every row of the oversight tables, in key order, for comparing live tables with rebuilt ones. */
const OVERSIGHT_TABLES = [
  ["spot_checks", "agency_id, draw_id"],
  ["spot_check_items", "agency_id, draw_id, kind, item_id"],
  ["non_recording_violations", "agency_id, violation_id"],
  ["attestations", "agency_id, handler, month"],
  ["agency_settings", "agency_id"],
] as const;

const snapshot = (agencies?: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows: Record<string, ReadonlyArray<unknown>> = {};
    for (const [table, order] of OVERSIGHT_TABLES) {
      rows[table] = yield* sql`SELECT * FROM ${sql(table)}
        ${agencies === undefined ? sql`` : sql`WHERE ${sql.in("agency_id", agencies)}`}
        ORDER BY ${sql.literal(order)}`;
    }
    return rows;
  });

export const describeOversight = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const store = () => withAccounts(backend.store());

  const records = Array.from({ length: 12 }, (_, i) => `IF-2025-${String(i + 1).padStart(3, "0")}`);
  const handlers = ["handler-1", "handler-2", "handler-3", "handler-4", "handler-5"];

  const commitment = (agencyId: AgencyId, fields: Partial<CommitSpotCheck> = {}): CommitSpotCheck => ({
    agencyId,
    period: { from: "2025-09-01", to: "2025-09-30" },
    population: { records: [...records].reverse(), handlers },
    sizes: { records: 4, handlers: 2 },
    committedOn: "2025-10-08",
    by: legal,
    purpose: "2025年9月抽查",
    actor,
    ...fields,
  });

  const treeSize = (agencyId: AgencyId) =>
    Effect.flatMap(EventLog, (log) => Effect.map(log.treeHead(agencyId), (head) => head.treeSize));

  const seedRows = (agencyId: AgencyId) =>
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) => sql`SELECT draw_id, seed FROM spot_check_seeds WHERE agency_id = ${agencyId}`,
    );

  const recordInterference = (agencyId: AgencyId, recordId: string, date = "2025-09-12") =>
    Effect.flatMap(Proceedings, (proceedings) =>
      proceedings.recordInterference({
        agencyId,
        proceedingId: recordId,
        expectedVersion: 0,
        actor: "account:handler-3",
        event: inf.recorded(date),
      }),
    );

  layer(store(), { timeout: "120 seconds" })(`legal-section oversight on ${backend.name}`, (it) => {
    it.effect(
      "IF.4: the commitment logs SHA-256 of the seed and never the seed; the draw reveals it and the log alone reproduces the sample",
      () =>
        Effect.gen(function* () {
          const spotChecks = yield* SpotChecks;
          const log = yield* EventLog;
          const agencyId = freshAgency("commit");
          const committed = yield* spotChecks.commit(commitment(agencyId));
          expect(committed.draw).toBeNull();
          expect(committed.population.records).toEqual(records);
          expect(committed.populationDigest).toBe(populationDigest(committed.population));

          const [commitEvent] = yield* log.readStream(
            agencyId,
            StreamId.make(spotCheckStreamId(committed.drawId)),
          );
          expect(commitEvent?.type).toBe("SpotCheck.Committed");
          expect(commitEvent?.citations).toEqual(["IF.4"]);
          const payload = commitEvent?.payload as Record<string, unknown>;
          expect(payload.seedHash).toBe(committed.seedHash);
          expect(payload.sampler).toBe(SPOT_CHECK_SAMPLER);
          expect(JSON.stringify(payload)).not.toMatch(/"seed"/);
          const [kept] = (yield* seedRows(agencyId)) as ReadonlyArray<{ seed: string }>;
          expect(seedCommitment(kept?.seed as string)).toBe(committed.seedHash);

          const drawn = yield* spotChecks.draw({
            agencyId,
            drawId: committed.drawId,
            drawnOn: "2025-10-08",
            by: legal,
            actor,
          });
          expect(drawn.draw?.seed).toBe(kept?.seed);
          expect(yield* seedRows(agencyId)).toEqual([]);
          expect(drawn.items.filter((i) => i.kind === "record")).toHaveLength(4);
          expect(drawn.items.filter((i) => i.kind === "handler")).toHaveLength(2);

          // From the log alone: the seed hashes to the commitment, the anchor is the tree right after it.
          const logged = yield* spotChecks.logged(agencyId, committed.drawId);
          const draw = logged.drawn?.step;
          expect(draw).toBeDefined();
          if (draw === undefined) return;
          expect(seedCommitment(draw.seed)).toBe(logged.committed.step.seedHash);
          expect(draw.anchor.treeSize).toBe(logged.committed.leafIndex + 1);
          const head = yield* log.treeHead(agencyId, draw.anchor.treeSize);
          expect(head.rootHash).toBe(draw.anchor.rootHash);
          const recomputed = drawSample({
            seed: draw.seed,
            anchor: head.rootHash,
            population: logged.committed.step.population,
            sizes: logged.committed.step.sizes,
          });
          expect(recomputed).toEqual(draw.sample);
          expect(drawn.items.filter((i) => i.kind === "record").map((i) => i.itemId)).toEqual(
            recomputed.records,
          );
        }),
    );

    it.effect("IF.4: a commitment is drawn once; drawing again is a new commitment with its own id", () =>
      Effect.gen(function* () {
        const spotChecks = yield* SpotChecks;
        const agencyId = freshAgency("redraw");
        const first = yield* spotChecks.commit(commitment(agencyId));
        const draw = { agencyId, drawId: first.drawId, drawnOn: "2025-10-08", by: legal, actor };
        yield* spotChecks.draw(draw);
        const before = yield* treeSize(agencyId);
        const again = yield* Effect.flip(spotChecks.draw(draw));
        expect(again._tag).toBe("SpotCheckAlreadyDrawn");
        expect(yield* treeSize(agencyId)).toBe(before);

        const second = yield* spotChecks.commit(commitment(agencyId));
        expect(second.drawId).not.toBe(first.drawId);
        expect(second.seedHash).not.toBe(first.seedHash);
        const listed = yield* spotChecks.list(agencyId);
        expect(listed.map((s) => [s.drawId, s.draw === null])).toEqual([
          [first.drawId, false],
          [second.drawId, true],
        ]);
      }),
    );

    if (backend.concurrentClients) {
      it.effect("IF.4: two draws of one commitment at once: one draws, the other is told it is drawn", () =>
        Effect.gen(function* () {
          const spotChecks = yield* SpotChecks;
          const log = yield* EventLog;
          const agencyId = freshAgency("race");
          const committed = yield* spotChecks.commit(commitment(agencyId));
          const request = { agencyId, drawId: committed.drawId, drawnOn: "2025-10-08", by: legal, actor };
          const outcomes = yield* Effect.all(
            [
              Effect.either(spotChecks.draw(request)),
              Effect.either(
                Effect.flatMap(SpotChecks, (other) => other.draw(request)).pipe(Effect.provide(store())),
              ),
            ],
            { concurrency: "unbounded" },
          );
          const tags = outcomes
            .map((o) => (o._tag === "Right" ? "drawn" : (o.left as { readonly _tag: string })._tag))
            .sort();
          expect(tags).toEqual(["SpotCheckAlreadyDrawn", "drawn"]);
          const events = yield* log.readStream(agencyId, StreamId.make(spotCheckStreamId(committed.drawId)));
          expect(events.map((e) => e.type)).toEqual(["SpotCheck.Committed", "SpotCheck.Drawn"]);
        }),
      );
    }

    it.effect("IF.4: a draw whose sample was picked by hand is refused, and nothing is written", () =>
      Effect.gen(function* () {
        const spotChecks = yield* SpotChecks;
        const projections = yield* Projections;
        const log = yield* EventLog;
        const agencyId = freshAgency("forged");
        const committed = yield* spotChecks.commit(commitment(agencyId));
        const [kept] = (yield* seedRows(agencyId)) as ReadonlyArray<{ seed: string }>;
        const anchor = yield* log.treeHead(agencyId, committed.commitLeafIndex + 1);
        const honest = drawSample({
          seed: kept?.seed as string,
          anchor: anchor.rootHash,
          population: committed.population,
          sizes: committed.sizes,
        });
        const forge = (fields: Record<string, unknown>) =>
          Effect.flip(
            projections.append({
              agencyId,
              streamId: spotCheckStreamId(committed.drawId),
              expectedVersion: 1,
              events: [
                spotCheckChange(
                  {
                    _tag: "SpotCheckDrawn",
                    drawId: committed.drawId,
                    seed: kept?.seed as string,
                    anchor: { treeSize: anchor.treeSize, rootHash: anchor.rootHash },
                    sample: honest,
                    drawnOn: "2025-10-08",
                    by: legal,
                    ...fields,
                  } as never,
                  actor,
                ),
              ],
            }),
          );
        const before = yield* treeSize(agencyId);
        const picked = yield* forge({ sample: { records: records.slice(0, 4), handlers: honest.handlers } });
        expect([picked._tag, (picked as { field?: string }).field]).toEqual([
          "InvalidEvent",
          "payload.sample",
        ]);
        const otherSeed = yield* forge({ seed: "ab".repeat(32) });
        expect([otherSeed._tag, (otherSeed as { field?: string }).field]).toEqual([
          "InvalidEvent",
          "payload.seed",
        ]);
        expect(yield* treeSize(agencyId)).toBe(before);
        expect((yield* spotChecks.find(agencyId, committed.drawId)).pipe(Option.map((s) => s.draw))).toEqual(
          Option.some(null),
        );
      }),
    );

    it.effect(
      "IF.4: nothing is checked under a draw before it is drawn; a record step naming another sample marks nothing",
      () =>
        Effect.gen(function* () {
          const spotChecks = yield* SpotChecks;
          const proceedings = yield* Proceedings;
          const agencyId = freshAgency("checks");
          for (const id of records.slice(0, 3)) yield* recordInterference(agencyId, id);
          const committed = yield* spotChecks.commit(
            commitment(agencyId, {
              population: { records: records.slice(0, 3), handlers: ["handler-3"] },
              sizes: { records: 3, handlers: 1 },
            }),
          );
          const notYet = yield* Effect.flip(
            spotChecks.checkHandler({
              agencyId,
              drawId: committed.drawId,
              handler: "handler-3",
              checkedOn: "2025-10-09",
              by: legal,
              outcome: "no-issue",
              note: "记录完整",
              actor,
            }),
          );
          expect(notYet._tag).toBe("SpotCheckNotDrawn");
          yield* spotChecks.draw({
            agencyId,
            drawId: committed.drawId,
            drawnOn: "2025-10-08",
            by: legal,
            actor,
          });
          // The fixture's sampleRef names no draw of this agency.
          yield* proceedings.recordInterference({
            agencyId,
            proceedingId: records[0] as string,
            expectedVersion: 1,
            actor,
            event: inf.spotChecked("2025-10-09"),
          });
          const after = yield* spotChecks.find(agencyId, committed.drawId);
          expect(
            Option.map(after, (s) => s.items.filter((i) => i.check !== null).map((i) => i.itemId)),
          ).toEqual(Option.some([]));
        }),
    );

    it.effect("IF.4: a record's RecordSpotChecked step under the draw marks it checked in the draw", () =>
      Effect.gen(function* () {
        const spotChecks = yield* SpotChecks;
        const proceedings = yield* Proceedings;
        const agencyId = freshAgency("record-check");
        for (const id of records.slice(0, 3)) yield* recordInterference(agencyId, id);
        const committed = yield* spotChecks.commit(
          commitment(agencyId, {
            population: { records: records.slice(0, 3), handlers: ["handler-3"] },
            sizes: { records: 2, handlers: 1 },
          }),
        );
        const drawn = yield* spotChecks.draw({
          agencyId,
          drawId: committed.drawId,
          drawnOn: "2025-10-08",
          by: legal,
          actor,
        });
        const recordId = drawn.items.find((i) => i.kind === "record")?.itemId as string;
        const { event } = yield* proceedings.recordInterference({
          agencyId,
          proceedingId: recordId,
          expectedVersion: 1,
          actor,
          event: { _tag: "RecordSpotChecked", date: "2025-10-09", by: legal, sampleRef: committed.drawId },
        });
        expect(event.citations).toEqual(["IF.4"]);
        const after = yield* spotChecks.find(agencyId, committed.drawId);
        expect(Option.map(after, (s) => s.items.find((i) => i.itemId === recordId)?.check)).toEqual(
          Option.some({ checkedOn: "2025-10-09", by: legal, outcome: "checked", note: null }),
        );

        const handlerCheck = {
          agencyId,
          drawId: committed.drawId,
          handler: "handler-3",
          checkedOn: "2025-10-09",
          by: legal,
          outcome: "no-issue" as const,
          note: "抽查其九月办案记录，记录完整",
          actor,
        };
        const checked = yield* spotChecks.checkHandler(handlerCheck);
        expect(checked.items.find((i) => i.kind === "handler")?.check).toMatchObject({
          outcome: "no-issue",
          by: legal,
        });
        expect((yield* Effect.flip(spotChecks.checkHandler(handlerCheck)))._tag).toBe("NothingToChange");
        const stranger = yield* Effect.flip(
          spotChecks.checkHandler({ ...handlerCheck, handler: "handler-9" }),
        );
        expect(stranger._tag).toBe("NotInSpotCheckSample");
      }),
    );

    it.effect("IF.4: a commitment whose seed is not kept cannot be drawn; it stays in the log undrawn", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const spotChecks = yield* SpotChecks;
        const agencyId = freshAgency("lost-seed");
        const committed = yield* spotChecks.commit(commitment(agencyId));
        yield* sql`DELETE FROM spot_check_seeds WHERE agency_id = ${agencyId}`;
        const error = yield* Effect.flip(
          spotChecks.draw({ agencyId, drawId: committed.drawId, drawnOn: "2025-10-08", by: legal, actor }),
        );
        expect(error._tag).toBe("SpotCheckSeedUnavailable");
        const missing = yield* Effect.flip(
          spotChecks.draw({
            agencyId,
            drawId: SpotCheckId.make("no-such-draw"),
            drawnOn: "2025-10-08",
            by: legal,
            actor,
          }),
        );
        expect(missing._tag).toBe("SpotCheckNotFound");
      }),
    );

    it.effect("IF.4: a population too large or a period backwards is refused naming the field", () =>
      Effect.gen(function* () {
        const spotChecks = yield* SpotChecks;
        const agencyId = freshAgency("bad-commit");
        const backwards = yield* Effect.flip(
          spotChecks.commit(commitment(agencyId, { period: { from: "2025-09-30", to: "2025-09-01" } })),
        );
        expect([backwards._tag, (backwards as { field?: string }).field]).toEqual([
          "InvalidEvent",
          "period.to",
        ]);
        const huge = yield* Effect.flip(
          spotChecks.commit(
            commitment(agencyId, {
              population: { records: Array.from({ length: 5001 }, (_, i) => `r-${i}`), handlers: [] },
            }),
          ),
        );
        expect(huge._tag).toBe("InvalidEvent");
        expect(yield* spotChecks.list(agencyId)).toEqual([]);
      }),
    );

    const violation = (
      agencyId: AgencyId,
      fields: Partial<RegisterNonRecording> = {},
    ): RegisterNonRecording => ({
      agencyId,
      handler: "handler-3",
      kind: "not-recorded",
      caseRef: "黔江市监罚〔2025〕12号",
      recordId: null,
      facts: "当事人亲属经局内人员说情，办案人员未记录",
      occurredOn: "2025-09-12",
      instructedBy: null,
      registeredOn: "2025-10-08",
      by: legal,
      actor,
      ...fields,
    });

    it.effect(
      "IF.12b: the first failure gives warning and circulated criticism; the second a discipline referral; an instructing supervisor is liable",
      () =>
        Effect.gen(function* () {
          const register = yield* NonRecordingRegister;
          const log = yield* EventLog;
          const agencyId = freshAgency("non-recording");
          const first = yield* register.register(violation(agencyId));
          expect(first.ordinal).toBe(1);
          expect(first.consequence).toMatchObject({
            sanctions: ["warning", "circulated-criticism"],
            referDiscipline: false,
            supervisorLiable: false,
            citations: ["IF.12b"],
          });
          const second = yield* register.register(
            violation(agencyId, { kind: "untruthful", instructedBy: "chief-7", registeredOn: "2025-10-20" }),
          );
          expect(second.ordinal).toBe(2);
          expect(second.consequence).toMatchObject({
            sanctions: ["warning", "circulated-criticism"],
            referDiscipline: true,
            supervisorLiable: true,
          });
          // Another handler's count starts again at one.
          const other = yield* register.register(violation(agencyId, { handler: "handler-4" }));
          expect([other.ordinal, other.consequence.referDiscipline]).toEqual([1, false]);

          expect((yield* register.list(agencyId, "handler-3")).map((v) => v.ordinal)).toEqual([1, 2]);
          const events = yield* log.readStream(agencyId, StreamId.make("non-recording/handler-3"));
          expect(events.map((e) => [e.type, e.streamVersion, e.citations])).toEqual([
            ["NonRecording.Registered", 1, ["IF.3", "IF.12b"]],
            ["NonRecording.Registered", 2, ["IF.3", "IF.12b"]],
          ]);
        }),
    );

    it.effect(
      "IF.12b: a registration naming the handler as their own supervisor is refused; nothing is written",
      () =>
        Effect.gen(function* () {
          const register = yield* NonRecordingRegister;
          const agencyId = freshAgency("non-recording-bad");
          const error = yield* Effect.flip(
            register.register(violation(agencyId, { instructedBy: "handler-3" })),
          );
          expect([error._tag, (error as { field?: string }).field]).toEqual(["InvalidEvent", "instructedBy"]);
          expect(yield* register.list(agencyId)).toEqual([]);
        }),
    );

    it.effect(
      "IF.3: attestations are made per handler and month, made again to correct; the switch is logged",
      () =>
        Effect.gen(function* () {
          const attestations = yield* Attestations;
          const agencyId = freshAgency("attest");
          expect(yield* attestations.settings(agencyId)).toEqual({
            monthlyAttestation: true,
            version: 0,
            updatedAt: null,
          });
          const none = yield* attestations.attest({
            agencyId,
            handler: "handler-3",
            month: "2025-09",
            kind: "none",
            recordIds: [],
            attestedOn: "2025-10-02",
            actor: "account:handler-3",
          });
          expect([none.kind, none.version, none.recordIds]).toEqual(["none", 1, []]);
          const corrected = yield* attestations.attest({
            agencyId,
            handler: "handler-3",
            month: "2025-09",
            kind: "records",
            recordIds: ["IF-2025-002", "IF-2025-001", "IF-2025-002"],
            attestedOn: "2025-10-03",
            actor: "account:handler-3",
          });
          expect([corrected.kind, corrected.version, corrected.recordIds]).toEqual([
            "records",
            2,
            ["IF-2025-001", "IF-2025-002"],
          ]);
          const contradictory = yield* Effect.flip(
            attestations.attest({
              agencyId,
              handler: "handler-4",
              month: "2025-09",
              kind: "none",
              recordIds: ["IF-2025-003"],
              attestedOn: "2025-10-02",
              actor: "account:handler-4",
            }),
          );
          expect(contradictory._tag).toBe("InvalidEvent");
          expect((yield* attestations.forMonth(agencyId, "2025-09")).map((a) => a.handler)).toEqual([
            "handler-3",
          ]);

          const off = yield* attestations.setMonthlyAttestation({
            agencyId,
            enabled: false,
            actor: "account:admin",
          });
          expect([off.monthlyAttestation, off.version]).toEqual([false, 1]);
          const unchanged = yield* Effect.flip(
            attestations.setMonthlyAttestation({ agencyId, enabled: false, actor: "account:admin" }),
          );
          expect(unchanged._tag).toBe("NothingToChange");
          const on = yield* attestations.setMonthlyAttestation({
            agencyId,
            enabled: true,
            actor: "account:admin",
          });
          expect([on.monthlyAttestation, on.version]).toEqual([true, 2]);
        }),
    );

    it.effect(
      "a rebuild from the log reproduces the oversight tables row for row, and keeps undrawn seeds",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const spotChecks = yield* SpotChecks;
          const proceedings = yield* Proceedings;
          const register = yield* NonRecordingRegister;
          const attestations = yield* Attestations;
          const agencyId = freshAgency("rebuild");
          for (const id of records.slice(0, 4)) yield* recordInterference(agencyId, id);
          const drawnCheck = yield* spotChecks.commit(
            commitment(agencyId, {
              population: { records: records.slice(0, 4), handlers: handlers.slice(0, 3) },
              sizes: { records: 2, handlers: 1 },
            }),
          );
          const drawn = yield* spotChecks.draw({
            agencyId,
            drawId: drawnCheck.drawId,
            drawnOn: "2025-10-08",
            by: legal,
            actor,
          });
          const recordId = drawn.items.find((i) => i.kind === "record")?.itemId as string;
          yield* proceedings.recordInterference({
            agencyId,
            proceedingId: recordId,
            expectedVersion: 1,
            actor,
            event: { _tag: "RecordSpotChecked", date: "2025-10-09", by: legal, sampleRef: drawnCheck.drawId },
          });
          yield* spotChecks.checkHandler({
            agencyId,
            drawId: drawnCheck.drawId,
            handler: drawn.items.find((i) => i.kind === "handler")?.itemId as string,
            checkedOn: "2025-10-09",
            by: legal,
            outcome: "non-recording-suspected",
            note: "九月有一起说情未记录",
            actor,
          });
          yield* spotChecks.commit(commitment(agencyId));
          yield* register.register(violation(agencyId));
          yield* register.register(violation(agencyId, { instructedBy: "chief-7" }));
          yield* attestations.attest({
            agencyId,
            handler: "handler-3",
            month: "2025-09",
            kind: "records",
            recordIds: records.slice(0, 4),
            attestedOn: "2025-10-02",
            actor: "account:handler-3",
          });
          yield* attestations.setMonthlyAttestation({ agencyId, enabled: false, actor: "account:admin" });

          const live = yield* snapshot([agencyId]);
          expect(live.spot_checks?.length).toBe(2);
          expect(live.spot_check_items?.length).toBe(3);
          expect(live.non_recording_violations?.length).toBe(2);
          const seedsBefore = yield* seedRows(agencyId);
          expect(seedsBefore).toHaveLength(1);
          for (const [table] of OVERSIGHT_TABLES) {
            yield* sql`DELETE FROM ${sql(table)} WHERE agency_id = ${agencyId}`;
          }
          yield* rebuildProjections(agencyId);
          expect(yield* snapshot([agencyId])).toEqual(live);
          expect(yield* seedRows(agencyId)).toEqual(seedsBefore);

          const everything = yield* snapshot();
          yield* rebuildProjections();
          expect(yield* snapshot()).toEqual(everything);
        }),
    );
  });
};
