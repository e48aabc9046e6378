/**
 * The append-only event log over @effect/sql, one implementation for SQLite and PostgreSQL.
 *
 * An append, in one transaction: lock the agency's head row, check the stream's version, load the tree's
 * right edge, hash the new events into it, write the events, the subtrees they complete and the new size,
 * then run the caller's projection update. Either all of it commits or none of it does. append-statements.ts
 * says this to each database in as few statements as it allows.
 *
 * Appends of one agency are serialised by a row lock on its `log_heads` row, taken by the transaction's
 * first statement (an upsert that returns the size): on PostgreSQL a second appender, in this process or
 * another, waits for the first to commit and then reads the size it left; on SQLite the statement takes the
 * database's write lock. So each agency's events have one linear order, and leaf i is the i-th event.
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Clock, Context, Effect, Layer, Option, Schema } from "effect";
import { checkpointOrigin, formatCheckpoint } from "../checkpoint/checkpoint-body.js";
import { CheckpointSigner } from "../checkpoint/checkpoint-signer.js";
import { appendLeaves, type Frontier, frontierRoot, frontierSubtrees } from "../merkle/frontier.js";
import { emptyTreeHash, fromHex, type Hash, leafHashOfText, toHex } from "../merkle/hashing.js";
import { consistencyRanges, inclusionRanges } from "../merkle/proofs.js";
import {
  type LeafRange,
  rangeHash,
  type Subtree,
  type SubtreeHashes,
  subtreeKey,
  subtreesOf,
} from "../merkle/subtrees.js";
import { appendStatements } from "./append-statements.js";
import { canonicalEvent, eventLeafHash } from "./canonical-encoding.js";
import {
  EventNotFound,
  type InvalidEvent,
  LogCorrupted,
  type SigningKeyUnusable,
  StreamConflict,
  TreeSizeOutOfRange,
} from "./errors.js";
import type { AppendRequest, Event, RecordedEvent } from "./event.js";
import { checkAppend } from "./event-validation.js";
import { AgencyId, type EventId, Sha256Hex, type StreamId } from "./identifiers.js";
import {
  CheckpointRow,
  DbInt,
  decodeRows,
  EVENT_COLUMNS,
  eventRow,
  NodeRow,
  RecordedEventFromRow,
  SizeRow,
} from "./rows.js";
import { type RunStatement, transactionStatements } from "./transaction-statements.js";
import type { ConsistencyProof, InclusionProof, SignedCheckpoint, TreeHead } from "./tree-evidence.js";

/** Updates projections from the events just appended, inside the append's transaction. */
export type Projection<E, R> = (events: ReadonlyArray<RecordedEvent>) => Effect.Effect<void, E, R>;

export interface Appended {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly treeHead: TreeHead;
}

