/**
 * Several processes (pg-appender.ts) append to one agency on one PostgreSQL database at the same moment, as
 * several server instances would. Afterwards the agency's log must be one consistent tree: leaves 0..n-1
 * with no gap and no id twice, every acknowledged append present exactly once where it was acknowledged and
 * nothing else, every acknowledged head a prefix of the tree, the head equal to an independent RFC 6962
 * computation, the contended proceeding's versions unbroken, and the projections equal to a rebuild.
 */
import { PgClient } from "@effect/sql-pg";
import { Effect, Layer, Option, Redacted } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import {
  AgencyId,
  EventLog,
  Proceedings,
  proceedingsLayer,
  rebuildProjections,
  StreamId,
} from "../../src/index.js";
import {
  type AckLine,
  appendsOf,
  checkAcknowledged,
  checkpointsOf,
} from "../support/acknowledged-appends.js";
import { preparePostgres } from "../support/backends.js";
import { runScript, type ScriptChild } from "../support/child-process.js";
import { snapshotProjections } from "../support/projection-snapshot.js";

const PG_APPENDER = new URL("./pg-appender.ts", import.meta.url);
const WORKERS = 4;
const APPENDS = 40;

const setup = await preparePostgres();

if (setup.available) {
  const { backend } = setup;
  afterAll(backend.cleanUp);

  describe("appends of one agency from several processes on PostgreSQL", () => {
    it(`gives ${WORKERS} processes appending at once one consistent tree with every acknowledged append once`, async () => {
      const agencyId = AgencyId.make("concurrent-msa");
      const store = () => proceedingsLayer().pipe(Layer.provideMerge(backend.store()));
      // Migrates the database before the workers start, and finds its URL for them.
      const url = await Effect.runPromise(
        Effect.gen(function* () {
          const pg = yield* Effect.serviceOption(PgClient.PgClient);
          const configured = Option.flatMap(pg, (client) => Option.fromNullable(client.config.url));
          return Option.getOrThrowWith(configured, () => new Error("the PostgreSQL backend has no URL"));
        }).pipe(Effect.provide(store())),
      );

      const workers: Array<ScriptChild<AckLine>> = Array.from({ length: WORKERS }, (_, w) =>
        runScript<AckLine>(PG_APPENDER, [
          Redacted.value(url),
          backend.keyDirectory,
          agencyId,
          String(w),
          String(APPENDS),
        ]),
      );
      try {
        await Promise.all(
          workers.map((w) => w.waitFor((lines) => lines.some((l) => l.kind === "ready"), 90_000)),
        );
        for (const w of workers) w.child.stdin?.write("go\n");
        const exits = await Promise.all(workers.map((w) => w.exited));
        expect(
          exits.map((exit) => exit.code),
          workers.map((w) => w.stderr()).join("\n"),
        ).toEqual(workers.map(() => 0));
      } finally {
        for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
      }

      const appends = workers.flatMap((w) => appendsOf(w.lines));
      const checkpoints = workers.flatMap((w) => checkpointsOf(w.lines));
      const workerOf = new Map(
        workers.flatMap((w, i) => appendsOf(w.lines).flatMap((a) => a.ids.map((id) => [id, i]))),
      );
      const conflicts = workers
        .map((w) => w.lines.find((l) => l.kind === "done"))
        .reduce((sum, done) => sum + (done?.kind === "done" ? done.conflicts : 0), 0);

      const result = await Effect.runPromise(
        Effect.gen(function* () {
          const log = yield* EventLog;
          const proceedings = yield* Proceedings;
          const checked = yield* checkAcknowledged(agencyId, appends, checkpoints);
          const shared = yield* log.readStream(agencyId, StreamId.make("wrong-case/shared"));
          const sharedRow = yield* proceedings.wrongCase(agencyId, "shared");
          const live = yield* snapshotProjections([agencyId]);
          yield* rebuildProjections(agencyId);
          return { checked, shared, sharedRow, live, rebuilt: yield* snapshotProjections([agencyId]) };
        }).pipe(Effect.provide(store())),
      );

      expect(result.checked.problems).toEqual([]);
      const { events } = result.checked;
      const acknowledged = appends.flatMap((a) => a.ids);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      expect([...acknowledged].sort()).toEqual(events.map((e) => e.id as string).sort());
      expect(events.map((e) => e.leafIndex)).toEqual(events.map((_, i) => i));
      // The workers' appends interleave in the one order, rather than running one after another.
      const switches = events.filter(
        (e, i) => i > 0 && workerOf.get(e.id) !== workerOf.get(events[i - 1]?.id ?? ""),
      ).length;
      expect(switches).toBeGreaterThan(WORKERS);

      const sharedAcks = appends.filter((a) => a.stream === "wrong-case/shared").length;
      expect(result.shared.map((e) => e.streamVersion)).toEqual(result.shared.map((_, i) => i + 1));
      expect(result.shared.length).toBe(sharedAcks);
      expect(Option.map(result.sharedRow, (r) => r.version)).toEqual(Option.some(sharedAcks));
      expect(result.rebuilt).toEqual(result.live);
      console.info(
        `${WORKERS} processes: ${events.length} events in ${appends.length} appends, ${checkpoints.length} checkpoints, ${conflicts} conflicts retried, ${switches} switches between writers`,
      );
    }, 300_000);
  });
} else if (process.env.CI === "true") {
  throw new Error(`CI=true and the PostgreSQL concurrency test cannot run: ${setup.reason}`);
} else {
  console.warn(
    `PostgreSQL concurrency test skipped: ${setup.reason}. Set LIUHEN_TEST_PG_URL to use another server.`,
  );
  describe.skip(`appends from several processes on PostgreSQL (skipped: ${setup.reason})`, () => {
    it("appends from several processes", () => {});
  });
}
