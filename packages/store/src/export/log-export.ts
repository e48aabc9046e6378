/**
 * Export and import of an agency's log (export/README.md).
 *
 * Export signs the current head first (or reuses the checkpoint already kept at that size), so every
 * exported event is covered by a signature, then pages through checkpoints and events in order: memory
 * stays bounded by one page however long the log. It writes what the database holds, row for row, with the
 * hashes the database recorded; it does not judge them: that is the verifier's work (`liuhen verify`), so a
 * damaged or tampered database still exports, and the verifier names where.
 *
 * Import goes the other way into an empty log of the same agency: in one transaction, each line is read by
 * the verifier, with the store's own key for the agency, and written as it is read; if the file does not
 * verify to its end, nothing is kept.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Chunk, Clock, Context, Effect, Layer, Option, Schema, Stream } from "effect";
import { canonicalEventText } from "../event-log/canonical-encoding.js";
import type { LogCorrupted, SigningKeyUnusable } from "../event-log/errors.js";
import type { Event, RecordedEvent } from "../event-log/event.js";
import { EventLog } from "../event-log/event-log.js";
import type { AgencyId } from "../event-log/identifiers.js";
import {
  CheckpointRow,
  DbInt,
  decodeRows,
  EVENT_COLUMNS,
  eventRow,
  NodeRow,
  RecordedEventFromRow,
  SizeRow,
} from "../event-log/rows.js";
import type { SignedCheckpoint } from "../event-log/tree-evidence.js";
import { appendLeaves, emptyFrontier, type Frontier, frontierRoot } from "../merkle/frontier.js";
import { type Hash, toHex } from "../merkle/hashing.js";
import { subtreeKey } from "../merkle/subtrees.js";
import { makeExportVerifier } from "../verify/export-verifier.js";
import { ImportRefused } from "./errors.js";
import { completedSubtrees, EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader } from "./export-format.js";

/** Where export lines go, a page at a time (each line without its line break). */
export type ExportSink<E, R> = (lines: ReadonlyArray<string>) => Effect.Effect<void, E, R>;

export interface ExportOptions {
  /** Events (and checkpoints) read per query; default 1000. */
  readonly pageSize?: number | undefined;
}

export interface ExportSummary {
  readonly agencyId: AgencyId;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpoints: number;
  /** The checkpoint at the exported size: what an auditor keeps for the next `liuhen verify --earlier`. */
  readonly latestCheckpoint: SignedCheckpoint;
  readonly verifierKey: string;
}

export interface ImportSummary {
  readonly agencyId: AgencyId;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpoints: number;
}

export interface LogExportService {
  /** Writes the agency's log to `sink` as export lines, after signing its current head. */
  readonly exportLog: <E, R>(
    agencyId: AgencyId,
    sink: ExportSink<E, R>,
    options?: ExportOptions,
  ) => Effect.Effect<ExportSummary, E | SigningKeyUnusable | LogCorrupted | SqlError, R>;
  /**
   * Reads an export into the agency's log, which must be empty, verifying it with the store's key for the
   * agency as it goes; events keep their ids, stream versions and times, the tree its head, and the
   * checkpoints their signatures. Projections are not touched.
   */
  readonly importLog: <E, R>(
    agencyId: AgencyId,
    lines: Stream.Stream<string, E, R>,
  ) => Effect.Effect<ImportSummary, E | ImportRefused | SigningKeyUnusable | LogCorrupted | SqlError, R>;
}

const CountRow = Schema.Struct({ n: DbInt });

export class LogExport extends Context.Tag("@liuhen/store/LogExport")<LogExport, LogExportService>() {
  static readonly layer: Layer.Layer<LogExport, never, SqlClient.SqlClient | EventLog> = Layer.effect(
    LogExport,
    Effect.gen(function* () {
      return makeLogExport(yield* SqlClient.SqlClient, yield* EventLog);
    }),
  );
}

/** Writes the agency's log to `sink` as export lines (`LogExportService.exportLog`). */
export const exportLog = <E, R>(agencyId: AgencyId, sink: ExportSink<E, R>, options?: ExportOptions) =>
  Effect.flatMap(LogExport, (service) => service.exportLog(agencyId, sink, options));

/** Reads an export into the agency's empty log (`LogExportService.importLog`). */
export const importLog = <E, R>(agencyId: AgencyId, lines: Stream.Stream<string, E, R>) =>
  Effect.flatMap(LogExport, (service) => service.importLog(agencyId, lines));

