/**
 * The event envelope: what every change to a record or proceeding is written as, and what the log hashes.
 * Events are never updated or deleted; a correction is a new event that says what it corrects.
 */
import { Schema } from "effect";
import {
  Actor,
  AgencyId,
  CitationRef,
  EventId,
  EventTypeName,
  Sha256Hex,
  StreamId,
  StreamVersion,
  Timestamp,
  TreeSize,
} from "./identifiers.js";
import { JsonValue } from "./json-value.js";

/**
 * The hashed envelope. Its encoded form (snake_case keys) is what `canonical-encoding.ts` serialises and
 * what an export carries; `occurredAt` is the time the log recorded the change, taken from the store's
 * clock, never from the caller.
 */
export const Event = Schema.Struct({
  id: EventId,
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  streamId: Schema.propertySignature(StreamId).pipe(Schema.fromKey("stream_id")),
  streamVersion: Schema.propertySignature(StreamVersion.pipe(Schema.positive())).pipe(
    Schema.fromKey("stream_version"),
  ),
  type: EventTypeName,
  actor: Actor,
  occurredAt: Schema.propertySignature(Timestamp).pipe(Schema.fromKey("occurred_at")),
  citations: Schema.Array(CitationRef),
  payload: JsonValue,
}).annotations({ identifier: "Event" });
export type Event = typeof Event.Type;

/** An event as the log holds it: the envelope, its position in the agency's tree and its leaf hash. */
export const RecordedEvent = Schema.Struct({
  ...Event.fields,
  leafIndex: Schema.propertySignature(TreeSize).pipe(Schema.fromKey("leaf_index")),
  leafHash: Schema.propertySignature(Sha256Hex).pipe(Schema.fromKey("leaf_hash")),
}).annotations({ identifier: "RecordedEvent" });
export type RecordedEvent = typeof RecordedEvent.Type;

/**
 * A kind of event and the Schema of its payload. The payload is encoded with this Schema before it is
 * hashed and stored, so it must encode to JSON; read it back with `decodePayload`.
 */
export interface EventType<Name extends string, A, I> {
  readonly name: Name;
  readonly payload: Schema.Schema<A, I, never>;
}

export const EventType = <const Name extends string, A, I>(
  name: Name,
  payload: Schema.Schema<A, I, never>,
): EventType<Name, A, I> => ({ name, payload });

/** A change to append: its kind, who made it, the citation ids it rests on, and its payload. */
export interface NewEvent<A = unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: the payload's encoded type is the EventType's own business.
  readonly type: EventType<string, A, any>;
  readonly actor: string;
  readonly citations: ReadonlyArray<string>;
  readonly payload: A;
}

export const newEvent = <Name extends string, A, I>(
  type: EventType<Name, A, I>,
  fields: Omit<NewEvent<A>, "type">,
): NewEvent<A> => ({ type, ...fields });

/**
 * An append: events for one stream of one agency, accepted only if the stream is still at
 * `expectedVersion` (0 for a new stream).
 */
export interface AppendRequest {
  readonly agencyId: string;
  readonly streamId: string;
  readonly expectedVersion: number;
  // biome-ignore lint/suspicious/noExplicitAny: events of several types go in one append.
  readonly events: ReadonlyArray<NewEvent<any>>;
}

/** The most events one append may carry. */
export const MAX_EVENTS_PER_APPEND = 1000;

/** An append request after payloads are encoded, as the log checks it. */
export const CheckedAppend = Schema.Struct({
  agencyId: AgencyId,
  streamId: StreamId,
  expectedVersion: StreamVersion,
  events: Schema.Array(
    Schema.Struct({
      type: EventTypeName,
      actor: Actor,
      citations: Schema.Array(CitationRef),
      payload: JsonValue,
    }),
  ).pipe(
    Schema.minItems(1, { message: () => "an append needs at least one event" }),
    Schema.maxItems(MAX_EVENTS_PER_APPEND, {
      message: () => `an append takes at most ${MAX_EVENTS_PER_APPEND} events`,
    }),
  ),
});
export type CheckedAppend = typeof CheckedAppend.Type;
