/**
 * One of several writer processes appending to the same agency on PostgreSQL at once, as several server
 * instances would. It reports `ready` once its store is up, starts on a `go` line on stdin, and reports each
 * append (one JSON line) once committed, then `done`.
 *
 *   node --import tsx pg-appender.ts <url> <key dir> <agency> <worker> <appends>
 *
 * Its appends: streams of its own (one or two events each), steps of a wrong-case proceeding of its own,
 * and steps of one proceeding every worker contends for (`shared`: read its version, record the next step,
 * and on StreamConflict read again and retry), with a signed checkpoint every ten appends.
 */
import * as readline from "node:readline";
import { Cause, Effect, Layer, Option, Schema } from "effect";
import {
  AgencyId,
  EventLog,
  EventType,
  newEvent,
  Proceedings,
  postgresStoreLayer,
  proceedingsLayer,
  type RecordedEvent,
  type TreeHead,
} from "../../src/index.js";
import type { AckLine } from "../support/acknowledged-appends.js";
import { decidedAndReferred, wc } from "../support/proceeding-fixtures.js";

const [url, keyDirectory, agency, worker, count] = process.argv.slice(2);
if (url === undefined || keyDirectory === undefined || agency === undefined || worker === undefined) {
  throw new Error("usage: pg-appender.ts <url> <key dir> <agency> <worker> <appends>");
}
const agencyId = AgencyId.make(agency);
const appends = Number(count ?? "40");

const Probe = EventType("ConcurrencyProbe", Schema.Struct({ worker: Schema.String, n: Schema.Int }));

const say = (line: AckLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
const ack = (stream: string, events: ReadonlyArray<RecordedEvent>, head: TreeHead): AckLine => ({
  kind: "append",
  stream,
  ids: events.map((e) => e.id),
  leafIndexes: events.map((e) => e.leafIndex),
  treeSize: head.treeSize,
  rootHash: head.rootHash,
  at: Date.now(),
});

const go = Effect.async<void>((resume) => {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    if (line.trim() === "go") {
      lines.close();
      resume(Effect.void);
    }
  });
});

/** The `shared` proceeding's next step at version v: its script up to the notice, then defence statements. */
const sharedStep = (v: number) => {
  const script = decidedAndReferred("shared").steps;
  return v <= 9 ? script[v] : wc.statement("2025-06-03");
};

const program = Effect.gen(function* () {
  const log = yield* EventLog;
  const proceedings = yield* Proceedings;
  say({ kind: "ready" });
  yield* go;
  const own = decidedAndReferred(`worker-${worker}`).steps;
  let ownVersion = 0;
  let conflicts = 0;
  for (let n = 0; n < appends; n++) {
    if (n % 5 === 1 && ownVersion < own.length) {
      const event = own[ownVersion];
      if (event === undefined) throw new Error("past the script");
      const r = yield* proceedings.recordWrongCase({
        agencyId,
        proceedingId: `worker-${worker}`,
        expectedVersion: ownVersion,
        actor: `user:worker-${worker}`,
        event,
      });
      ownVersion += 1;
      say(ack(r.event.streamId, [r.event], r.treeHead));
    } else if (n % 5 === 3) {
      for (let attempt = 0; ; attempt++) {
        const row = yield* proceedings.wrongCase(agencyId, "shared");
        const version = Option.match(row, { onNone: () => 0, onSome: (r) => r.version });
        const event = sharedStep(version);
        if (event === undefined) throw new Error("past the shared script");
        const r = yield* Effect.either(
          proceedings.recordWrongCase({
            agencyId,
            proceedingId: "shared",
            expectedVersion: version,
            actor: `user:worker-${worker}`,
            event,
          }),
        );
        if (r._tag === "Right") {
          say(ack(r.right.event.streamId, [r.right.event], r.right.treeHead));
          break;
        }
        if (r.left._tag !== "StreamConflict" || attempt > 100) return yield* r.left;
        conflicts += 1;
      }
    } else {
      const events = Array.from({ length: 1 + (n % 2) }, (_, i) =>
        newEvent(Probe, {
          actor: `user:worker-${worker}`,
          citations: [],
          payload: { worker, n: n * 10 + i },
        }),
      );
      const stream = `worker-${worker}/${n}`;
      const r = yield* log.append({ agencyId, streamId: stream, expectedVersion: 0, events });
      say(ack(stream, r.events, r.treeHead));
    }
    if (n % 10 === 9) {
      const c = yield* log.checkpoint(agencyId);
      say({ kind: "checkpoint", treeSize: c.treeSize, rootHash: c.rootHash });
    }
  }
  say({ kind: "done", appends, conflicts });
});

const layer = proceedingsLayer().pipe(
  Layer.provideMerge(postgresStoreLayer({ url, keyDirectory, maxConnections: 2 })),
);

Effect.runPromiseExit(program.pipe(Effect.provide(layer))).then((exit) => {
  if (exit._tag === "Failure")
    process.stderr.write(`pg-appender ${worker} failed: ${Cause.pretty(exit.cause)}\n`);
  process.exit(exit._tag === "Success" ? 0 : 1);
});
