/**
 * A loop to profile: `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/dist/tools/profile-append.js [seconds]`
 * appends generated events, one per transaction, to a fresh SQLite store for that long (default 10 s).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventLog, sqliteStoreLayer } from "@liuhen/store";
import { Effect, ManagedRuntime } from "effect";
import { eventSource } from "../corpus/generate.js";
import { appendRequest } from "../rows/event-log-data.js";

const seconds = Number(process.argv[2] ?? "10");
const dir = mkdtempSync(join(tmpdir(), "liuhen-profile-append-"));
const runtime = ManagedRuntime.make(
  sqliteStoreLayer({ filename: join(dir, "store.db"), keyDirectory: join(dir, "keys") }),
);
const source = eventSource({ seed: "liuhen-events-sqlite" });
const batch = Array.from({ length: 200 }, () => source.next());
const end = performance.now() + seconds * 1000;
let n = 0;
try {
  await runtime.runPromise(
    Effect.flatMap(EventLog, (log) =>
      Effect.gen(function* () {
        while (performance.now() < end) {
          for (const e of batch) yield* log.append(appendRequest(e));
          n += batch.length;
          batch.splice(0, batch.length, ...Array.from({ length: 200 }, () => source.next()));
        }
      }),
    ),
  );
} finally {
  await runtime.dispose();
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${n} appends in ${seconds} s (${Math.round(n / seconds)}/s)\n`);
