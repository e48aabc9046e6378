/**
 * What the append rows write: generated proceeding events (corpus/generate.ts) as `EventLog.append` requests
 * for the store, and the very rows the store would write for them (the canonical envelope, its citations and
 * payload as canonical JSON, a leaf hash) for the raw baselines, built before timing.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  type AppendRequest,
  canonicalEventText,
  canonicalJson,
  type Event,
  EventType,
  type JsonValue,
  newEvent,
} from "@liuhen/store";
import { Schema } from "effect";
import type { ProceedingEvent } from "../corpus/generate.js";

/** The payload every generated stage event carries, encoded and checked by the store as a real type's would be. */
const StagePayload = Schema.Struct({
  stage: Schema.String,
  date: Schema.String,
  by: Schema.String,
  summary: Schema.String,
  attachments: Schema.Array(Schema.String),
});

const types = new Map<string, EventType<string, typeof StagePayload.Type, typeof StagePayload.Encoded>>();
const typeOf = (name: string) => {
  let t = types.get(name);
  if (t === undefined) {
    t = EventType(name, StagePayload);
    types.set(name, t);
  }
  return t;
};

/** One event, one append: the store's request for it. */
export const appendRequest = (e: ProceedingEvent): AppendRequest => ({
  agencyId: e.agencyId,
  streamId: e.streamId,
  expectedVersion: e.expectedVersion,
  events: [newEvent(typeOf(e.type), { actor: e.actor, citations: e.citations, payload: e.payload })],
});

export interface RawRow {
  readonly id: string;
  readonly agency_id: string;
  readonly leaf_index: number;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly actor: string;
  readonly occurred_at: string;
  readonly citations: string;
  readonly payload: string;
  readonly leaf_hash: string;
}

/** The row the store writes for this event at this leaf, with a leaf hash over the same canonical bytes. */
export const rawRow = (e: ProceedingEvent, leafIndex: number): RawRow => {
  const event = {
    id: randomUUID(),
    agencyId: e.agencyId,
    streamId: e.streamId,
    streamVersion: e.expectedVersion + 1,
    type: e.type,
    actor: e.actor,
    occurredAt: new Date().toISOString(),
    citations: e.citations,
    payload: e.payload as unknown as JsonValue,
  } as unknown as Event;
  const text = canonicalEventText(event);
  return {
    id: event.id,
    agency_id: e.agencyId,
    leaf_index: leafIndex,
    stream_id: e.streamId,
    stream_version: e.expectedVersion + 1,
    type: e.type,
    actor: e.actor,
    occurred_at: event.occurredAt,
    citations: canonicalJson(e.citations as unknown as JsonValue),
    payload: canonicalJson(e.payload as unknown as JsonValue),
    leaf_hash: createHash("sha256")
      .update(Buffer.from([0]))
      .update(text)
      .digest("hex"),
  };
};

export const RAW_COLUMNS = [
  "id",
  "agency_id",
  "leaf_index",
  "stream_id",
  "stream_version",
  "type",
  "actor",
  "occurred_at",
  "citations",
  "payload",
  "leaf_hash",
] as const;

/**
 * The store's `events` table (migration 0001), keys, uniqueness and checks included, without the reference
 * to `log_heads` (the raw baseline has no log): the same index maintenance per insert.
 */
export const rawEventsTable = (name: string) => `CREATE TABLE ${name} (
  agency_id TEXT NOT NULL,
  leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
  id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_version BIGINT NOT NULL CHECK (stream_version >= 1),
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  citations TEXT NOT NULL,
  payload TEXT NOT NULL,
  leaf_hash TEXT NOT NULL CHECK (length(leaf_hash) = 64),
  PRIMARY KEY (agency_id, leaf_index),
  UNIQUE (agency_id, stream_id, stream_version)
)`;
