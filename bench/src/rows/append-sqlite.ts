/**
 * Row `append-sqlite`: `EventLog.append` of one event per transaction on the embedded SQLite store
 * (`sqliteStoreLayer`: the event checked and encoded, its canonical form hashed into the agency's Merkle
 * tree, the event, the completed subtrees and the new size written, in one transaction) against raw
 * better-sqlite3 inserts of the same rows into a table of the same shape, one per transaction, on a
 * connection with the same pragmas (read from the store's own connection).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqlClient } from "@effect/sql";
import { InterferenceRecorded } from "@liuhen/domain";
import { EventLog, Proceedings, proceedingsLayer, sqliteStoreLayer } from "@liuhen/store";
import Database from "better-sqlite3";
import { Effect, Layer, ManagedRuntime } from "effect";
import {
  contactSource,
  eventSource,
  type ProceedingEvent,
  type RecordedContact,
} from "../corpus/generate.js";
import { type Contender, measure } from "../lib/measure.js";
import { figure, rateCheck, ratioCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";
import { appendRequest, RAW_COLUMNS, type RawRow, rawEventsTable, rawRow } from "./event-log-data.js";

const TARGET_RATE = 5_000;
const TARGET_VS_RAW = 0.3;

const take = (source: { readonly next: () => ProceedingEvent }, n: number) =>
  Array.from({ length: n }, () => source.next());

export const appendSqliteRow: Row = {
  id: "append-sqlite",
  title: "event append with Merkle update, one event per transaction, SQLite (WAL)",
  unit: "appends/s",
  run: async ({ plan, log }): Promise<RowOutcome> => {
    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-sqlite-"));
    // The store with the proceeding projections registered: EventLog.append alone for the main figure,
    // Proceedings (append + projection in the same transaction) for the second.
    const runtime = ManagedRuntime.make(
      proceedingsLayer().pipe(
        Layer.provideMerge(
          sqliteStoreLayer({ filename: join(dir, "store.db"), keyDirectory: join(dir, "keys") }),
        ),
      ),
    );
    const raw = new Database(join(dir, "raw.db"));
    try {
      // The store's own connection says which pragmas it runs with; the raw connection gets the same.
      const pragmas = await runtime.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          const [journal] = yield* sql<{ journal_mode: string }>`PRAGMA journal_mode`;
          const [sync] = yield* sql<{ synchronous: number }>`PRAGMA synchronous`;
          const [fk] = yield* sql<{ foreign_keys: number }>`PRAGMA foreign_keys`;
          return {
            journal_mode: journal?.journal_mode,
            synchronous: sync?.synchronous,
            foreign_keys: fk?.foreign_keys,
          };
        }),
      );
      raw.pragma(`journal_mode = ${pragmas.journal_mode}`);
      raw.pragma(`synchronous = ${pragmas.synchronous}`);
      raw.pragma(`foreign_keys = ${pragmas.foreign_keys}`);
      const rawPragmas = {
        journal_mode: raw.pragma("journal_mode", { simple: true }),
        synchronous: raw.pragma("synchronous", { simple: true }),
        foreign_keys: raw.pragma("foreign_keys", { simple: true }),
      };
      log(`append-sqlite: store pragmas ${JSON.stringify(pragmas)}, raw ${JSON.stringify(rawPragmas)}`);
      raw.exec(rawEventsTable("events"));
      const insert = raw.prepare(
        `INSERT INTO events (${RAW_COLUMNS.join(", ")}) VALUES (${RAW_COLUMNS.map((c) => `@${c}`).join(", ")})`,
      );
      const insertOne = raw.transaction((row: RawRow) => insert.run(row));

      const storeSource = eventSource({ seed: "liuhen-events-sqlite" });
      let storeBatch: ReadonlyArray<ProceedingEvent> = [];
      const store: Contender = {
        name: "store",
        prepare: (n) => {
          storeBatch = take(storeSource, n);
        },
        run: () =>
          runtime.runPromise(
            Effect.flatMap(EventLog, (eventLog) =>
              Effect.forEach(storeBatch, (e) => eventLog.append(appendRequest(e)), { discard: true }),
            ),
          ),
      };

      const contacts = contactSource({ seed: "liuhen-records-sqlite" });
      let contactBatch: ReadonlyArray<RecordedContact> = [];
      const projected: Contender = {
        name: "projected",
        prepare: (n) => {
          contactBatch = Array.from({ length: n }, () => contacts.next());
        },
        run: () =>
          runtime.runPromise(
            Effect.flatMap(Proceedings, (proceedings) =>
              Effect.forEach(
                contactBatch,
                (c) =>
                  proceedings.recordInterference({
                    agencyId: c.agencyId,
                    proceedingId: c.recordId,
                    expectedVersion: 0,
                    actor: c.actor,
                    event: InterferenceRecorded.make(
                      c.event as Parameters<typeof InterferenceRecorded.make>[0],
                    ),
                  }),
                { discard: true },
              ),
            ),
          ),
      };

      const rawSource = eventSource({ seed: "liuhen-events-sqlite" });
      const leaves = new Map<string, number>();
      let rawBatch: ReadonlyArray<RawRow> = [];
      const rawContender: Contender = {
        name: "raw",
        prepare: (n) => {
          rawBatch = take(rawSource, n).map((e) => {
            const leaf = leaves.get(e.agencyId) ?? 0;
            leaves.set(e.agencyId, leaf + 1);
            return rawRow(e, leaf);
          });
        },
        run: () => {
          for (const row of rawBatch) insertOne(row);
        },
      };

      log(`append-sqlite: measuring (${plan.rounds} rounds of ~${plan.roundMs} ms each)`);
      const m = await measure([store, rawContender, projected], plan);
      const storeFigure = figure(m.stat("store"), "EventLog.append");
      const rawFigure = figure(m.stat("raw"), "raw insert");
      const projectedFigure = figure(m.stat("projected"), "append + projection");
      const appended = [...leaves.values()].reduce((a, b) => a + b, 0);
      return {
        status: "measured",
        checks: [
          rateCheck("appends, one per transaction", storeFigure, TARGET_RATE, "/s"),
          ratioCheck(
            "vs raw better-sqlite3",
            storeFigure,
            rawFigure,
            m.ratio("store", "raw"),
            TARGET_VS_RAW,
            "≥ 0.3",
          ),
          ratioCheck(
            "with projection, vs raw",
            projectedFigure,
            rawFigure,
            m.ratio("projected", "raw"),
            TARGET_VS_RAW,
            "≥ 0.3",
          ),
        ],
        notes: [
          `Store: sqliteStoreLayer on a fresh file; each operation is one EventLog.append of one generated proceeding event (4 agencies, wrong-case and interference streams at every stage; seed liuhen-events-sqlite), one transaction: head row upsert, stream version, tree edge, event + Merkle nodes + size.`,
          "Raw: better-sqlite3 INSERT of the row the store would write (same columns, canonical JSON, leaf hash; built before timing) into a table with the same keys and checks, one transaction each (BEGIN … COMMIT).",
          "With projection: Proceedings.recordInterference of a new interference record (IF.3, seed liuhen-records-sqlite): the domain's state machine checks the step, the event is appended and the interference_records projection row written in the same transaction (the projections in packages/store/src/projections, still being built).",
          `Pragmas of the store's connection, applied to the raw one: ${JSON.stringify(pragmas)} (synchronous 1 = NORMAL, 2 = FULL).`,
        ],
        details: { pragmas, rawPragmas, rawRowsWritten: appended, directory: dir },
      };
    } finally {
      raw.close();
      await runtime.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
