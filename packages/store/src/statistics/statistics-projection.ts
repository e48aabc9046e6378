/**
 * The statistics projection: after each proceeding step (and after the proceeding projections have written
 * the proceeding's row, so it must be registered after them), the narrow facts the statistics read.
 *
 * - Interference records: `interference_facts` and `interference_subjects` per record, and the counters of
 *   `interference_counts` moved from the record's old facts to its new ones in the same transaction.
 * - Wrong-case proceedings: `wrong_case_facts` (month, trigger, stage, outcome), `wrong_case_stage_spans`
 *   (each stage entered, and when it was left: time per stage), and `period_runs` (WC.10.1 应在受理后2日内转送;
 *   WC.10.3 可以在1个月内责令重新组织调查并作出处理决定: every period run, met or missed by the step that ended
 *   it, or made moot).
 *
 * Every column comes from the events (and the domain's reading of them) alone, so a rebuild reproduces it.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { type ProceedingPeriod, wrongCaseTransitions } from "@liuhen/domain";
import { Effect, Option } from "effect";
import type { InvalidEvent } from "../event-log/errors.js";
import type { RecordedEvent } from "../event-log/event.js";
import {
  decodeWrongCaseEvent,
  isInterferenceEvent,
  isWrongCaseEvent,
} from "../projections/proceeding-events.js";
import {
  interferenceRecords,
  loadProceeding,
  wrongCaseProceedings,
} from "../projections/proceeding-projections.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import {
  type InterferenceFacts,
  interferenceCounters,
  interferenceFacts,
  joinedCategories,
} from "./interference-facts.js";
import { daysBetween, wrongCaseFacts } from "./wrong-case-facts.js";

export const STATISTICS_PROJECTION = "statistics";

const loadInterference = loadProceeding(interferenceRecords);
const loadWrongCase = loadProceeding(wrongCaseProceedings());

type Step = Effect.Effect<void, ProjectionOutOfStep | InvalidEvent | SqlError, SqlClient.SqlClient>;

/** The facts row kept for a record, read back as the facts it was written from (subjects aside). */
const storedFacts = (agencyId: string, streamId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql<{
      month: string;
      handler: string;
      method: string | null;
      recorded: string;
      finding: string;
      reported_js: number | string;
    }>`SELECT month, handler, method, recorded, finding, reported_js FROM interference_facts
      WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`;
    const row = rows[0];
    if (row === undefined) return Option.none<InterferenceFacts>();
    const split = (text: string) => text.split(",").filter((c) => c !== "");
    // Written by this projection from `InterferenceFacts`, so the values are the literals they were.
    const facts: InterferenceFacts = {
      month: row.month,
      handler: row.handler,
      method: row.method as InterferenceFacts["method"],
      recorded: split(row.recorded) as InterferenceFacts["recorded"],
      finding:
        row.finding === "pending" || row.finding === "legitimate"
          ? row.finding
          : (split(row.finding) as InterferenceFacts["recorded"]),
      reportedToJudicialSupervision: Number(row.reported_js) === 1,
      subjects: [],
    };
    return Option.some(facts);
  });

/** Adds `delta` to each counter of `facts`, deleting counters that reach zero. */
const moveCounters = (agencyId: string, facts: InterferenceFacts, delta: 1 | -1) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const flag = facts.reportedToJudicialSupervision ? 1 : 0;
    for (const [dimension, value] of interferenceCounters(facts)) {
      const key = sql`agency_id = ${agencyId} AND reported_js = ${flag} AND month = ${facts.month}
        AND dimension = ${dimension} AND value = ${value}`;
      if (delta === 1) {
        yield* sql`INSERT INTO interference_counts ${sql.insert({
          agency_id: agencyId,
          reported_js: flag,
          month: facts.month,
          dimension,
          value,
          count: 1,
        })} ON CONFLICT (agency_id, reported_js, month, dimension, value)
          DO UPDATE SET count = interference_counts.count + 1`;
      } else {
        yield* sql`DELETE FROM interference_counts WHERE ${key} AND count = 1`;
        yield* sql`UPDATE interference_counts SET count = count - 1 WHERE ${key}`;
      }
    }
  });

