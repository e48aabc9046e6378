/**
 * The legal section's work queues and the running periods, judged against the case clock's `today` (the day
 * steps are dated by), so every page and the terminal UI agree with the API under a fixed clock. Which stage
 * waits in which list and the order a list is worked in are the domain's (`WRONG_CASE_QUEUES`,
 * `INTERFERENCE_QUEUES`, `spotCheckWork`, `byUrgency`); this reads the files and judges the periods.
 *
 * Need-to-know as `wrongCase.list` and `interference.list` apply it: only the files the caller may read
 * (the domain's `readAccess`) are listed, so a queue never tells anyone that a file about them exists.
 */
import {
  byUrgency,
  type DeadlineStatus,
  deadlineStatus,
  INTERFERENCE_QUEUES,
  IsoDate,
  Regimes,
  readAccess,
  spotCheckWork,
  WRONG_CASE_QUEUES,
  type WrongCaseState,
} from "@liuhen/domain";
import { Proceedings, type ProceedingView, SpotChecks, wrongCaseStreamId } from "@liuhen/store";
import { Effect, Either } from "effect";
import { personOf, viewerOf } from "../case-files/case-actor.js";
import { today } from "../case-files/case-clock.js";
import { interferenceFileFacts } from "../case-files/interference-file.js";
import { wrongCaseFileFacts } from "../case-files/wrong-case-file.js";
import type { Caller } from "../context.js";
import { routedRecords } from "./agency-records.js";

/** A running period and where today stands against it; null past the calendar's last year, not an error. */
export interface RunningPeriod {
  readonly proceedingId: string;
  readonly stage: string;
  readonly period: string;
  readonly start: string;
  readonly due: string;
  readonly status: DeadlineStatus | null;
}

const periodOrder = byUrgency((p: RunningPeriod) => ({
  status: p.status,
  due: p.due,
  since: p.start,
  id: p.proceedingId,
}));

/** The wrong-case proceedings the caller may read, as `wrongCase.list` gives them. */
const readableWrongCases = (caller: Caller) =>
  Effect.gen(function* () {
    const viewer = viewerOf(caller, yield* personOf(caller));
    const all = yield* Effect.flatMap(Proceedings, (p) => p.wrongCases(caller.agencyId));
    return all.filter((view) => readAccess(viewer, wrongCaseFileFacts(view.state)).read);
  });

/** The interference records the caller may read, as `interference.list` gives them, with their channel. */
const readableRecords = (caller: Caller) =>
  Effect.gen(function* () {
    const viewer = viewerOf(caller, yield* personOf(caller));
    const all = yield* routedRecords(caller.agencyId);
    return all.filter((r) => readAccess(viewer, interferenceFileFacts(r.view.state, r.subjectRoute)).read);
  });

const proceedingIdOf = (view: ProceedingView<WrongCaseState>) =>
  view.streamId.slice(wrongCaseStreamId("").length);

/** Every running period of `views`, judged on `day` by the regime's calendar, the most urgent first. */
const judgedPeriods = (views: ReadonlyArray<ProceedingView<WrongCaseState>>, day: string) =>
  Effect.gen(function* () {
    // The calendar of the regime the procedure runs under, as the deadline scheduler judges by.
    const { calendar } = yield* Effect.flatMap(Regimes, (registry) => registry.find());
    const judge = (due: string) =>
      Either.getOrNull(deadlineStatus(IsoDate.make(due), IsoDate.make(day), calendar));
    return views
      .flatMap((view) =>
        view.state.openPeriods.map(
          (p): RunningPeriod => ({
            proceedingId: proceedingIdOf(view),
            stage: view.stage,
            period: p.period,
            start: p.start,
            due: p.due,
            status: judge(p.due),
          }),
        ),
      )
      .sort(periodOrder);
  });