export interface EventLogService {
  /**
   * Appends events to a stream if it is still at `expectedVersion`, and runs `project` in the same
   * transaction (it gets the transaction's SqlClient); a failing projection undoes the append.
   */
  readonly append: <E = never, R = never>(
    request: AppendRequest,
    project?: Projection<E, R>,
  ) => Effect.Effect<
    Appended,
    StreamConflict | InvalidEvent | LogCorrupted | SqlError | E,
    Exclude<R, SqlClient.SqlClient>
  >;
  /** An agency's events in log order, from leaf `fromIndex` (default 0), at most `limit` (default 1000). */
  readonly read: (
    agencyId: AgencyId,
    options?: { readonly fromIndex?: number; readonly limit?: number },
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, LogCorrupted | SqlError>;
  /** One stream's events in version order. */
  readonly readStream: (
    agencyId: AgencyId,
    streamId: StreamId,
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, LogCorrupted | SqlError>;
  /** The current head, or the head the tree had at `treeSize` events. */
  readonly treeHead: (
    agencyId: AgencyId,
    treeSize?: number,
  ) => Effect.Effect<TreeHead, TreeSizeOutOfRange | LogCorrupted | SqlError>;
  /** That an event is in the tree of `treeSize` events (default: the current tree). */
  readonly inclusionProof: (
    agencyId: AgencyId,
    eventId: EventId,
    treeSize?: number,
  ) => Effect.Effect<InclusionProof, EventNotFound | TreeSizeOutOfRange | LogCorrupted | SqlError>;
  /** That the tree of `toSize` events (default: the current tree) extends the tree of `fromSize` events. */
  readonly consistencyProof: (
    agencyId: AgencyId,
    fromSize: number,
    toSize?: number,
  ) => Effect.Effect<ConsistencyProof, TreeSizeOutOfRange | LogCorrupted | SqlError>;
  /** Signs the current head with the agency's key and keeps the checkpoint; one per tree size. */
  readonly checkpoint: (
    agencyId: AgencyId,
  ) => Effect.Effect<SignedCheckpoint, SigningKeyUnusable | LogCorrupted | SqlError>;
  readonly latestCheckpoint: (
    agencyId: AgencyId,
  ) => Effect.Effect<Option.Option<SignedCheckpoint>, LogCorrupted | SqlError>;
  /** Every agency that has a log, in id order (for the checkpoint signer). */
  readonly agencies: () => Effect.Effect<ReadonlyArray<AgencyId>, LogCorrupted | SqlError>;
  /** The verifier key that checks the agency's checkpoints (C2SP signed-note form). */
  readonly verifierKey: (agencyId: AgencyId) => Effect.Effect<string, SigningKeyUnusable>;
}

export class EventLog extends Context.Tag("@liuhen/store/EventLog")<EventLog, EventLogService>() {
  static readonly layer: Layer.Layer<EventLog, never, SqlClient.SqlClient | CheckpointSigner> = Layer.effect(
    EventLog,
    Effect.gen(function* () {
      return makeEventLog(yield* SqlClient.SqlClient, yield* CheckpointSigner);
    }),
  );
}

/** The edge as `log_heads.frontier` keeps it (migration 0015): `<size>:<hex hashes, largest subtree first>`. */
const formatFrontier = (frontier: Frontier): string =>
  `${frontier.size}:${frontier.subtrees.map((s) => toHex(s.hash)).join("")}`;

/**
 * The edge's hashes kept with the head, if they are there and are this size's; otherwise undefined, and the
 * append looks the edge up in the tables (a log from before the column, an imported one).
 */
const parseFrontier = (
  text: string | null,
  size: number,
  subtrees: number,
): ReadonlyArray<Hash> | undefined => {
  if (text === null) return undefined;
  const colon = text.indexOf(":");
  const hex = text.slice(colon + 1);
  if (text.slice(0, colon) !== String(size) || hex.length !== subtrees * 64 || !/^[0-9a-f]*$/.test(hex))
    return undefined;
  // Checked above as a whole: decoded in one go, each hash a view of the bytes.
  const bytes = Buffer.from(hex, "hex");
  return Array.from({ length: subtrees }, (_, i) => bytes.subarray(i * 32, (i + 1) * 32));
};
const LeafRow = Schema.Struct({ leaf_index: DbInt, leaf_hash: Sha256Hex });

const AgencyRow = Schema.Struct({ agency_id: AgencyId });

export const makeEventLog = (
  sql: SqlClient.SqlClient,
  signer: Context.Tag.Service<CheckpointSigner>,
): EventLogService => {
  const corrupted = (agencyId: string, detail: string) => new LogCorrupted({ agencyId, detail });
  const statements = appendStatements(sql);

  /** Decodes event rows and checks each leaf hash against the event it claims to hash. */
  const decodeEvents = (agencyId: string) => (rows: ReadonlyArray<unknown>) =>
    Effect.flatMap(decodeRows(RecordedEventFromRow, agencyId, "event")(rows), (events) => {
      const forged = events.find((event) => toHex(eventLeafHash(event)) !== event.leafHash);
      return forged === undefined
        ? Effect.succeed(events)
        : Effect.fail(
            corrupted(
              agencyId,
              `event ${forged.id} at leaf ${forged.leafIndex} does not match its leaf hash`,
            ),
          );
    });

  /** How many events the agency's log holds; 0 before its first. */
  const currentSize = (agencyId: AgencyId): Effect.Effect<number, LogCorrupted | SqlError> =>
    sql`SELECT tree_size FROM log_heads WHERE agency_id = ${agencyId}`.pipe(
      Effect.flatMap(decodeRows(SizeRow, agencyId, "log head")),
      Effect.map(([row]) => row?.tree_size ?? 0),
    );

  /** The stored hashes of these perfect subtrees; all must be there. */
  const loadSubtrees = (
    agencyId: AgencyId,
    subtrees: ReadonlyArray<Subtree>,
  ): Effect.Effect<SubtreeHashes, LogCorrupted | SqlError> =>
    Effect.gen(function* () {
      const found = new Map<string, Hash>();
      const leaves = subtrees.filter((s) => s.level === 0).map((s) => s.index);
      const inner = subtrees.filter((s) => s.level > 0);
      if (leaves.length > 0) {
        const rows = yield* sql`SELECT leaf_index, leaf_hash FROM events
          WHERE agency_id = ${agencyId} AND ${sql.in("leaf_index", leaves)}`.pipe(
          Effect.flatMap(decodeRows(LeafRow, agencyId, "leaf")),
        );
        for (const row of rows)
          found.set(subtreeKey({ level: 0, index: row.leaf_index }), fromHex(row.leaf_hash));
      }
      if (inner.length > 0) {
        // One primary-key lookup per subtree, joined by UNION ALL: an OR of (level, index) pairs with bound
        // values makes SQLite scan every node of the agency, which grows with the log.
        const lookups = inner.map(
          (s) =>
            sql`SELECT level, node_index, hash FROM merkle_nodes
              WHERE agency_id = ${agencyId} AND level = ${s.level} AND node_index = ${s.index}`,
        );
        const rows = yield* sql`${sql.join(" UNION ALL ", false)(lookups)}`.pipe(
          Effect.flatMap(decodeRows(NodeRow, agencyId, "Merkle node")),
        );
        for (const row of rows)
          found.set(subtreeKey({ level: row.level, index: row.node_index }), fromHex(row.hash));
      }
      const missing = subtrees.find((s) => !found.has(subtreeKey(s)));
      if (missing !== undefined) {
        return yield* corrupted(
          agencyId,
          `the subtree at level ${missing.level}, index ${missing.index} is missing`,
        );
      }
      return (s: Subtree) => found.get(subtreeKey(s)) as Hash;
    });

  /** Heads of these ranges of leaves, loading each needed subtree once. */
  const hashRanges = (agencyId: AgencyId, ranges: ReadonlyArray<LeafRange>) =>
    Effect.map(loadSubtrees(agencyId, subtreesOf(ranges)), (hashes) =>
      ranges.map((range) => (range.start === range.end ? emptyTreeHash : rangeHash(range, hashes))),
    );

  /** The head of the tree of the first `size` events, from the stored subtrees (at most one per level). */
  const headAt = (agencyId: AgencyId, size: number): Effect.Effect<TreeHead, LogCorrupted | SqlError> =>
    Effect.map(hashRanges(agencyId, [{ start: 0, end: size }]), ([root]) => ({
      agencyId,
      treeSize: size,
      rootHash: toHex(root as Hash),
    }));

  /** Fails unless `least` ≤ size ≤ the current size. */
  const checkSize = (agencyId: AgencyId, current: number, size: number, least = 0) =>
    Number.isSafeInteger(size) && size >= least && size <= current
      ? Effect.void
      : Effect.fail(new TreeSizeOutOfRange({ agencyId, requested: `tree size ${size}`, treeSize: current }));

  /**
   * The edge each agency's head was left at by this process's last append to it. Where the dialect can
   * (`advanceHead`), the next append hashes its events onto it and moves the head in its first statement, on
   * condition that the head is still there; a head another process moved, or an append rolled back after the
   * edge was kept here, fails the condition and the append takes the head as it is in the database.
   */
  const lastEdges = new Map<AgencyId, { readonly frontier: Frontier; readonly text: string }>();

  const append: EventLogService["append"] = (request, project) =>
    Effect.gen(function* () {
      const checked = yield* checkAppend(request);
      const { agencyId, streamId, expectedVersion } = checked;
      const conflict = (actualVersion: number) =>
        actualVersion === expectedVersion
          ? Effect.void
          : Effect.fail(new StreamConflict({ agencyId, streamId, expectedVersion, actualVersion }));

      /** The events, hashed into the tree after `frontier`, as the log records and writes them. */
      const hashInto = (frontier: Frontier) =>
        Effect.map(Clock.currentTimeMillis, (now) => {
          const occurredAt = new Date(now).toISOString();
          const events: ReadonlyArray<Event> = checked.events.map((e, i) => ({
            id: randomUUID() as EventId,
            agencyId,
            streamId,
            streamVersion: expectedVersion + i + 1,
            type: e.type,
            actor: e.actor,
            occurredAt,
            citations: e.citations,
            payload: e.payload,
          }));
          const canonical = events.map(canonicalEvent);
          const leafHashes = canonical.map((c) => leafHashOfText(c.text));
          const next = appendLeaves(frontier, leafHashes);
          const recorded: ReadonlyArray<RecordedEvent> = events.map((event, i) => ({
            ...event,
            leafIndex: frontier.size + i,
            leafHash: toHex(leafHashes[i] as Hash),
          }));
          return {
            recorded,
            rows: recorded.map((event, i) => eventRow(event, canonical[i])),
            nodes: next.completed.map((s) => ({ level: s.level, node_index: s.index, hash: toHex(s.hash) })),
            frontier: next.frontier,
            text: formatFrontier(next.frontier),
          };
        });

      /** From the edge this process left, the head moved by the first statement; undefined if it had moved. */
      const advanceFromLastEdge = (run: RunStatement) =>
        Effect.gen(function* () {
          const last = lastEdges.get(agencyId);
          if (statements.advanceHead === undefined || last === undefined) return undefined;
          const hashed = yield* hashInto(last.frontier);
          const version = yield* statements.advanceHead(run, {
            agencyId,
            streamId,
            from: { size: last.frontier.size, frontier: last.text },
            to: { size: hashed.frontier.size, frontier: hashed.text },
          });
          if (version === undefined) return undefined;
          yield* conflict(version);
          return hashed;
        });

      /** The head locked and read, the stream checked, then the events hashed onto the head's edge. */
      const hashAfterLock = (run: RunStatement) =>
        Effect.gen(function* () {
          const head = yield* statements.lockHead(run, agencyId, streamId);
          const size = head.size;
          const edge = frontierSubtrees(size);
          const kept = parseFrontier(head.frontier, size, edge.length);
          // A stale stream is refused before the tree's edge is looked up in the tables.
          const known =
            head.version ??
            (kept === undefined ? yield* statements.streamVersion(run, agencyId, streamId) : undefined);
          if (known !== undefined) yield* conflict(known);
          const edgeHashes =
            kept ?? (yield* loadSubtrees(agencyId, edge).pipe(Effect.map((h) => edge.map(h))));
          return yield* hashInto({
            size,
            subtrees: edge.map((s, i) => ({ ...s, hash: edgeHashes[i] as Hash })),
          });
        });

      // Inside a caller's transaction the append becomes a savepoint of it, and commits with it.
      const nested = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection));
      const appended = yield* sql.withTransaction(
        Effect.gen(function* () {
          const run = yield* transactionStatements;
          // A database whose default isolation was raised would fail concurrent appends instead of queueing
          // them; a nested append keeps its caller's transaction as it is.
          if (!nested) yield* statements.readCommitted(run);
          const advanced = yield* advanceFromLastEdge(run);
          const hashed = advanced ?? (yield* hashAfterLock(run));
          const found = yield* statements.write(run, {
            agencyId,
            streamId,
            expectedVersion,
            events: hashed.rows,
            nodes: hashed.nodes,
            head: advanced === undefined ? { size: hashed.frontier.size, frontier: hashed.text } : undefined,
          });
          if (found !== undefined) yield* conflict(found);
          if (project !== undefined)
            yield* Effect.provideService(project(hashed.recorded), SqlClient.SqlClient, sql);
          if (statements.advanceHead !== undefined)
            lastEdges.set(agencyId, { frontier: hashed.frontier, text: hashed.text });
          return hashed;
        }),
      );
      // The head is hashed after the commit: the agency's lock is not held for it.
      const treeHead: TreeHead = {
        agencyId,
        treeSize: appended.frontier.size,
        rootHash: toHex(frontierRoot(appended.frontier)),
      };
      return { events: appended.recorded, treeHead };
    });