export const makeLogExport = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
): LogExportService => {
  /** The recorded hashes of the subtrees completed by leaves `first` to `last`, by `subtreeKey`. */
  const recordedSubtrees = (agencyId: AgencyId, first: number, last: number) => {
    const ranges: Array<{ level: number; from: number; to: number }> = [];
    for (let level = 1; 2 ** level <= last + 1; level++) {
      const width = 2 ** level;
      const from = Math.ceil((first + 1) / width) - 1;
      const to = Math.floor((last + 1) / width) - 1;
      if (from <= to) ranges.push({ level, from, to });
    }
    if (ranges.length === 0) return Effect.succeed(new Map<string, string>());
    // One range search per level, joined: SQLite plans an OR of ranges with bound values as a scan of all
    // the agency's subtrees, which would make an export quadratic.
    const perLevel = ranges.map(
      (r) => sql`SELECT level, node_index, hash FROM merkle_nodes
        WHERE agency_id = ${agencyId} AND level = ${r.level} AND node_index >= ${r.from} AND node_index <= ${r.to}`,
    );
    return sql`${sql.join(" UNION ALL ", false)(perLevel)}`.pipe(
      Effect.flatMap(decodeRows(NodeRow, agencyId, "Merkle node")),
      Effect.map(
        (rows) =>
          new Map(rows.map((row) => [subtreeKey({ level: row.level, index: row.node_index }), row.hash])),
      ),
    );
  };

  const eventLine = (event: RecordedEvent, recorded: ReadonlyMap<string, string>): string => {
    const subtrees = completedSubtrees(event.leafIndex).map((s) => recorded.get(subtreeKey(s)) ?? null);
    // The envelope goes in as its canonical text: the very bytes its leaf hash covers.
    return `{"kind":"event","leaf_index":${event.leafIndex},"leaf_hash":${JSON.stringify(event.leafHash)},"subtrees":${JSON.stringify(subtrees)},"event":${canonicalEventText(event)}}`;
  };

  const exportLog: LogExportService["exportLog"] = (agencyId, sink, options) =>
    Effect.gen(function* () {
      const pageSize = options?.pageSize ?? 1000;
      // The checkpoint already kept at the current size, else a new one: a database changed behind the
      // log's back may no longer yield its head, and the export should still show what it holds.
      const [head] = yield* sql`SELECT tree_size FROM log_heads WHERE agency_id = ${agencyId}`.pipe(
        Effect.flatMap(decodeRows(SizeRow, agencyId, "log head")),
      );
      const kept = yield* log.latestCheckpoint(agencyId);
      const latest =
        Option.isSome(kept) && kept.value.treeSize === (head?.tree_size ?? 0)
          ? kept.value
          : yield* log.checkpoint(agencyId);
      const size = latest.treeSize;
      const verifierKey = yield* log.verifierKey(agencyId);
      const header: ExportHeader = {
        kind: "header",
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        agency_id: agencyId,
        verifier_key: verifierKey,
        tree_size: size,
        exported_at: new Date(yield* Clock.currentTimeMillis).toISOString(),
      };
      yield* sink([JSON.stringify(header)]);

      let checkpoints = 0;
      for (let after = -1; ; ) {
        const rows = yield* sql`SELECT tree_size, root_hash, signed_at, note FROM checkpoints
          WHERE agency_id = ${agencyId} AND tree_size > ${after} AND tree_size <= ${size}
          ORDER BY tree_size LIMIT ${pageSize}`.pipe(
          Effect.flatMap(decodeRows(CheckpointRow, agencyId, "checkpoint")),
        );
        const last = rows[rows.length - 1];
        if (last === undefined) break;
        yield* sink(
          rows.map((row) =>
            JSON.stringify({
              kind: "checkpoint",
              tree_size: row.tree_size,
              root_hash: row.root_hash,
              signed_at: row.signed_at,
              note: row.note,
            }),
          ),
        );
        checkpoints += rows.length;
        after = last.tree_size;
      }

      for (let from = 0; from < size; ) {
        const events = yield* sql`SELECT ${sql.literal(EVENT_COLUMNS)} FROM events
          WHERE agency_id = ${agencyId} AND leaf_index >= ${from} AND leaf_index < ${size}
          ORDER BY leaf_index LIMIT ${pageSize}`.pipe(
          Effect.flatMap(decodeRows(RecordedEventFromRow, agencyId, "event")),
        );
        const first = events[0];
        const last = events[events.length - 1];
        if (first === undefined || last === undefined) break;
        const recorded = yield* recordedSubtrees(agencyId, first.leafIndex, last.leafIndex);
        yield* sink(events.map((event) => eventLine(event, recorded)));
        from = last.leafIndex + 1;
      }

      return {
        agencyId,
        treeSize: size,
        rootHash: latest.rootHash,
        checkpoints,
        latestCheckpoint: latest,
        verifierKey,
      };
    });

  /** The row of an event, as `EventLog.append` writes it. */
  const importedRow = (event: Event, leafIndex: number, leafHash: Hash) =>
    eventRow({ ...event, leafIndex, leafHash: toHex(leafHash) });

  const importLog: LogExportService["importLog"] = (agencyId, lines) =>
    sql.withTransaction(
      Effect.gen(function* () {
        const refuse = (reason: string) => new ImportRefused({ agencyId, reason });
        // The append lock: create-or-touch the head row, then make sure the log is empty.
        const [head] = yield* sql`INSERT INTO log_heads (agency_id, tree_size) VALUES (${agencyId}, 0)
          ON CONFLICT (agency_id) DO UPDATE SET tree_size = log_heads.tree_size
          RETURNING tree_size`.pipe(Effect.flatMap(decodeRows(SizeRow, agencyId, "log head")));
        const [events] = yield* sql`SELECT COUNT(*) AS n FROM events WHERE agency_id = ${agencyId}`.pipe(
          Effect.flatMap(decodeRows(CountRow, agencyId, "count")),
        );
        const [signed] = yield* sql`SELECT COUNT(*) AS n FROM checkpoints WHERE agency_id = ${agencyId}`.pipe(
          Effect.flatMap(decodeRows(CountRow, agencyId, "count")),
        );
        const held = Math.max(head?.tree_size ?? 0, events?.n ?? 0);
        if (held > 0 || (signed?.n ?? 0) > 0) {
          return yield* refuse(
            `its log already holds ${held} events and ${signed?.n ?? 0} checkpoints; import goes into an empty log only`,
          );
        }

        const verifier = yield* makeExportVerifier({ trustedKey: yield* log.verifierKey(agencyId) }).pipe(
          Effect.mapError((error) => refuse(error.message)),
        );
        let frontier: Frontier = emptyFrontier;
        let checkpoints = 0;
        yield* lines.pipe(
          Stream.map(verifier.push),
          Stream.takeUntil((read) => read._tag === "Rejected"),
          Stream.grouped(500),
          Stream.runForEach((chunk) =>
            Effect.gen(function* () {
              const events: Array<ReturnType<typeof importedRow>> = [];
              const leaves: Array<Hash> = [];
              for (const read of Chunk.toReadonlyArray(chunk)) {
                switch (read._tag) {
                  case "Rejected":
                    return yield* new ImportRefused({
                      agencyId,
                      reason: `the file does not verify: ${read.report.finding.detail}`,
                      report: read.report,
                    });
                  case "Header":
                    if (read.header.agency_id !== agencyId) {
                      return yield* refuse(`the file is the log of ${read.header.agency_id}`);
                    }
                    break;
                  case "Checkpoint":
                    yield* sql`INSERT INTO checkpoints (agency_id, tree_size, root_hash, signed_at, note)
                      VALUES (${agencyId}, ${read.checkpoint.treeSize}, ${read.checkpoint.rootHash},
                        ${read.checkpoint.signedAt}, ${read.checkpoint.note})`;
                    checkpoints += 1;
                    break;
                  case "Event":
                    events.push(importedRow(read.event, read.position, read.leafHash));
                    leaves.push(read.leafHash);
                    break;
                  case "Skipped":
                    break;
                }
              }
              if (events.length === 0) return;
              const next = appendLeaves(frontier, leaves);
              frontier = next.frontier;
              yield* sql`INSERT INTO events ${sql.insert(events)}`;
              if (next.completed.length > 0) {
                yield* sql`INSERT INTO merkle_nodes ${sql.insert(
                  next.completed.map((s) => ({
                    agency_id: agencyId,
                    level: s.level,
                    node_index: s.index,
                    hash: toHex(s.hash),
                  })),
                )}`;
              }
            }),
          ),
        );
        const report = verifier.end();
        if (report._tag === "Rejected") {
          return yield* new ImportRefused({
            agencyId,
            reason: `the file does not verify: ${report.finding.detail}`,
            report,
          });
        }
        const rootHash = toHex(frontierRoot(frontier));
        if (frontier.size !== report.treeSize || rootHash !== report.rootHash) {
          return yield* refuse(
            `the imported tree (${frontier.size} events, head ${rootHash}) is not the verified one`,
          );
        }
        yield* sql`UPDATE log_heads SET tree_size = ${frontier.size} WHERE agency_id = ${agencyId}`;
        return { agencyId, treeSize: frontier.size, rootHash, checkpoints };
      }),
    );

  return { exportLog, importLog };
};