/** `/deadlines`: the running periods of the proceedings the caller may read, and the day they are judged on. */
export const runningPeriods = (caller: Caller) =>
  Effect.gen(function* () {
    const day = yield* today;
    const periods = yield* judgedPeriods(yield* readableWrongCases(caller), day);
    return { today: day, periods };
  });

/**
 * The legal section's queues: reports to accept or send on (WC.10.1), the running periods, proceedings it
 * follows by stage, records to check and investigate (IF.4) and to refer (IF.11), notifications awaiting
 * approval or circulation (IF.10), and spot checks undrawn or with records drawn but unchecked (IF.4 抽查).
 */
export const workQueues = (caller: Caller) =>
  Effect.gen(function* () {
    const day = yield* today;
    const wrongCases = yield* readableWrongCases(caller);
    const periods = yield* judgedPeriods(wrongCases, day);
    // A proceeding is as urgent as its most urgent period.
    const urgent = new Map<string, RunningPeriod>();
    for (const p of periods) if (!urgent.has(p.proceedingId)) urgent.set(p.proceedingId, p);
    const proceedings = wrongCases.flatMap((view) => {
      const place = WRONG_CASE_QUEUES[view.state.stage];
      if (place === null) return [];
      const proceedingId = proceedingIdOf(view);
      const period = urgent.get(proceedingId) ?? null;
      return [
        {
          queue: place.queue,
          proceedingId,
          stage: view.stage,
          citation: place.citation,
          clause: place.clause,
          receivedOn: view.state.report?.date ?? null,
          allegation: view.state.report?.allegation ?? null,
          period: period === null ? null : { period: period.period, start: period.start, due: period.due },
          status: period?.status ?? null,
        },
      ];
    });
    type ProceedingItem = (typeof proceedings)[number];
    const proceedingOrder = byUrgency((p: ProceedingItem) => ({
      status: p.status,
      due: p.period?.due ?? null,
      since: p.receivedOn,
      id: p.proceedingId,
    }));

    const records = (yield* readableRecords(caller)).flatMap((r) => {
      const place = INTERFERENCE_QUEUES[r.view.state.stage];
      if (place === null) return [];
      return [
        {
          queue: place.queue,
          recordId: r.recordId,
          stage: r.view.stage,
          citation: place.citation,
          clause: place.clause,
          recordedOn: r.view.state.record?.date ?? null,
          caseRef: r.view.state.record?.caseRef ?? null,
          route: r.route,
        },
      ];
    });
    type RecordItem = (typeof records)[number];
    const recordOrder = byUrgency((r: RecordItem) => ({
      status: null,
      due: null,
      since: r.recordedOn,
      id: r.recordId,
    }));

    const spotChecks = (yield* Effect.flatMap(SpotChecks, (s) => s.list(caller.agencyId))).flatMap((s) => {
      // By number, as the other lists: one draw's records all date from its commitment.
      const unchecked = s.items
        .filter((i) => i.kind === "record" && i.check === null)
        .map((i) => i.itemId as string)
        .sort();
      const work = spotCheckWork({ drawn: s.draw !== null, unchecked: unchecked.length });
      if (work === null) return [];
      return [{ drawId: s.drawId, purpose: s.purpose, committedOn: s.committedOn, work, unchecked }];
    });
    type SpotCheckItem = (typeof spotChecks)[number];
    const spotCheckOrder = byUrgency((s: SpotCheckItem) => ({
      status: null,
      due: null,
      since: s.committedOn,
      id: s.drawId,
    }));

    const inQueue = <A extends { readonly queue: string }>(items: ReadonlyArray<A>, queue: A["queue"]) =>
      items.filter((item) => item.queue === queue);
    return {
      today: day,
      reports: inQueue(proceedings, "reports").sort(proceedingOrder),
      periods,
      proceedings: inQueue(proceedings, "proceedings").sort(proceedingOrder),
      records: inQueue(records, "records").sort(recordOrder),
      notifications: inQueue(records, "notifications").sort(recordOrder),
      spotChecks: spotChecks.sort(spotCheckOrder),
    };
  });
