/**
 * Signs a checkpoint (an RFC 6962 signed tree head, C2SP signed-note form) for every agency whose log has
 * grown since its last one. Published heads are what an auditor checks an export against: a history
 * rewritten after a checkpoint was handed out no longer matches it. The first pass for an agency makes its
 * key pair, outside the database.
 */
import { EventLog } from "@liuhen/store";
import { Effect, Option } from "effect";

export interface CheckpointPass {
  /** The agencies that got a new checkpoint, with the tree size signed. */
  readonly signed: ReadonlyArray<{ readonly agencyId: string; readonly treeSize: number }>;
}

export const signCheckpoints = Effect.gen(function* () {
  const log = yield* EventLog;
  const signed: Array<{ agencyId: string; treeSize: number }> = [];
  for (const agencyId of yield* log.agencies()) {
    const head = yield* log.treeHead(agencyId);
    const latest = yield* log.latestCheckpoint(agencyId);
    if (Option.isSome(latest) && latest.value.treeSize >= head.treeSize) continue;
    const checkpoint = yield* log.checkpoint(agencyId);
    signed.push({ agencyId, treeSize: checkpoint.treeSize });
  }
  return { signed } satisfies CheckpointPass;
});