const applyInterference = (event: RecordedEvent): Step =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const { agencyId, streamId } = event;
    const view = yield* loadInterference(agencyId, streamId);
    const next = Option.flatMap(view, (v) => Option.fromNullable(interferenceFacts(v.state)));
    const before = yield* storedFacts(agencyId, streamId);
    if (Option.isSome(before)) yield* moveCounters(agencyId, before.value, -1);
    yield* sql`DELETE FROM interference_subjects WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`;
    yield* sql`DELETE FROM interference_facts WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`;
    if (Option.isNone(next)) return;
    const facts = next.value;
    yield* sql`INSERT INTO interference_facts ${sql.insert({
      agency_id: agencyId,
      stream_id: streamId,
      month: facts.month,
      handler: facts.handler,
      method: facts.method,
      recorded: joinedCategories(facts.recorded),
      finding: typeof facts.finding === "string" ? facts.finding : joinedCategories(facts.finding),
      reported_js: facts.reportedToJudicialSupervision ? 1 : 0,
    })}`;
    if (facts.subjects.length > 0) {
      yield* sql`INSERT INTO interference_subjects ${sql.insert(
        facts.subjects.map((person) => ({ agency_id: agencyId, stream_id: streamId, person_id: person })),
      )}`;
    }
    yield* moveCounters(agencyId, facts, 1);
  });

const applyWrongCase = (event: RecordedEvent): Step =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const { agencyId, streamId } = event;
    const step = yield* decodeWrongCaseEvent(event);
    const view = yield* loadWrongCase(agencyId, streamId);
    if (Option.isNone(view)) return;
    const state = view.value.state;
    const facts = wrongCaseFacts(state);
    if (facts === null) return;
    const where = sql`agency_id = ${agencyId} AND stream_id = ${streamId}`;

    // Time per stage: the stage left ends its span on the step's date; the stage entered opens one.
    const open = yield* sql<{ seq: number | string; stage: string; entered_on: string }>`SELECT seq, stage,
      entered_on FROM wrong_case_stage_spans WHERE ${where} AND left_on IS NULL`;
    const current = open[0];
    if (current === undefined || current.stage !== state.stage) {
      if (current !== undefined) {
        yield* sql`UPDATE wrong_case_stage_spans SET left_on = ${step.date},
          days = ${daysBetween(current.entered_on, step.date)} WHERE ${where} AND seq = ${current.seq}`;
      }
      yield* sql`INSERT INTO wrong_case_stage_spans ${sql.insert({
        agency_id: agencyId,
        stream_id: streamId,
        seq: event.streamVersion,
        stage: state.stage,
        entered_on: step.date,
        left_on: null,
        days: null,
      })}`;
    }

    // Periods: one the step ended was met if it was taken by the due day (WC.10.1, WC.10.3), missed after;
    // one it made moot (`lapses`) lapsed; one it opened is running.
    const rule = wrongCaseTransitions[step._tag];
    const ends: ProceedingPeriod | undefined = "ends" in rule ? rule.ends : undefined;
    const running = yield* sql<{ period: string; start_date: string; due_date: string }>`SELECT period,
      start_date, due_date FROM period_runs WHERE ${where} AND outcome = 'running'`;
    for (const run of running) {
      const stillOpen = state.openPeriods.some((p) => p.period === run.period && p.start === run.start_date);
      if (stillOpen) continue;
      // A period leaves the running ones only by the step that ends it or one that makes it moot.
      const outcome = ends === run.period ? (step.date <= run.due_date ? "met" : "missed") : "lapsed";
      yield* sql`UPDATE period_runs SET outcome = ${outcome}, ended_on = ${step.date}
        WHERE ${where} AND period = ${run.period} AND start_date = ${run.start_date}`;
    }
    for (const p of state.openPeriods) {
      if (running.some((r) => r.period === p.period && r.start_date === p.start)) continue;
      yield* sql`INSERT INTO period_runs ${sql.insert({
        agency_id: agencyId,
        stream_id: streamId,
        period: p.period,
        start_date: p.start,
        due_date: p.due,
        ended_on: null,
        outcome: "running",
      })} ON CONFLICT (agency_id, stream_id, period, start_date) DO NOTHING`;
    }

    yield* sql`INSERT INTO wrong_case_facts ${sql.insert({
      agency_id: agencyId,
      stream_id: streamId,
      month: facts.month,
      trigger_kind: facts.trigger,
      stage: facts.stage,
      outcome: facts.outcome,
    })} ON CONFLICT (agency_id, stream_id) DO UPDATE SET stage = excluded.stage, outcome = excluded.outcome,
      month = excluded.month, trigger_kind = excluded.trigger_kind`;
  });

/** The statistics projection, ready for `Projections.layer` after the proceeding projections. */
export const statisticsProjection: ProjectionDefinition = {
  name: STATISTICS_PROJECTION,
  tables: [
    "interference_counts",
    "interference_subjects",
    "interference_facts",
    "wrong_case_stage_spans",
    "period_runs",
    "wrong_case_facts",
  ],
  apply: (event) =>
    isInterferenceEvent(event)
      ? applyInterference(event)
      : isWrongCaseEvent(event)
        ? applyWrongCase(event)
        : Effect.void,
};
