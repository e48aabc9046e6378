/**
 * Events with generated payloads for the encoding tests: deterministic JSON values — nested objects and
 * arrays, numbers that JSON writes oddly, escapes, control characters, CJK and astral text — in envelopes
 * whose actors and citations vary.
 */
import { randomUUID } from "node:crypto";
import { Schema } from "effect";
import { Event } from "../../src/event-log/event.js";
import type { JsonValue } from "../../src/event-log/json-value.js";

/** Deterministic JSON values: nested objects and arrays, numbers that JSON writes oddly, escapes, CJK, astral. */
export const payloads = (seed: number, count: number): ReadonlyArray<JsonValue> => {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const texts = [
    "",
    "王办案",
    "𠀀 astral",
    'quote " \\ /',
    "tab\tnew\nline\u0001",
    "{a,b}",
    "NULL",
    "é\u0301",
  ];
  const numbers = [0, -0, -1, 1.5, 1e21, 1e-7, 123456789.125, Number.MAX_SAFE_INTEGER, -5e-324];
  const value = (depth: number): JsonValue => {
    const pick = Math.floor(next() * (depth > 3 ? 4 : 6));
    switch (pick) {
      case 0:
        return next() < 0.5 ? null : next() < 0.5;
      case 1:
        return numbers[Math.floor(next() * numbers.length)] as number;
      case 2:
      case 3:
        return texts[Math.floor(next() * texts.length)] as string;
      case 4:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: Math.floor(next() * 5) }, (_, i) => [
            `${texts[(i * 3) % texts.length]}${i}`,
            value(depth + 1),
          ]),
        );
    }
  };
  return Array.from({ length: count }, () => value(0));
};

export const eventWith = (payload: JsonValue, i: number) =>
  Schema.decodeUnknownSync(Event)({
    id: randomUUID(),
    agency_id: "qianjiang-msa",
    stream_id: `interference-record/IF-2025-${i}`,
    stream_version: i + 1,
    type: "InterferenceRecorded",
    actor: i % 3 === 0 ? "account:王办案" : 'user:"quoted"',
    occurred_at: "2025-06-03T08:00:00.000Z",
    citations: i % 2 === 0 ? [] : ["IF.3", "IF.10.1"],
    payload,
  });
