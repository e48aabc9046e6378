/**
 * The canonical text an append hashes and the texts its row stores, written out around the canonical payload
 * (`canonicalEvent`), are RFC 8785 of the `Event` Schema's encoding, byte for byte, and its leaf hash is the
 * hash of those bytes as UTF-8.
 */
import { createHash } from "node:crypto";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { canonicalEvent, canonicalEventBytes } from "../../src/event-log/canonical-encoding.js";
import { Event } from "../../src/event-log/event.js";
import { canonicalJson, type JsonValue } from "../../src/event-log/json-value.js";
import { leafHashOfText } from "../../src/merkle/hashing.js";
import { eventWith, payloads } from "./generated-events.js";

describe("the canonical event texts an append writes", () => {
  it("are RFC 8785 of the Event Schema's encoding, and of its citations and payload", () => {
    payloads(3, 400).forEach((payload, i) => {
      const event = eventWith(payload, i);
      const encoded = Schema.encodeSync(Event)(event);
      const texts = canonicalEvent(event);
      expect(texts.text).toBe(canonicalJson(encoded as unknown as JsonValue));
      expect(texts.citations).toBe(canonicalJson(encoded.citations));
      expect(texts.payload).toBe(canonicalJson(encoded.payload));
    });
  });

  it("are hashed as their UTF-8 bytes, lone surrogates included", () => {
    const odd = eventWith({ text: "lone \ud800 and \udc00 surrogates", more: "𠀀" }, 1);
    for (const event of [odd, ...payloads(5, 50).map(eventWith)]) {
      const bytes = canonicalEventBytes(event);
      const reference = createHash("sha256").update(Uint8Array.of(0)).update(bytes).digest();
      expect(Buffer.from(leafHashOfText(canonicalEvent(event).text))).toEqual(reference);
    }
  });
});
