/**
 * Properties of both machines over random event sequences: applying never throws, a refusal names the
 * current stage and the table's legal stages, and the accepted events replay to the very same state.
 * Sequences are mostly steered by `…NextSteps` (so they go deep), with random kinds and dates mixed in (so
 * illegal moves, dates out of order and calendar errors all occur).
 */
import { Either, Schema } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyInterference,
  applyWrongCase,
  type InterferenceEvent,
  InterferenceStage,
  InterferenceState,
  initialInterference,
  initialWrongCase,
  interferenceNextSteps,
  interferenceTransitions,
  replayInterference,
  replayWrongCase,
  stagesLegalFrom,
  type WrongCaseEvent,
  WrongCaseStage,
  WrongCaseState,
  wrongCaseNextSteps,
  wrongCaseTransitions,
} from "../../src/proceedings/index.js";
import { addDays, fakeClock } from "./fake-period-clock.js";
import { INTERFERENCE_TAGS, inf } from "./interference-fixtures.js";
import { WRONG_CASE_TAGS, wc } from "./wrong-case-fixtures.js";

const move = <T extends string>(tags: ReadonlyArray<T>) =>
  fc.record({
    // advance: a step that moves the proceeding on; next: any legal step; random: any kind at all.
    kind: fc.constantFrom("advance", "advance", "advance", "next", "random"),
    pick: fc.nat(),
    tag: fc.constantFrom(...tags),
    // Mostly a few days on; sometimes a long wait (a late step) or a step back (a date out of order).
    days: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
      fc.integer({ min: -3, max: 60 }),
    ),
    flag: fc.boolean(),
  });
type Move<T extends string> = { readonly kind: string; readonly pick: number; readonly tag: T };

/** The event kind a move asks for, given the stage and the steps legal there. */
const chooseTag = <T extends string, S extends string>(
  m: Move<T>,
  stage: S,
  steps: ReadonlyArray<{ readonly event: T; readonly leadsTo: ReadonlyArray<S> }>,
): T => {
  const onward = steps.filter((s) => s.leadsTo.some((to) => to !== stage));
  const pool = m.kind === "advance" && onward.length > 0 ? onward : m.kind === "random" ? [] : steps;
  return pool[m.pick % Math.max(1, pool.length)]?.event ?? m.tag;
};

// Some proceedings start late in the fake calendar's last year, so its error turns up too.
const wrongCaseWalk = fc.record({
  start: fc.constantFrom("2024-01-01", "2024-01-01", "2029-10-01"),
  moves: fc.array(move(WRONG_CASE_TAGS), { minLength: 5, maxLength: 80, size: "max" }),
});
const interferenceWalk = fc.record({
  start: fc.constant("2024-01-01"),
  moves: fc.array(move(INTERFERENCE_TAGS), { minLength: 5, maxLength: 60, size: "max" }),
});

/** Offers each move's event to the machine; keeps what it accepts and what it refused with. */
const walkWrongCase = ({ start, moves }: typeof wrongCaseWalk extends fc.Arbitrary<infer W> ? W : never) => {
  let state = initialWrongCase;
  let date: string = start;
  const accepted: Array<WrongCaseEvent> = [];
  const reached = new Set<string>([state.stage]);
  const refusedWith = new Set<string>();
  const checks: Array<() => void> = [];
  for (const m of moves) {
    date = addDays(date, m.days);
    const event = wc[chooseTag(m, state.stage, wrongCaseNextSteps(state))](date, m.flag);
    const result = applyWrongCase(state, event, fakeClock);
    if (Either.isRight(result)) {
      accepted.push(event);
      state = result.right;
      reached.add(state.stage);
      continue;
    }
    const error = result.left;
    const stage = state.stage;
    refusedWith.add(error._tag);
    const on = date;
    checks.push(() => {
      if (error._tag === "IllegalTransition") {
        expect(error.stage).toBe(stage);
        expect(error.legalFrom).toEqual(stagesLegalFrom(wrongCaseTransitions[event._tag]));
        expect(error.legalFrom).not.toContain(stage);
      } else if (error._tag === "DateOutOfOrder") {
        expect(error.date < error.notBefore).toBe(true);
      } else {
        expect(error).toEqual({ _tag: "FakeCalendarOutOfRange", date: on });
      }
    });
  }
  return { state, accepted, reached, refusedWith, checks };
};

