/**
 * The one canonical encoding of an event, the bytes its leaf hash covers: the envelope encoded with the
 * `Event` Schema (snake_case keys), written as RFC 8785 JSON (keys sorted, no white space), in UTF-8.
 * An offline verifier recomputes leaf hashes with exactly this function.
 */
import { type Hash, leafHashOfText } from "../merkle/hashing.js";
import type { Event, RecordedEvent } from "./event.js";
import { canonicalJson } from "./json-value.js";

/**
 * `Schema.encodeSync(Event)(event)`, written out: every field of the envelope encodes as itself under its
 * snake_case key. Events reach here already decoded, so encoding through the Schema would only check them
 * again — for the payload through the recursive JsonValue union, the largest cost of an append and of a
 * verification. test/event-log/encoded-event.test.ts holds the two equal.
 */
export const encodedEvent = (event: Event) => ({
  id: event.id as string,
  agency_id: event.agencyId as string,
  stream_id: event.streamId as string,
  stream_version: event.streamVersion,
  type: event.type,
  actor: event.actor as string,
  occurred_at: event.occurredAt,
  citations: event.citations,
  payload: event.payload,
});

/** `Schema.encodeSync(RecordedEvent)(event)`, written out as `encodedEvent` is. */
export const encodedRecordedEvent = (event: RecordedEvent) => ({
  ...encodedEvent(event),
  leaf_index: event.leafIndex,
  leaf_hash: event.leafHash,
});

/**
 * The canonical texts an append needs, each written once: the event's, which its leaf hash covers, and its
 * citations' and payload's, which its row stores as they are.
 */
export interface CanonicalEvent {
  readonly text: string;
  readonly citations: string;
  readonly payload: string;
}

/**
 * `canonicalJson(encodedEvent(event))`, written out around the canonical citations and payload: the keys in
 * code-unit order, strings and numbers as RFC 8785 (JSON.stringify) writes them. The envelope's fields are
 * all checked text and integers; test/event-log/canonical-event.test.ts holds the two equal.
 */
export const canonicalEvent = (event: Event): CanonicalEvent => {
  const citations = canonicalJson(event.citations as ReadonlyArray<string>);
  const payload = canonicalJson(event.payload);
  const text =
    `{"actor":${JSON.stringify(event.actor)},"agency_id":${JSON.stringify(event.agencyId)},` +
    `"citations":${citations},"id":${JSON.stringify(event.id)},` +
    `"occurred_at":${JSON.stringify(event.occurredAt)},"payload":${payload},` +
    `"stream_id":${JSON.stringify(event.streamId)},"stream_version":${JSON.stringify(event.streamVersion)},` +
    `"type":${JSON.stringify(event.type)}}`;
  return { text, citations, payload };
};

export const canonicalEventText = (event: Event): string => canonicalEvent(event).text;

const utf8 = new TextEncoder();

export const canonicalEventBytes = (event: Event): Uint8Array => utf8.encode(canonicalEventText(event));

/** RFC 6962 leaf hash of the event: SHA-256(0x00 || canonical bytes). */
export const eventLeafHash = (event: Event): Hash => leafHashOfText(canonicalEventText(event));
