/**
 * The export of an agency's log, one JSON value per line (README.md beside this file):
 *
 *     {"kind":"header", …}          format, version, agency, verifier key, tree size
 *     {"kind":"checkpoint", …}      every signed checkpoint up to the tree size, smallest first
 *     {"kind":"event", …}           every event in leaf order: leaf index, the hashes the database recorded,
 *                                   and the envelope exactly as its leaf hash covers it
 *
 * The recorded hashes are the database's claims: a verifier uses them only to locate a change, never to
 * decide whether the log verifies. Only what a checkpoint's signature covers is trusted.
 */
import { Schema } from "effect";
import { Event } from "../event-log/event.js";
import {
  type Actor,
  AgencyId,
  type EventId,
  Sha256Hex,
  type StreamId,
  Timestamp,
  TreeSize,
} from "../event-log/identifiers.js";
import type { JsonValue } from "../event-log/json-value.js";
import {
  AGENCY_ID,
  EVENT_TYPE,
  hasExactly,
  isActor,
  isCitationList,
  isCount,
  isPlainJson,
  matches,
  SHA256_HEX,
  STREAM_ID,
  TIMESTAMP,
  UUID,
} from "../event-log/plain-checks.js";

export const EXPORT_FORMAT = "liuhen-log-export";
export const EXPORT_VERSION = 1;

export const ExportHeader = Schema.Struct({
  kind: Schema.Literal("header"),
  format: Schema.Literal(EXPORT_FORMAT),
  version: Schema.Literal(EXPORT_VERSION),
  agency_id: AgencyId,
  /** The C2SP verifier key of the agency's checkpoint key, as the exporting store had it: a claim. */
  verifier_key: Schema.String,
  /** How many event lines follow the checkpoints. */
  tree_size: TreeSize,
  exported_at: Timestamp,
}).annotations({ identifier: "ExportHeader" });
export type ExportHeader = typeof ExportHeader.Type;

/** A signed checkpoint; `tree_size`, `root_hash` and `signed_at` repeat what `note` says, for readers. */
export const ExportCheckpoint = Schema.Struct({
  kind: Schema.Literal("checkpoint"),
  tree_size: TreeSize,
  root_hash: Sha256Hex,
  signed_at: Timestamp,
  /** The C2SP signed note (checkpoint/signed-note.ts): the only part of the line a verifier trusts. */
  note: Schema.String,
}).annotations({ identifier: "ExportCheckpoint" });
export type ExportCheckpoint = typeof ExportCheckpoint.Type;

export const ExportEvent = Schema.Struct({
  kind: Schema.Literal("event"),
  leaf_index: TreeSize,
  /** The leaf hash the database recorded for this event. */
  leaf_hash: Sha256Hex,
  /**
   * The database's recorded hashes of the perfect subtrees this leaf completes, level 1 upwards (as many
   * as `leaf_index` has trailing 1 bits); null where the database holds none.
   */
  subtrees: Schema.Array(Schema.NullOr(Sha256Hex)),
  /** The envelope, written in its canonical form: its bytes are those the leaf hash covers. */
  event: Event,
}).annotations({ identifier: "ExportEvent" });
export type ExportEvent = typeof ExportEvent.Type;

const EVENT_LINE_KEYS = ["kind", "leaf_index", "leaf_hash", "subtrees", "event"];
const ENVELOPE_KEYS = [
  "id",
  "agency_id",
  "stream_id",
  "stream_version",
  "type",
  "actor",
  "occurred_at",
  "citations",
  "payload",
];

/**
 * An event line as `ExportEvent` decodes it, by plain checks (event-log/plain-checks.ts), or undefined when
 * they do not accept it — the caller then asks the Schema, which names the field. A verifier reads millions
 * of lines; the Schema decode of each (the payload's recursive JsonValue union above all) was most of its
 * time. test/export/export-event-check.test.ts holds the two in agreement.
 */
export const plainExportEvent = (json: unknown): ExportEvent | undefined => {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const line = json as Record<string, unknown>;
  const event = line.event as Record<string, unknown> | null | undefined;
  if (
    !hasExactly(line, EVENT_LINE_KEYS) ||
    line.kind !== "event" ||
    !isCount(line.leaf_index) ||
    !matches(SHA256_HEX, line.leaf_hash) ||
    !Array.isArray(line.subtrees) ||
    !line.subtrees.every((h) => h === null || matches(SHA256_HEX, h)) ||
    typeof event !== "object" ||
    event === null ||
    Array.isArray(event) ||
    !hasExactly(event, ENVELOPE_KEYS) ||
    !matches(UUID, event.id) ||
    !matches(AGENCY_ID, event.agency_id) ||
    !matches(STREAM_ID, event.stream_id) ||
    !isCount(event.stream_version) ||
    event.stream_version === 0 ||
    !matches(EVENT_TYPE, event.type) ||
    !isActor(event.actor) ||
    !matches(TIMESTAMP, event.occurred_at) ||
    !isCitationList(event.citations) ||
    !isPlainJson(event.payload)
  )
    return undefined;
  return {
    kind: "event",
    leaf_index: line.leaf_index,
    leaf_hash: line.leaf_hash,
    subtrees: line.subtrees as ReadonlyArray<string | null>,
    event: {
      id: event.id as EventId,
      agencyId: event.agency_id as AgencyId,
      streamId: event.stream_id as StreamId,
      streamVersion: event.stream_version,
      type: event.type,
      actor: event.actor as Actor,
      occurredAt: event.occurred_at,
      citations: event.citations,
      payload: event.payload as JsonValue,
    },
  };
};

export const ExportLine = Schema.Union(ExportHeader, ExportCheckpoint, ExportEvent);
export type ExportLine = typeof ExportLine.Type;

/** How many perfect subtrees leaf `leafIndex` completes: its trailing 1 bits (arithmetic: past 2^31). */
export const subtreesCompletedBy = (leafIndex: number): number => {
  let count = 0;
  for (let n = leafIndex; n % 2 === 1; n = (n - 1) / 2) count += 1;
  return count;
};

/** The perfect subtrees that leaf `leafIndex` completes, level 1 upwards. */
export const completedSubtrees = (
  leafIndex: number,
): ReadonlyArray<{ readonly level: number; readonly index: number }> =>
  Array.from({ length: subtreesCompletedBy(leafIndex) }, (_, i) => {
    const width = 2 ** (i + 1);
    return { level: i + 1, index: (leafIndex + 1) / width - 1 };
  });
