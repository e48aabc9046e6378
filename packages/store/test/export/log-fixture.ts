/**
 * Logs to export and verify: a SQLite file with events appended through the store and checkpoints signed
 * after each batch, as a server would; and the tools of someone who changes the file behind the log's back
 * (better-sqlite3 on the file itself, the append-only triggers dropped). Shared with the `liuhen` command's
 * tests in apps/tui.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type { SqlClient } from "@effect/sql";
import { Cause, Effect, Exit, Layer, Schema, Stream } from "effect";
import {
  type AgencyId,
  EventLog,
  EventType,
  type ExportVerifierOptions,
  exportLog,
  LogExport,
  newEvent,
  type RecordedEvent,
  sqliteStoreLayer,
  verifyExport,
} from "../../src/index.js";

export const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));

export const temporaryDirectory = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export type ExportLayer = Layer.Layer<LogExport | EventLog | SqlClient.SqlClient, unknown>;

/** A store with export and import on a SQLite file. */
export const sqliteExportLayer = (filename: string, keyDirectory: string): ExportLayer =>
  LogExport.layer.pipe(Layer.provideMerge(sqliteStoreLayer({ filename, keyDirectory })));

/** Runs a test's program on a layer; a failure throws with its tag and cause shown. */
export const runOn = async <A, E>(
  layer: ExportLayer,
  program: Effect.Effect<A, E, LogExport | EventLog | SqlClient.SqlClient>,
): Promise<A> => {
  const exit = await Effect.runPromiseExit(program.pipe(Effect.provide(layer)));
  if (Exit.isSuccess(exit)) return exit.value;
  throw new Error(Cause.pretty(exit.cause));
};

/** Runs a program and returns its exit, for tests that expect a failure. */
export const exitOn = <A, E>(
  layer: ExportLayer,
  program: Effect.Effect<A, E, LogExport | EventLog | SqlClient.SqlClient>,
) => Effect.runPromiseExit(program.pipe(Effect.provide(layer)));

/**
 * Appends batches of notes, one stream per batch, and signs a checkpoint after each batch: `[4, 4, 4]` makes
 * twelve events and checkpoints at 4, 8 and 12. Returns the events in leaf order.
 */
export const appendBatches = (agencyId: AgencyId, batches: ReadonlyArray<number>, label = "note") =>
  Effect.gen(function* () {
    const log = yield* EventLog;
    const events: Array<RecordedEvent> = [];
    for (const [b, size] of batches.entries()) {
      const appended = yield* log.append({
        agencyId,
        streamId: `case/${label}-${b}`,
        expectedVersion: 0,
        events: Array.from({ length: size }, (_, i) =>
          newEvent(NoteWritten, {
            actor: "user:li.ming",
            citations: ["WC.6.9"],
            payload: { text: `${label} ${b}.${i}` },
          }),
        ),
      });
      events.push(...appended.events);
      yield* log.checkpoint(agencyId);
    }
    return events;
  });

/** The agency's export as lines. */
export const exportLines = (agencyId: AgencyId, pageSize?: number) =>
  Effect.gen(function* () {
    const lines: Array<string> = [];
    const pages: Array<number> = [];
    const summary = yield* exportLog(
      agencyId,
      (page) =>
        Effect.sync(() => {
          pages.push(page.length);
          lines.push(...page);
        }),
      { pageSize },
    );
    return { lines, pages, summary };
  });

/** Verifies export lines held in memory. */
export const verifyLines = (lines: ReadonlyArray<string>, options?: ExportVerifierOptions) =>
  Effect.runPromise(verifyExport(Stream.fromIterable(lines), options));

/** The line of the event at leaf `leaf`: after the header and the checkpoints. */
export const eventLineIndex = (lines: ReadonlyArray<string>, leaf: number): number => {
  const first = lines.findIndex((line) => line.startsWith('{"kind":"event"'));
  return first + leaf;
};

/** Rewrites the event line of leaf `leaf` through `change` on its parsed JSON. */
export const editEventLine = (
  lines: ReadonlyArray<string>,
  leaf: number,
  change: (line: {
    leaf_index: number;
    leaf_hash: string;
    subtrees: unknown[];
    event: Record<string, unknown>;
  }) => void,
): Array<string> => {
  const copy = [...lines];
  const at = eventLineIndex(copy, leaf);
  const json = JSON.parse(copy[at] as string);
  change(json);
  copy[at] = JSON.stringify(json);
  return copy;
};

interface Statement {
  run(...parameters: ReadonlyArray<unknown>): unknown;
  all(...parameters: ReadonlyArray<unknown>): ReadonlyArray<Record<string, unknown>>;
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

// better-sqlite3, the driver beneath @effect/sql-sqlite-node, used raw: what someone with the file would do.
const openDatabase = createRequire(import.meta.url)("better-sqlite3") as new (filename: string) => Database;

/** Opens the database file directly, drops the append-only triggers, runs `change`, and closes it. */
export const tamperWith = (filename: string, change: (db: Database) => void): void => {
  const db = new openDatabase(filename);
  try {
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${String(name)}"`);
    change(db);
  } finally {
    db.close();
  }
};

/** Changes the stored payload of the event at `leaf`, leaving its recorded leaf hash as it was. */
export const alterPayload = (filename: string, agencyId: string, leaf: number, payload: unknown): void =>
  tamperWith(filename, (db) => {
    db.prepare("UPDATE events SET payload = ? WHERE agency_id = ? AND leaf_index = ?").run(
      JSON.stringify(payload),
      agencyId,
      leaf,
    );
  });

export const deleteEvent = (filename: string, agencyId: string, leaf: number): void =>
  tamperWith(filename, (db) => {
    db.prepare("DELETE FROM events WHERE agency_id = ? AND leaf_index = ?").run(agencyId, leaf);
  });

/** Swaps the positions of two event rows; each row keeps its own content and recorded leaf hash. */
export const swapEvents = (filename: string, agencyId: string, a: number, b: number): void =>
  tamperWith(filename, (db) => {
    const move = db.prepare("UPDATE events SET leaf_index = ? WHERE agency_id = ? AND leaf_index = ?");
    const aside = 1_000_000_000;
    move.run(aside, agencyId, a);
    move.run(a, agencyId, b);
    move.run(b, agencyId, aside);
  });
