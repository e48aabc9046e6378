/**
 * A writer for the crash and backup tests: appends to one agency's log in an SQLite file until killed, and
 * reports each append on stdout (one JSON line, written synchronously) only after it has committed.
 *
 *   node --import tsx append-loop.ts <db file> <key dir> <agency> <label> [padding]
 *
 * It mixes plain appends of one to three events, steps of wrong-case proceedings and interference records
 * (through `Proceedings`, so their projection rows commit with them), and a signed checkpoint now and then.
 * `label` keeps each run's streams apart; `padding` makes each plain event that many characters longer.
 */
import { Effect, Layer, Schema } from "effect";
import {
  AgencyId,
  EventLog,
  EventType,
  newEvent,
  Proceedings,
  proceedingsLayer,
  type RecordedEvent,
  type TreeHead,
} from "../../src/index.js";
import { sqliteStoreLayer } from "../../src/sqlite/sqlite-store.js";
import type { AckLine } from "../support/acknowledged-appends.js";
import { decidedAndReferred, interferenceFound } from "../support/proceeding-fixtures.js";

const [filename, keyDirectory, agency, label, padding = "0"] = process.argv.slice(2);
if (filename === undefined || keyDirectory === undefined || agency === undefined || label === undefined) {
  throw new Error("usage: append-loop.ts <db file> <key dir> <agency> <label> [padding]");
}
const agencyId = AgencyId.make(agency);

const Probe = EventType(
  "CrashProbe",
  Schema.Struct({ label: Schema.String, n: Schema.Int, text: Schema.String }),
);

// process.stdout writes to a pipe synchronously on Linux: once `say` returns, the line is the parent's.
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

const program = Effect.gen(function* () {
  const log = yield* EventLog;
  const proceedings = yield* Proceedings;
  const text = "留痕".repeat(Math.max(0, Number(padding)) / 2);
  const wrongCase = { n: 0, version: 0 };
  const interference = { n: 0, version: 0 };
  say({ kind: "ready" });
  for (let n = 0; ; n++) {
    if (n % 4 === 1) {
      const id = `${label}-wc-${wrongCase.n}`;
      const steps = decidedAndReferred(id).steps;
      const event = steps[wrongCase.version] ?? steps[0];
      if (event === undefined) throw new Error("an empty script");
      const r = yield* proceedings.recordWrongCase({
        agencyId,
        proceedingId: id,
        expectedVersion: wrongCase.version,
        actor: "user:crash",
        event,
      });
      say(ack(r.event.streamId, [r.event], r.treeHead));
      wrongCase.version += 1;
      if (wrongCase.version === steps.length) Object.assign(wrongCase, { n: wrongCase.n + 1, version: 0 });
    } else if (n % 4 === 3) {
      const id = `${label}-if-${interference.n}`;
      const steps = interferenceFound(id).steps;
      const event = steps[interference.version] ?? steps[0];
      if (event === undefined) throw new Error("an empty script");
      const r = yield* proceedings.recordInterference({
        agencyId,
        proceedingId: id,
        expectedVersion: interference.version,
        actor: "user:crash",
        event,
      });
      say(ack(r.event.streamId, [r.event], r.treeHead));
      interference.version += 1;
      if (interference.version === steps.length)
        Object.assign(interference, { n: interference.n + 1, version: 0 });
    } else {
      const events = Array.from({ length: 1 + (n % 3) }, (_, i) =>
        newEvent(Probe, {
          actor: "user:crash",
          citations: ["IF.3"],
          payload: { label, n: n * 10 + i, text },
        }),
      );
      const r = yield* log.append({ agencyId, streamId: `probe/${label}/${n}`, expectedVersion: 0, events });
      say(ack(`probe/${label}/${n}`, r.events, r.treeHead));
    }
    if (n % 10 === 9) {
      const c = yield* log.checkpoint(agencyId);
      say({ kind: "checkpoint", treeSize: c.treeSize, rootHash: c.rootHash });
    }
  }
});

const layer = proceedingsLayer().pipe(Layer.provideMerge(sqliteStoreLayer({ filename, keyDirectory })));

Effect.runPromiseExit(program.pipe(Effect.provide(layer))).then((exit) => {
  // The loop only ends by failing: say why on stderr for the test's report.
  process.stderr.write(`append-loop stopped: ${String(exit)}\n`);
  process.exit(1);
});