  const read: EventLogService["read"] = (agencyId, options) =>
    sql`SELECT ${sql.literal(EVENT_COLUMNS)} FROM events
      WHERE agency_id = ${agencyId} AND leaf_index >= ${options?.fromIndex ?? 0}
      ORDER BY leaf_index LIMIT ${options?.limit ?? 1000}`.pipe(Effect.flatMap(decodeEvents(agencyId)));

  const readStream: EventLogService["readStream"] = (agencyId, streamId) =>
    sql`SELECT ${sql.literal(EVENT_COLUMNS)} FROM events
      WHERE agency_id = ${agencyId} AND stream_id = ${streamId}
      ORDER BY stream_version`.pipe(Effect.flatMap(decodeEvents(agencyId)));

  const treeHead: EventLogService["treeHead"] = (agencyId, treeSize) =>
    Effect.gen(function* () {
      const current = yield* currentSize(agencyId);
      const size = treeSize ?? current;
      yield* checkSize(agencyId, current, size);
      return yield* headAt(agencyId, size);
    });

  const inclusionProof: EventLogService["inclusionProof"] = (agencyId, eventId, treeSize) =>
    Effect.gen(function* () {
      const [leaf] = yield* sql`SELECT leaf_index, leaf_hash FROM events
        WHERE agency_id = ${agencyId} AND id = ${eventId}`.pipe(
        Effect.flatMap(decodeRows(LeafRow, agencyId, "leaf")),
      );
      if (leaf === undefined) return yield* new EventNotFound({ agencyId, eventId });
      const current = yield* currentSize(agencyId);
      const size = treeSize ?? current;
      yield* checkSize(agencyId, current, size, leaf.leaf_index + 1);
      const hashes = yield* hashRanges(agencyId, [
        { start: 0, end: size },
        ...inclusionRanges(leaf.leaf_index, size),
      ]);
      return {
        agencyId,
        eventId,
        leafIndex: leaf.leaf_index,
        treeSize: size,
        leafHash: leaf.leaf_hash,
        path: hashes.slice(1).map(toHex),
        rootHash: toHex(hashes[0] as Hash),
      };
    });