const walkInterference = ({
  start,
  moves,
}: typeof interferenceWalk extends fc.Arbitrary<infer W> ? W : never) => {
  let state = initialInterference;
  let date: string = start;
  const accepted: Array<InterferenceEvent> = [];
  const reached = new Set<string>([state.stage]);
  const refusedWith = new Set<string>();
  const checks: Array<() => void> = [];
  for (const m of moves) {
    date = addDays(date, m.days);
    const event = inf[chooseTag(m, state.stage, interferenceNextSteps(state))](date, m.flag);
    const result = applyInterference(state, event);
    if (Either.isRight(result)) {
      accepted.push(event);
      state = result.right;
      reached.add(state.stage);
      checks.push(() => {
        if (state.notification !== null) expect(state.approval).not.toBeNull();
        if (state.approval !== null) expect(state.finding?._tag).toBe("InterferenceFound");
      });
      continue;
    }
    const error = result.left;
    const stage = state.stage;
    refusedWith.add(error._tag);
    checks.push(() => {
      if (error._tag === "IllegalTransition") {
        expect(error.stage).toBe(stage);
        expect(error.legalFrom).toEqual(stagesLegalFrom(interferenceTransitions[event._tag]));
      } else {
        expect(error.date < error.notBefore).toBe(true);
      }
    });
  }
  return { state, accepted, reached, refusedWith, checks };
};

const RUNS = { numRuns: 300 };
// A fixed seed, so the coverage claims below are about the same sample every run.
const SAMPLE = { numRuns: 300, seed: 20201230 };

describe("the wrong-case proceeding over random event sequences", () => {
  it("WC.10: applying never throws, refusals name the stage, and every accepted sequence replays to the same state", () => {
    fc.assert(
      fc.property(wrongCaseWalk, (walk) => {
        const { state, accepted, checks } = walkWrongCase(walk);
        for (const check of checks) check();
        const replayed = replayWrongCase(accepted, fakeClock);
        expect(Either.isRight(replayed)).toBe(true);
        if (Either.isRight(replayed)) {
          const encode = Schema.encodeSync(WrongCaseState);
          expect(encode(replayed.right)).toEqual(encode(state));
        }
      }),
      RUNS,
    );
  });

  it("the random sequences reach every stage, a late transfer, re-investigation and every kind of refusal", () => {
    const walks = fc.sample(wrongCaseWalk, SAMPLE).map(walkWrongCase);
    const reached = new Set(walks.flatMap((w) => [...w.reached]));
    expect([...reached].sort()).toEqual([...WrongCaseStage.literals].sort());
    expect(walks.some((w) => w.state.late.some((l) => l.period === "WC.10.1"))).toBe(true);
    expect(walks.some((w) => w.state.rounds.length > 1)).toBe(true);
    const refusedWith = new Set(walks.flatMap((w) => [...w.refusedWith]));
    expect([...refusedWith].sort()).toEqual([
      "DateOutOfOrder",
      "FakeCalendarOutOfRange",
      "IllegalTransition",
    ]);
  });
});

describe("the interference record over random event sequences", () => {
  it("IF.3: applying never throws, refusals name the stage, and every accepted sequence replays to the same state", () => {
    fc.assert(
      fc.property(interferenceWalk, (walk) => {
        const { state, accepted, checks } = walkInterference(walk);
        for (const check of checks) check();
        const replayed = replayInterference(accepted);
        expect(Either.isRight(replayed)).toBe(true);
        if (Either.isRight(replayed)) {
          const encode = Schema.encodeSync(InterferenceState);
          expect(encode(replayed.right)).toEqual(encode(state));
        }
      }),
      RUNS,
    );
  });

  it("IF.10: the random sequences reach every stage, and none reaches 通报 without approval of a finding of interference", () => {
    const walks = fc.sample(interferenceWalk, SAMPLE).map(walkInterference);
    for (const w of walks) for (const check of w.checks) check();
    const reached = new Set(walks.flatMap((w) => [...w.reached]));
    expect([...reached].sort()).toEqual([...InterferenceStage.literals].sort());
    const refusedWith = new Set(walks.flatMap((w) => [...w.refusedWith]));
    expect([...refusedWith].sort()).toEqual(["DateOutOfOrder", "IllegalTransition"]);
  });
});
