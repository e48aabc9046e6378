/**
 * The statistics projection on every backend: the figures summed from its counters say what the recorded
 * proceedings say, the counters follow a record as its finding changes, and a rebuild from the log
 * reproduces every statistics table row for row.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Layer } from "effect";
import {
  AgencyId,
  proceedingsLayer,
  rebuildProjections,
  Statistics,
  statisticsProjection,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";
import { ALL_SCRIPTS, recordScripts } from "../support/proceeding-fixtures.js";

const TABLES = [
  ["interference_facts", "agency_id, stream_id"],
  ["interference_subjects", "agency_id, stream_id, person_id"],
  ["interference_counts", "agency_id, reported_js, month, dimension, value"],
  ["wrong_case_facts", "agency_id, stream_id"],
  ["wrong_case_stage_spans", "agency_id, stream_id, seq"],
  ["period_runs", "agency_id, stream_id, period, start_date"],
] as const;

const snapshot = (agencyId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const tables: Record<string, ReadonlyArray<unknown>> = {};
    for (const [table, order] of TABLES) {
      tables[table] = yield* sql`SELECT * FROM ${sql(table)} WHERE agency_id = ${agencyId}
        ORDER BY ${sql.literal(order)}`;
    }
    return tables;
  });

export const describeStatistics = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const store = () =>
    Statistics.layer.pipe(
      Layer.provideMerge(proceedingsLayer({ projections: [statisticsProjection] })),
      Layer.provideMerge(backend.store()),
    );

  layer(store(), { timeout: "120 seconds" })(`statistics projection on ${backend.name}`, (it) => {
    it.effect("counts the recorded proceedings, and a rebuild reproduces every statistics table", () =>
      Effect.gen(function* () {
        const agencyId = freshAgency("statistics");
        yield* recordScripts(
          agencyId,
          ALL_SCRIPTS.map((script, i) => script(`2025-${String(i + 1).padStart(3, "0")}`)),
        );
        const statistics = yield* Statistics;

        const records = yield* statistics.interference(agencyId, { routes: ["legal-section"], seniors: [] });
        expect(records.total).toBe(3);
        expect(records.byFinding).toMatchObject({ legitimate: 1, pending: 1 });
        expect(records.byMonth).toEqual([
          { month: "2025-06", count: 1 },
          { month: "2025-07", count: 1 },
          { month: "2025-08", count: 1 },
        ]);
        // A period narrows them; nothing is the judicial supervision's (no record reported there).
        const july = yield* statistics.interference(agencyId, {
          routes: ["legal-section"],
          seniors: [],
          from: "2025-07",
          to: "2025-07",
        });
        expect(july).toMatchObject({ total: 1, byFinding: { legitimate: 1, pending: 0 } });
        const judicial = yield* statistics.interference(agencyId, {
          routes: ["judicial-supervision"],
          seniors: [],
        });
        expect(judicial.total).toBe(0);

        const cases = yield* statistics.wrongCases(agencyId, { today: "2025-12-31" });
        expect(cases.total).toBe(4);
        expect(cases.byOutcome).toEqual({ open: 2, transferred: 1, decided: 0, "decided-violation": 1 });
        const transfer = cases.deadlines.find((d) => d.period === "WC.10.1");
        // Transferred (ended by the transfer), reported to the head twice (lapsed), one still running.
        expect(transfer).toMatchObject({ lapsed: 2, running: 1, overdue: 1 });
        expect((transfer?.met ?? 0) + (transfer?.missed ?? 0)).toBe(1);
        expect(cases.deadlines.find((d) => d.period === "WC.10.3")).toMatchObject({ running: 1 });
        const accepted = cases.timePerStage.find((s) => s.stage === "accepted");
        expect(accepted?.completed).toBe(3);

        const live = yield* snapshot(agencyId);
        expect(live.interference_counts?.length).toBeGreaterThan(0);
        yield* rebuildProjections(agencyId);
        expect(yield* snapshot(agencyId)).toEqual(live);
      }),
    );
  });
};