  const consistencyProof: EventLogService["consistencyProof"] = (agencyId, fromSize, toSize) =>
    Effect.gen(function* () {
      const current = yield* currentSize(agencyId);
      const to = toSize ?? current;
      yield* checkSize(agencyId, current, to);
      if (!(Number.isSafeInteger(fromSize) && fromSize >= 0 && fromSize <= to)) {
        return yield* new TreeSizeOutOfRange({
          agencyId,
          requested: `tree sizes ${fromSize} to ${to}`,
          treeSize: current,
        });
      }
      const hashes = yield* hashRanges(agencyId, [
        { start: 0, end: fromSize },
        { start: 0, end: to },
        ...consistencyRanges(fromSize, to),
      ]);
      return {
        agencyId,
        fromSize,
        toSize: to,
        fromRoot: toHex(hashes[0] as Hash),
        toRoot: toHex(hashes[1] as Hash),
        path: hashes.slice(2).map(toHex),
      };
    });

  const toCheckpoint = (agencyId: AgencyId) => (rows: ReadonlyArray<typeof CheckpointRow.Type>) =>
    Option.map(
      Option.fromNullable(rows[0]),
      (row): SignedCheckpoint => ({
        agencyId,
        treeSize: row.tree_size,
        rootHash: row.root_hash,
        signedAt: row.signed_at,
        note: row.note,
      }),
    );

