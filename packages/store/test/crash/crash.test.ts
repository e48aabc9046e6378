/**
 * Crash safety of the embedded store. A writer process (append-loop.ts) appends to one SQLite file and
 * reports each append once committed; it is killed with SIGKILL at a random moment — between transactions
 * or inside one — in several rounds on the same file. After each kill the store is opened again and must
 * hold a log that checks through (every leaf recomputes, the head is consistent, every signed checkpoint
 * still matches and opens), with every acknowledged append at its acknowledged leaf and every acknowledged
 * head a prefix of the tree, and projections identical to a rebuild from the log (they committed with
 * their events or not at all).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Effect, Layer } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { AgencyId, proceedingsLayer, rebuildProjections, sqliteStoreLayer } from "../../src/index.js";
import {
  type AckLine,
  type AppendAck,
  appendsOf,
  type CheckpointAck,
  checkAcknowledged,
  checkpointsOf,
} from "../support/acknowledged-appends.js";
import { runScript, sleep } from "../support/child-process.js";
import { snapshotProjections } from "../support/projection-snapshot.js";

const APPEND_LOOP = new URL("./append-loop.ts", import.meta.url);
const ROUNDS = 5;

describe("crash safety on SQLite", () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liuhen-crash-"));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("keeps every append acknowledged before a SIGKILL, in one consistent tree, round after round", async () => {
    const filename = path.join(directory, "liuhen.db");
    const keyDirectory = path.join(directory, "keys");
    const agencyId = AgencyId.make("crash-msa");
    const store = () =>
      proceedingsLayer().pipe(Layer.provideMerge(sqliteStoreLayer({ filename, keyDirectory })));
    // The database exists and is migrated before the first writer starts.
    await Effect.runPromise(Effect.provide(Effect.void, store()));

    const appends: Array<AppendAck> = [];
    const checkpoints: Array<CheckpointAck> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const writer = runScript<AckLine>(APPEND_LOOP, [filename, keyDirectory, agencyId, `round-${round}`]);
      await writer.waitFor((lines) => lines.some((l) => l.kind === "append"), 60_000);
      const delay = 100 + Math.floor(Math.random() * 1400);
      await sleep(delay);
      writer.child.kill("SIGKILL");
      const exit = await writer.exited;
      expect(exit.signal, writer.stderr()).toBe("SIGKILL");
      const acknowledged = appendsOf(writer.lines);
      appends.push(...acknowledged);
      checkpoints.push(...checkpointsOf(writer.lines));

      const after = await Effect.runPromise(
        Effect.gen(function* () {
          const checked = yield* checkAcknowledged(agencyId, appends, checkpoints);
          const live = yield* snapshotProjections();
          yield* rebuildProjections(agencyId);
          return { checked, live, rebuilt: yield* snapshotProjections() };
        }).pipe(Effect.provide(store())),
      );
      const context = `round ${round}, killed ${delay} ms after the first acknowledgement, ${acknowledged.length} acknowledged`;
      expect(after.checked.problems, context).toEqual([]);
      const lastAcknowledged = Math.max(0, ...appends.map((a) => a.treeSize));
      expect(after.checked.events.length, context).toBeGreaterThanOrEqual(lastAcknowledged);
      expect(after.rebuilt, context).toEqual(after.live);
    }
    expect(appends.length).toBeGreaterThan(ROUNDS);
    expect(checkpoints.length).toBeGreaterThan(0);
  }, 300_000);
});
