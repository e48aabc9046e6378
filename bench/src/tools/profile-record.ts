/**
 * A loop to profile: `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/dist/tools/profile-record.js [seconds]`
 * records generated interference contacts through `Proceedings.recordInterference` (append + projection, one
 * transaction each) on a fresh SQLite store for that long (default 10 s).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InterferenceRecorded } from "@liuhen/domain";
import { Proceedings, proceedingsLayer, sqliteStoreLayer } from "@liuhen/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { contactSource } from "../corpus/generate.js";

const seconds = Number(process.argv[2] ?? "10");
const dir = mkdtempSync(join(tmpdir(), "liuhen-profile-record-"));
const runtime = ManagedRuntime.make(
  proceedingsLayer().pipe(
    Layer.provideMerge(
      sqliteStoreLayer({ filename: join(dir, "store.db"), keyDirectory: join(dir, "keys") }),
    ),
  ),
);
const contacts = contactSource({ seed: "liuhen-records-sqlite" });
const end = performance.now() + seconds * 1000;
let n = 0;
try {
  await runtime.runPromise(
    Effect.flatMap(Proceedings, (proceedings) =>
      Effect.gen(function* () {
        while (performance.now() < end) {
          const c = contacts.next();
          yield* proceedings.recordInterference({
            agencyId: c.agencyId,
            proceedingId: c.recordId,
            expectedVersion: 0,
            actor: c.actor,
            event: InterferenceRecorded.make(c.event as Parameters<typeof InterferenceRecorded.make>[0]),
          });
          n += 1;
        }
      }),
    ),
  );
} finally {
  await runtime.dispose();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${n} records in ${seconds} s (${Math.round(n / seconds)}/s)\n`);
