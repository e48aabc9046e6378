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
import { AgencyId, Sha256Hex, Timestamp, TreeSize } from "../event-log/identifiers.js";

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
