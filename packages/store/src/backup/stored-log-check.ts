/**
 * Whether a database's logs still add up, checked the way a backup, a restore or a restart after a crash
 * needs: every event decodes and recomputes its leaf hash, the leaves run 0..n-1 without a gap, the head
 * computed afresh from the leaves equals the head of the stored subtrees and the recorded size, and every
 * signed checkpoint names a head the log had (and, given the agency's verifier key, its signature opens).
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Effect, Option, Schema } from "effect";
import { checkpointOrigin, parseCheckpoint } from "../checkpoint/checkpoint-body.js";
import { openNote, parseVerifierKey } from "../checkpoint/signed-note.js";
import { LogCorrupted } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { AgencyId } from "../event-log/identifiers.js";
import { CheckpointRow, decodeRows } from "../event-log/rows.js";
import { appendLeaves, emptyFrontier, type Frontier, frontierRoot } from "../merkle/frontier.js";
import { fromHex, toHex } from "../merkle/hashing.js";

const AgencyRow = Schema.Struct({ agency_id: AgencyId });

// How many events are read at a time.
const PAGE = 1000;

export interface StoredLogCheck {
  readonly agencyId: AgencyId;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpoints: number;
  /** Checkpoints whose signature was opened with the agency's verifier key. */
  readonly signaturesChecked: number;
}

export interface StoredLogCheckOptions {
  /** The agency's verifier key (C2SP signed-note form), when its checkpoint signatures are to be checked. */
  readonly verifierKey?: ((agencyId: AgencyId) => string | undefined) | undefined;
}

/** The check itself, inside one read snapshot. */
const checkInSnapshot = (agencyId: AgencyId, options: StoredLogCheckOptions) =>
  Effect.gen(function* () {
    const log = yield* EventLog;
    const sql = yield* SqlClient.SqlClient;
    const corrupted = (detail: string) => new LogCorrupted({ agencyId, detail });

    const head = yield* log
      .treeHead(agencyId)
      .pipe(Effect.catchTag("TreeSizeOutOfRange", (e) => corrupted(e.message)));
    const checkpoints = yield* sql`SELECT tree_size, root_hash, signed_at, note FROM checkpoints
      WHERE agency_id = ${agencyId} ORDER BY tree_size`.pipe(
      Effect.flatMap(decodeRows(CheckpointRow, agencyId, "checkpoint")),
    );
    const wanted = new Set(checkpoints.map((c) => c.tree_size));
    // The head the leaves give at each checkpointed size, folded as the leaves are read.
    const rootsAt = new Map<number, string>();
    if (wanted.has(0)) rootsAt.set(0, toHex(frontierRoot(emptyFrontier)));

    let frontier: Frontier = emptyFrontier;
    for (;;) {
      // `read` decodes each row with the event Schema and recomputes its leaf hash from the canonical encoding.
      const page = yield* log.read(agencyId, { fromIndex: frontier.size, limit: PAGE });
      for (const event of page) {
        if (event.leafIndex !== frontier.size) {
          return yield* corrupted(
            `leaf ${frontier.size} is missing; the next event is at ${event.leafIndex}`,
          );
        }
        frontier = appendLeaves(frontier, [fromHex(event.leafHash)]).frontier;
        if (wanted.has(frontier.size)) rootsAt.set(frontier.size, toHex(frontierRoot(frontier)));
      }
      if (page.length < PAGE) break;
    }

    if (frontier.size !== head.treeSize) {
      return yield* corrupted(`log_heads says ${head.treeSize} events, but ${frontier.size} are stored`);
    }
    const recomputed = toHex(frontierRoot(frontier));
    if (recomputed !== head.rootHash) {
      return yield* corrupted(
        `the stored subtrees give head ${head.rootHash}, the leaves give ${recomputed} (at ${head.treeSize} events)`,
      );
    }

    const key = options.verifierKey?.(agencyId);
    const verifier = key === undefined ? undefined : parseVerifierKey(key);
    if (key !== undefined && verifier === undefined) {
      return yield* corrupted("the verifier key given for it cannot be read");
    }
    let signaturesChecked = 0;
    for (const checkpoint of checkpoints) {
      const size = checkpoint.tree_size;
      if (rootsAt.get(size) !== checkpoint.root_hash) {
        return yield* corrupted(
          size > head.treeSize
            ? `a checkpoint is signed at ${size} events, past the log's ${head.treeSize}`
            : `the checkpoint at ${size} events names head ${checkpoint.root_hash}, but the log's head there is ${rootsAt.get(size)}`,
        );
      }
      if (verifier !== undefined) {
        const text = openNote(checkpoint.note, verifier);
        const body = text === undefined ? undefined : parseCheckpoint(text);
        const agrees =
          body !== undefined &&
          body.origin === checkpointOrigin(agencyId) &&
          body.treeSize === size &&
          toHex(body.rootHash) === checkpoint.root_hash &&
          body.signedAt === checkpoint.signed_at;
        if (!agrees) {
          return yield* corrupted(
            `the checkpoint at ${size} events does not open with the agency's verifier key`,
          );
        }
        signaturesChecked += 1;
      }
    }

    return {
      agencyId,
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      checkpoints: checkpoints.length,
      signaturesChecked,
    };
  });

/** Checks one agency's log through and through; the first thing that does not add up fails it. */
export const checkStoredLog = (
  agencyId: AgencyId,
  options: StoredLogCheckOptions = {},
): Effect.Effect<StoredLogCheck, LogCorrupted | SqlError, EventLog | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const nested = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection));
    // One snapshot for the whole check, so appends committed meanwhile (a live database) do not show as gaps.
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        if (!nested) {
          yield* sql.onDialectOrElse({
            pg: () => sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`,
            // A deferred SQLite transaction keeps the snapshot of its first read until it ends.
            orElse: () => Effect.void,
          });
        }
        return yield* checkInSnapshot(agencyId, options);
      }),
    );
  });

/** Every agency's log in the database, checked in turn. */
export const checkStoredLogs = (
  options: StoredLogCheckOptions = {},
): Effect.Effect<ReadonlyArray<StoredLogCheck>, LogCorrupted | SqlError, EventLog | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const agencies = yield* sql`SELECT agency_id FROM log_heads ORDER BY agency_id`.pipe(
      Effect.flatMap(decodeRows(AgencyRow, "(all)", "log head")),
    );
    return yield* Effect.forEach(agencies, (row) => checkStoredLog(row.agency_id, options));
  });
