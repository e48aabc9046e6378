/**
 * Row `append-postgres`: `EventLog.append` of one event per transaction on PostgreSQL with 8 concurrent
 * writers to one agency (each on streams of its own, all queueing on the agency's log_heads row lock, as
 * several server processes of one bureau would), against raw `pg` inserts of the same rows at the same
 * concurrency (8 connections, one INSERT per transaction, no lock to share).
 *
 * The row runs in a database of its own (`liuhen_bench_<random>`), dropped afterwards. If no server answers,
 * the row is skipped and says why: that is not a failure.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventLog, postgresStoreLayer } from "@liuhen/store";
import { Effect, ManagedRuntime } from "effect";
import pg from "pg";
import { eventSource, type ProceedingEvent } from "../corpus/generate.js";
import { type Contender, measure } from "../lib/measure.js";
import { figure, ratioCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";
import { appendRequest, RAW_COLUMNS, type RawRow, rawEventsTable, rawRow } from "./event-log-data.js";

const TARGET_VS_RAW = 0.3;
const WRITERS = 8;
const AGENCY = "qianjiang-msa";

/** Where the server is: LIUHEN_BENCH_PG_URL, else the machines' local server (trust auth). */
const serverUrl = () => process.env.LIUHEN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** `n` split over the writers, as evenly as it goes. */
const shares = (n: number) =>
  Array.from({ length: WRITERS }, (_, i) => Math.floor(n / WRITERS) + (i < n % WRITERS ? 1 : 0));

export const appendPostgresRow: Row = {
  id: "append-postgres",
  title: `event append with Merkle update, one event per transaction, PostgreSQL, ${WRITERS} writers to one agency`,
  unit: "appends/s",
  run: async ({ plan, log }): Promise<RowOutcome> => {
    const url = serverUrl();
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (error) {
      return {
        status: "skipped",
        reason: `PostgreSQL unreachable at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`,
        checks: [],
        notes: ["Set LIUHEN_BENCH_PG_URL to a server where the bench may create and drop a database."],
      };
    }
    const database = `liuhen_bench_${randomBytes(6).toString("hex")}`;
    const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]
      ?.server_version;
    const settings = Object.fromEntries(
      (
        await admin.query<{ name: string; setting: string }>(
          "SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'default_transaction_isolation')",
        )
      ).rows.map((r) => [r.name, r.setting]),
    );
    await admin.query(`CREATE DATABASE ${database}`);
    log(`append-postgres: PostgreSQL ${version}, database ${database}, settings ${JSON.stringify(settings)}`);
    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-pg-"));
    const databaseUrl = withDatabase(url, database);
    const runtime = ManagedRuntime.make(
      postgresStoreLayer({ url: databaseUrl, keyDirectory: join(dir, "keys"), maxConnections: WRITERS }),
    );
    const pool = new pg.Pool({ connectionString: databaseUrl, max: WRITERS });
    // An idle client's error (a server shutting it) is not the measurement's concern; keep it from killing the run.
    pool.on("error", (e) => log(`append-postgres: idle connection: ${e.message}`));
    try {
      await runtime.runPromise(Effect.asVoid(EventLog)); // migrations applied
      await pool.query(rawEventsTable("raw_events"));
      const insert = `INSERT INTO raw_events (${RAW_COLUMNS.join(", ")}) VALUES (${RAW_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`;

      // Each writer has streams of its own (a prefix), so appends never conflict, only queue on the agency.
      const storeSources = Array.from({ length: WRITERS }, (_, w) =>
        eventSource({ seed: `liuhen-events-pg-${w}`, agencies: { [AGENCY]: 1 }, streamPrefix: `w${w}-` }),
      );
      let storeBatches: ReadonlyArray<ReadonlyArray<ProceedingEvent>> = [];
      const store: Contender = {
        name: "store",
        prepare: (n) => {
          storeBatches = shares(n).map((k, w) =>
            Array.from({ length: k }, () => (storeSources[w] as (typeof storeSources)[number]).next()),
          );
        },
        run: () =>
          runtime.runPromise(
            Effect.flatMap(EventLog, (eventLog) =>
              Effect.forEach(
                storeBatches,
                (batch) => Effect.forEach(batch, (e) => eventLog.append(appendRequest(e)), { discard: true }),
                { concurrency: WRITERS, discard: true },
              ),
            ),
          ),
      };

      const rawSources = Array.from({ length: WRITERS }, (_, w) =>
        eventSource({ seed: `liuhen-events-pg-${w}`, agencies: { [AGENCY]: 1 }, streamPrefix: `w${w}-` }),
      );
      let leaf = 0;
      let rawBatches: ReadonlyArray<ReadonlyArray<RawRow>> = [];
      const raw: Contender = {
        name: "raw",
        prepare: (n) => {
          rawBatches = shares(n).map((k, w) =>
            Array.from({ length: k }, () =>
              rawRow((rawSources[w] as (typeof rawSources)[number]).next(), leaf++),
            ),
          );
        },
        run: async () => {
          await Promise.all(
            rawBatches.map(async (batch) => {
              const client = await pool.connect();
              try {
                for (const row of batch)
                  await client.query(
                    insert,
                    RAW_COLUMNS.map((c) => row[c]),
                  );
              } finally {
                client.release();
              }
            }),
          );
        },
      };

      log(
        `append-postgres: measuring (${plan.rounds} rounds of ~${plan.roundMs} ms each, ${WRITERS} writers each)`,
      );
      const m = await measure([store, raw], plan);
      // The server's share of the work is in another process: only wall-clock rates mean anything here.
      const storeFigure = figure(m.stat("store"), `EventLog.append ×${WRITERS}`, false);
      const rawFigure = figure(m.stat("raw"), `raw INSERT ×${WRITERS}`, false);
      const counts = await pool.query<{ events: string; raw: string }>(
        "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM raw_events) AS raw",
      );
      return {
        status: "measured",
        checks: [
          ratioCheck(
            "vs raw pg, 8 writers",
            storeFigure,
            rawFigure,
            m.ratio("store", "raw"),
            TARGET_VS_RAW,
            "≥ 0.3",
          ),
        ],
        notes: [
          `PostgreSQL ${version} at ${new URL(url).host}, database ${database} (created for the run, dropped after); ${JSON.stringify(settings)}.`,
          `Store: postgresStoreLayer (pool of ${WRITERS}); ${WRITERS} writers append concurrently to agency ${AGENCY}, each to streams of its own (seeds liuhen-events-pg-0…7), one event per append and transaction; they queue on the agency's log_heads row lock by design (one order per agency).`,
          `Raw: pg.Pool of ${WRITERS}; ${WRITERS} loops INSERT the rows the store would write (built before timing) into a table of the same shape, one statement per transaction (autocommit), nothing shared but the table.`,
        ],
        details: {
          server: { version, settings },
          database,
          rows: counts.rows[0],
        },
      };
    } finally {
      await pool.end().catch(() => undefined);
      await runtime.dispose().catch(() => undefined);
      // Drop only once the pools' connections have gone: terminating them (WITH (FORCE)) makes a pool whose
      // clients are still closing emit an unhandled 'error' and end the process. FORCE is the last resort.
      let dropped = false;
      for (let attempt = 0; attempt < 50 && !dropped; attempt++) {
        dropped = await admin.query(`DROP DATABASE IF EXISTS ${database}`).then(
          () => true,
          () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100)),
        );
      }
      if (!dropped) {
        await admin
          .query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
          .catch((e) => log(`append-postgres: could not drop ${database}: ${e}`));
      }
      await admin.end().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
