/**
 * The envelope's encoding written out by hand (what the leaf hash and the stored row are made from) is the
 * `Event` / `RecordedEvent` Schema's encoding, field for field, for every kind of payload.
 */
import { randomUUID } from "node:crypto";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { encodedEvent, encodedRecordedEvent } from "../../src/event-log/canonical-encoding.js";
import { Event, RecordedEvent } from "../../src/event-log/event.js";
import type { JsonValue } from "../../src/event-log/json-value.js";

/** A deterministic generator of JSON values: nested objects and arrays, numbers, CJK and astral text. */
const payloads = (seed: number, count: number): ReadonlyArray<JsonValue> => {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const texts = ["", "王办案", "案件 2025-001", "𠀀 astral", 'quote " and \\ backslash', "tab\tand\nnewline"];
  const value = (depth: number): JsonValue => {
    const pick = Math.floor(next() * (depth > 3 ? 4 : 6));
    switch (pick) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return [0, -1, 1.5, 1e21, -0, Number.MAX_SAFE_INTEGER][Math.floor(next() * 6)] as number;
      case 3:
        return texts[Math.floor(next() * texts.length)] as string;
      case 4:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: Math.floor(next() * 4) }, (_, i) => [
            `${texts[i % texts.length]}k${i}`,
            value(depth + 1),
          ]),
        );
    }
  };
  return Array.from({ length: count }, () => value(0));
};

const eventWith = (payload: JsonValue, i: number) =>
  Schema.decodeUnknownSync(Event)({
    id: randomUUID(),
    agency_id: "qianjiang-msa",
    stream_id: `interference-record/IF-2025-${String(i).padStart(3, "0")}`,
    stream_version: i + 1,
    type: "InterferenceRecorded",
    actor: "account:王办案",
    occurred_at: "2025-06-03T08:00:00.000Z",
    citations: i % 2 === 0 ? [] : ["IF.3", "IF.10.1"],
    payload,
  });

describe("the event envelope's encoding", () => {
  it("is the Event Schema's encoding, for every kind of payload", () => {
    payloads(7, 300).forEach((payload, i) => {
      const event = eventWith(payload, i);
      expect(encodedEvent(event)).toStrictEqual(Schema.encodeSync(Event)(event));
    });
  });

  it("of a recorded event is the RecordedEvent Schema's encoding", () => {
    payloads(11, 100).forEach((payload, i) => {
      const recorded = { ...eventWith(payload, i), leafIndex: i, leafHash: "ab".repeat(32) };
      expect(encodedRecordedEvent(recorded)).toStrictEqual(Schema.encodeSync(RecordedEvent)(recorded));
    });
  });
});
