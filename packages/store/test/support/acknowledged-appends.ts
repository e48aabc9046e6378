/**
 * What the writer scripts report (one JSON line per append once it has committed), and the check that a log
 * holds every acknowledged append where it was acknowledged and is one consistent RFC 6962 tree.
 */
import { Effect } from "effect";
import { type AgencyId, checkStoredLog, EventLog, Merkle, type RecordedEvent } from "../../src/index.js";
import { referenceHead, referenceLeaf } from "./reference-merkle.js";

export type AckLine =
  | { readonly kind: "ready" }
  | {
      readonly kind: "append";
      readonly stream: string;
      readonly ids: ReadonlyArray<string>;
      readonly leafIndexes: ReadonlyArray<number>;
      readonly treeSize: number;
      readonly rootHash: string;
      /** When the writer saw the commit (Date.now()). */
      readonly at: number;
    }
  | { readonly kind: "checkpoint"; readonly treeSize: number; readonly rootHash: string }
  | { readonly kind: "done"; readonly appends: number; readonly conflicts: number };

export type AppendAck = Extract<AckLine, { kind: "append" }>;
export type CheckpointAck = Extract<AckLine, { kind: "checkpoint" }>;

export const appendsOf = (lines: ReadonlyArray<AckLine>): Array<AppendAck> =>
  lines.filter((l): l is AppendAck => l.kind === "append");
export const checkpointsOf = (lines: ReadonlyArray<AckLine>): Array<CheckpointAck> =>
  lines.filter((l): l is CheckpointAck => l.kind === "checkpoint");

/** Reads the whole log, in pages. */
export const readAll = (agencyId: AgencyId) =>
  Effect.gen(function* () {
    const log = yield* EventLog;
    const events: Array<RecordedEvent> = [];
    for (;;) {
      const page = yield* log.read(agencyId, { fromIndex: events.length, limit: 1000 });
      events.push(...page);
      if (page.length < 1000) return events;
    }
  });

/**
 * The log of `agencyId` checked against what was acknowledged: the store's own check passes (leaves
 * recompute, stored head = head of the leaves, checkpoints match and their signatures open); leaves run
 * 0..n-1 with no id twice; the head equals an independent RFC 6962 computation; every acknowledged event is
 * at its acknowledged leaf; every acknowledged head and checkpoint is a prefix of the tree, proved by a
 * consistency proof checked against the independently computed head.
 */
export const checkAcknowledged = (
  agencyId: AgencyId,
  appends: ReadonlyArray<AppendAck>,
  checkpoints: ReadonlyArray<CheckpointAck> = [],
) =>
  Effect.gen(function* () {
    const log = yield* EventLog;
    const verifierKey = yield* log.verifierKey(agencyId);
    const stored = yield* checkStoredLog(agencyId, { verifierKey: () => verifierKey });
    const events = yield* readAll(agencyId);
    const problems: Array<string> = [];

    events.forEach((e, i) => {
      if (e.leafIndex !== i) problems.push(`event ${i} sits at leaf ${e.leafIndex}`);
    });
    const leafOf = new Map(events.map((e) => [e.id as string, e.leafIndex]));
    if (leafOf.size !== events.length) problems.push("an event id appears twice");

    const head = referenceHead(events.map(referenceLeaf));
    if (stored.rootHash !== head || stored.treeSize !== events.length) {
      problems.push(
        `the store's head ${stored.treeSize}/${stored.rootHash} is not the reference ${events.length}/${head}`,
      );
    }

    for (const ack of appends) {
      ack.ids.forEach((id, i) => {
        if (leafOf.get(id) !== ack.leafIndexes[i]) {
          problems.push(
            `acknowledged event ${id} at leaf ${ack.leafIndexes[i]} is ${leafOf.has(id) ? `at ${leafOf.get(id)}` : "missing"}`,
          );
        }
      });
    }
    for (const ack of [...appends, ...checkpoints]) {
      if (ack.treeSize > events.length) {
        problems.push(`an acknowledged head of ${ack.treeSize} events is past the log's ${events.length}`);
        continue;
      }
      const proof = yield* log.consistencyProof(agencyId, ack.treeSize, events.length);
      const ok = Merkle.verifyConsistency({
        fromSize: ack.treeSize,
        toSize: events.length,
        fromRoot: Merkle.fromHex(ack.rootHash),
        toRoot: Merkle.fromHex(head),
        path: proof.path.map(Merkle.fromHex),
      });
      if (!ok) problems.push(`the acknowledged head at ${ack.treeSize} events is not a prefix of the tree`);
    }
    return { events, head, stored, problems };
  });
