/**
 * Online backup of the SQLite store while a writer in another process keeps appending (append-loop.ts),
 * and restore. The backup must open, pass the store's own checks, and hold a head the live log had: its
 * tree a prefix of the live tree, proved by a consistency proof checked against an independent RFC 6962
 * computation of the live head.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SqlClient } from "@effect/sql";
import { Effect, Layer, Schema } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import {
  AgencyId,
  backupSqlite,
  checkSqliteFile,
  EventLog,
  EventType,
  Merkle,
  MIGRATION_NAMES,
  newEvent,
  proceedingsLayer,
  rebuildProjections,
  restoreSqlite,
  type SqliteFileCheck,
  sqliteStoreLayer,
} from "../../src/index.js";
import { type AckLine, appendsOf, checkAcknowledged, readAll } from "../support/acknowledged-appends.js";
import { runScript } from "../support/child-process.js";
import { contactLegitimate, recordScripts, reinvestigating } from "../support/proceeding-fixtures.js";
import { snapshotProjections } from "../support/projection-snapshot.js";
import { referenceHead, referenceLeaf } from "../support/reference-merkle.js";

const APPEND_LOOP = new URL("../crash/append-loop.ts", import.meta.url);
const Bulk = EventType("BulkNote", Schema.Struct({ n: Schema.Int, text: Schema.String }));

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect);

describe("online backup and restore of SQLite", () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liuhen-backup-"));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const filename = path.join(directory, "live.db");
  const keyDirectory = path.join(directory, "keys");
  const agencyId = AgencyId.make("backup-msa");
  const store = (file = filename) =>
    proceedingsLayer().pipe(Layer.provideMerge(sqliteStoreLayer({ filename: file, keyDirectory })));
  const backups: Array<SqliteFileCheck> = [];
  let acks: ReturnType<typeof appendsOf> = [];

  it("copies a consistent prefix of the live log while another process keeps appending", async () => {
    // Some megabytes of log first, so that the copy takes long enough for appends to land meanwhile.
    await run(
      Effect.gen(function* () {
        const log = yield* EventLog;
        yield* recordScripts(agencyId, [reinvestigating("seed-1"), contactLegitimate("seed-2")]);
        const text = "全程留痕，有据可查。".repeat(4000);
        for (let n = 0; n < 120; n++) {
          yield* log.append({
            agencyId,
            streamId: `bulk/${n}`,
            expectedVersion: 0,
            events: [newEvent(Bulk, { actor: "user:seed", citations: ["IF.3"], payload: { n, text } })],
          });
        }
        yield* log.checkpoint(agencyId);
      }).pipe(Effect.provide(store())),
    );

    const writer = runScript<AckLine>(APPEND_LOOP, [filename, keyDirectory, agencyId, "backup"]);
    try {
      await writer.waitFor((lines) => appendsOf(lines).length >= 20, 60_000);
      // A backup that happens to fall between two appends proves nothing about concurrency: try again, a few times.
      let overlapped = 0;
      for (let attempt = 1; attempt <= 4 && overlapped === 0; attempt++) {
        const acknowledgedBefore = Math.max(...appendsOf(writer.lines).map((a) => a.treeSize));
        const started = Date.now();
        const backup = await run(
          backupSqlite(filename, path.join(directory, `backup-${attempt}.db`), { keyDirectory }),
        );
        const finished = Date.now();
        backups.push(backup);
        const [copied] = backup.logs;
        expect(copied?.agencyId).toBe(agencyId);
        expect(copied?.treeSize).toBeGreaterThanOrEqual(acknowledgedBefore);
        expect(copied?.signaturesChecked).toBeGreaterThan(0);
        expect(backup.migrations).toEqual(MIGRATION_NAMES);
        // Appends go on after the copy: wait for one past it.
        await writer.waitFor(
          (lines) => appendsOf(lines).some((a) => a.treeSize > (copied?.treeSize ?? 0) + 5),
          60_000,
        );
        overlapped = appendsOf(writer.lines).filter((a) => a.at >= started && a.at <= finished).length;
      }
      expect(overlapped, "appends committed while a backup ran").toBeGreaterThan(0);
      // The same check reads the live file consistently too, appends notwithstanding: one snapshot per log.
      const liveCheck = await run(checkSqliteFile(filename, { keyDirectory }));
      expect(liveCheck.logs[0]?.treeSize).toBeGreaterThanOrEqual(
        backups[backups.length - 1]?.logs[0]?.treeSize ?? 0,
      );
    } finally {
      writer.child.kill("SIGKILL");
      await writer.exited;
    }
    acks = appendsOf(writer.lines);

    // Every backup's head is a head the live log had: a consistency proof from it to the live head verifies.
    await run(
      Effect.gen(function* () {
        const log = yield* EventLog;
        const live = yield* readAll(agencyId);
        const liveHead = referenceHead(live.map(referenceLeaf));
        for (const backup of backups) {
          const copied = backup.logs[0];
          if (copied === undefined) throw new Error("a backup without the agency's log");
          expect(copied.treeSize).toBeLessThanOrEqual(live.length);
          expect(copied.rootHash).toBe(referenceHead(live.slice(0, copied.treeSize).map(referenceLeaf)));
          const proof = yield* log.consistencyProof(agencyId, copied.treeSize, live.length);
          expect(
            Merkle.verifyConsistency({
              fromSize: copied.treeSize,
              toSize: live.length,
              fromRoot: Merkle.fromHex(copied.rootHash),
              toRoot: Merkle.fromHex(liveHead),
              path: proof.path.map(Merkle.fromHex),
            }),
          ).toBe(true);
        }
      }).pipe(Effect.provide(store())),
    );
  }, 180_000);

  it("restores a backup as a database that opens, holds every append acknowledged before the copy, and takes new ones", async () => {
    const backup = backups[backups.length - 1];
    const copied = backup?.logs[0];
    if (backup === undefined || copied === undefined) throw new Error("no backup to restore");
    const restored = path.join(directory, "restored.db");
    const check = await run(restoreSqlite(backup.file, restored, { keyDirectory }));
    expect(check.logs).toEqual(backup.logs);

    const inBackup = acks.filter((a) => a.treeSize <= copied.treeSize);
    expect(inBackup.length).toBeGreaterThan(0);
    const result = await run(
      Effect.gen(function* () {
        const log = yield* EventLog;
        const checked = yield* checkAcknowledged(agencyId, inBackup);
        const live = yield* snapshotProjections();
        yield* rebuildProjections();
        const rebuilt = yield* snapshotProjections();
        const next = yield* log.append({
          agencyId,
          streamId: "after-restore",
          expectedVersion: 0,
          events: [
            newEvent(Bulk, { actor: "user:restore", citations: [], payload: { n: 0, text: "恢复后" } }),
          ],
        });
        return { checked, live, rebuilt, next };
      }).pipe(Effect.provide(store(restored))),
    );
    expect(result.checked.problems).toEqual([]);
    expect(result.checked.events.length).toBe(copied.treeSize);
    expect(result.rebuilt).toEqual(result.live);
    expect(result.next.treeHead.treeSize).toBe(copied.treeSize + 1);
  }, 120_000);

  it("refuses to overwrite, to copy what is not a database, and to pass a backup edited behind the log's back", async () => {
    const backup = backups[0];
    if (backup === undefined) throw new Error("no backup");
    const taken = await run(Effect.flip(backupSqlite(filename, backup.file)));
    expect([taken._tag, taken.message]).toEqual([
      "BackupFailed",
      expect.stringMatching(/exists; move it aside/),
    ]);
    const overRestore = await run(Effect.flip(restoreSqlite(backup.file, filename)));
    expect(overRestore._tag).toBe("BackupFailed");
    const notes = path.join(directory, "notes.txt");
    fs.writeFileSync(notes, "not a database");
    const notDatabase = await run(Effect.flip(backupSqlite(notes, path.join(directory, "x.db"))));
    expect([notDatabase._tag, notDatabase.message]).toEqual([
      "BackupFailed",
      expect.stringMatching(/not an SQLite database/),
    ]);
    expect(fs.existsSync(path.join(directory, "x.db"))).toBe(false);

    // An administrator edits an event in a copy of the backup, with the trigger dropped.
    const tampered = path.join(directory, "tampered.db");
    fs.copyFileSync(backup.file, tampered);
    await run(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`DROP TRIGGER events_no_update`;
        yield* sql`UPDATE events SET actor = ${"someone else"} WHERE agency_id = ${agencyId} AND leaf_index = 3`;
      }).pipe(Effect.provide(sqliteStoreLayer({ filename: tampered, keyDirectory }))),
    );
    const caught = await run(Effect.flip(checkSqliteFile(tampered, { keyDirectory })));
    expect([caught._tag, caught.message]).toEqual([
      "LogCorrupted",
      expect.stringMatching(/leaf 3 does not match its leaf hash/),
    ]);
    const restoredTampered = await run(Effect.flip(restoreSqlite(tampered, path.join(directory, "bad.db"))));
    expect(restoredTampered._tag).toBe("LogCorrupted");
    expect(fs.existsSync(path.join(directory, "bad.db"))).toBe(false);
  }, 120_000);
});
