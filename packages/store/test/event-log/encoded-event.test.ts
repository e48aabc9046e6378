/**
 * The envelope's encoding written out by hand (what the leaf hash and the stored row are made from) is the
 * `Event` / `RecordedEvent` Schema's encoding, field for field, for every kind of payload.
 */
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { encodedEvent, encodedRecordedEvent } from "../../src/event-log/canonical-encoding.js";
import { Event, RecordedEvent } from "../../src/event-log/event.js";
import { eventWith, payloads } from "./generated-events.js";

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