  const checkpointAt = (agencyId: AgencyId, treeSize: number) =>
    sql`SELECT tree_size, root_hash, signed_at, note FROM checkpoints
      WHERE agency_id = ${agencyId} AND tree_size = ${treeSize}`.pipe(
      Effect.flatMap(decodeRows(CheckpointRow, agencyId, "checkpoint")),
      Effect.map(toCheckpoint(agencyId)),
    );

  const checkpoint: EventLogService["checkpoint"] = (agencyId) =>
    Effect.gen(function* () {
      const head = yield* headAt(agencyId, yield* currentSize(agencyId));
      const existing = yield* checkpointAt(agencyId, head.treeSize);
      if (Option.isSome(existing)) return existing.value;
      const signedAt = new Date(yield* Clock.currentTimeMillis).toISOString();
      const text = formatCheckpoint({
        origin: checkpointOrigin(agencyId),
        treeSize: head.treeSize,
        rootHash: fromHex(head.rootHash),
        signedAt,
      });
      const note = yield* signer.sign(agencyId, text);
      // A log with no events has no head row yet; checkpoints reference it.
      yield* sql`INSERT INTO log_heads (agency_id, tree_size) VALUES (${agencyId}, 0) ON CONFLICT (agency_id) DO NOTHING`;
      // Another process may sign the same size at the same moment: the first kept wins, both return it.
      yield* sql`INSERT INTO checkpoints (agency_id, tree_size, root_hash, signed_at, note)
        VALUES (${agencyId}, ${head.treeSize}, ${head.rootHash}, ${signedAt}, ${note})
        ON CONFLICT (agency_id, tree_size) DO NOTHING`;
      const kept = yield* checkpointAt(agencyId, head.treeSize);
      return yield* Option.match(kept, {
        onNone: () =>
          Effect.fail(corrupted(agencyId, `the checkpoint at ${head.treeSize} events was not kept`)),
        onSome: Effect.succeed,
      });
    });

  const latestCheckpoint: EventLogService["latestCheckpoint"] = (agencyId) =>
    sql`SELECT tree_size, root_hash, signed_at, note FROM checkpoints
      WHERE agency_id = ${agencyId} ORDER BY tree_size DESC LIMIT 1`.pipe(
      Effect.flatMap(decodeRows(CheckpointRow, agencyId, "checkpoint")),
      Effect.map(toCheckpoint(agencyId)),
    );

  const agencies: EventLogService["agencies"] = () =>
    sql`SELECT agency_id FROM log_heads ORDER BY agency_id`.pipe(
      Effect.flatMap(decodeRows(AgencyRow, "(all)", "log head")),
      Effect.map((rows) => rows.map((row) => row.agency_id)),
    );

  return {
    append,
    read,
    readStream,
    treeHead,
    inclusionProof,
    consistencyProof,
    checkpoint,
    latestCheckpoint,
    agencies,
    verifierKey: signer.verifierKey,
  };
};
