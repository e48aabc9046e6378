/**
 * The plain checks that let a well-formed append skip the Schema decode accept nothing `CheckedAppend`
 * refuses, and accept every plain append it accepts (so the common case is fast); the Schema stays the one
 * that names the field of a refusal.
 */
import { Effect, Either, Exit, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { CheckedAppend, EventType, newEvent } from "../../src/event-log/event.js";
import { checkAppend, isWellFormedAppend } from "../../src/event-log/event-validation.js";

const schemaAccepts = (append: unknown) =>
  Either.isRight(Schema.decodeUnknownEither(CheckedAppend, { onExcessProperty: "error" })(append));

const good = {
  agencyId: "qianjiang-msa",
  streamId: "interference-record/IF-2025-001",
  expectedVersion: 0,
  events: [
    {
      type: "InterferenceRecorded",
      actor: "account:王办案",
      citations: ["IF.3", "IF.10.1"],
      payload: {
        elements: { person: "张某", time: "2025-06-03T09:00" },
        acts: [{ kind: "ask", n: 1.5 }],
        ok: null,
      },
    },
  ],
};

type Append = typeof good;
const withEvent = (change: Partial<Append["events"][number]>): Append => ({
  ...good,
  events: [{ ...(good.events[0] as Append["events"][number]), ...change }],
});

const CASES: ReadonlyArray<readonly [string, unknown]> = [
  ["a well-formed append", good],
  ["two events", { ...good, events: [good.events[0], good.events[0]] }],
  ["a null payload", withEvent({ payload: null as never })],
  ["an agency id in capitals", { ...good, agencyId: "Qianjiang" }],
  ["an agency id ending in a hyphen", { ...good, agencyId: "qianjiang-" }],
  ["an empty stream id", { ...good, streamId: "" }],
  ["a stream id with a space", { ...good, streamId: "wrong case/1" }],
  ["a negative version", { ...good, expectedVersion: -1 }],
  ["a fractional version", { ...good, expectedVersion: 1.5 }],
  ["a version past the safe integers", { ...good, expectedVersion: 2 ** 53 }],
  ["a version as text", { ...good, expectedVersion: "1" }],
  ["no events", { ...good, events: [] }],
  ["1001 events", { ...good, events: Array.from({ length: 1001 }, () => good.events[0]) }],
  ["an event type starting with a digit", withEvent({ type: "1Recorded" })],
  ["an empty actor", withEvent({ actor: "" })],
  ["an actor with a trailing space", withEvent({ actor: "王办案 " })],
  ["an actor with a control character", withEvent({ actor: "王\u0007办案" })],
  ["an actor with a lone surrogate", withEvent({ actor: "王\ud800办案" })],
  ["an actor of 201 characters", withEvent({ actor: "a".repeat(201) })],
  ["a citation with a space", withEvent({ citations: ["IF 3"] })],
  ["a citation that is a number", withEvent({ citations: [3 as never] })],
  ["a payload with NaN", withEvent({ payload: { n: Number.NaN } as never })],
  ["a payload with Infinity in a list", withEvent({ payload: [1, Number.POSITIVE_INFINITY] as never })],
  ["a payload with undefined", withEvent({ payload: { x: undefined } as never })],
  ["a payload with a hole", withEvent({ payload: new Array(3).fill(1, 0, 1) as never })],
  ["a payload with a function", withEvent({ payload: { f: () => 1 } as never })],
  ["a payload with a Date", withEvent({ payload: { d: new Date(0) } as never })],
  ["a payload with a bigint", withEvent({ payload: { n: 1n } as never })],
];

describe("the plain check of an append", () => {
  it.each(CASES)("%s: accepted only if CheckedAppend accepts it", (_, append) => {
    const fast = isWellFormedAppend(append as never);
    if (fast) expect(schemaAccepts(append)).toBe(true);
  });

  it("accepts every plain append the Schema accepts, so well-formed appends skip the decode", () => {
    for (const [name, append] of CASES) {
      const plain = name !== "a payload with a Date";
      if (plain && schemaAccepts(append))
        expect([name, isWellFormedAppend(append as never)]).toEqual([name, true]);
    }
  });

  it("leaves a refusal to the Schema, which names the field", () => {
    const Note = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));
    const exit = Effect.runSyncExit(
      checkAppend({
        agencyId: "qianjiang-msa",
        streamId: "notes/1",
        expectedVersion: 0,
        events: [newEvent(Note, { actor: "王办案 ", citations: [], payload: { text: "x" } })],
      }),
    );
    expect(Exit.isFailure(exit)).toBe(true);
    if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
      expect([exit.cause.error._tag, exit.cause.error.field]).toEqual(["InvalidEvent", "events[0].actor"]);
    }
  });
});
