/**
 * Row `statistics`: the interference statistics (`Statistics.interference`: counts by IF.10 category,
 * finding, method, department and month, with the IF.3 re-routing of records naming senior people) for the
 * largest agency of 1,000,000 generated records, on SQLite and on PostgreSQL, against a hand-written SQL
 * query of the same counts by category and month straight over `interference_facts`. Rows are generated
 * into the projection tables in bulk (corpus/statistics-facts.ts); `--quick` uses 20,000.
 * Target (issue 9): under 200 ms per query, i.e. at least 5 queries/s.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqlClient } from "@effect/sql";
import { CATEGORIES, postgresStoreLayer, Statistics, sqliteStoreLayer } from "@liuhen/store";
import Database from "better-sqlite3";
import { Effect, Layer, ManagedRuntime } from "effect";
import pg from "pg";
import { BIG_AGENCY, type GeneratedFacts, generateFacts, SENIORS } from "../corpus/statistics-facts.js";
import { type Contender, measure } from "../lib/measure.js";
import { type Check, figure, rateCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";

const TARGET_RATE = 5; // queries/s: 200 ms each

/** The baseline: counts by recorded category and by month, written by hand. */
const baselineSql = (param: (i: number) => string) => `SELECT month, COUNT(*) AS n,
  ${CATEGORIES.map((c, i) => `SUM(CASE WHEN recorded LIKE '%,${c},%' THEN 1 ELSE 0 END) AS c${i}`).join(", ")},
  SUM(CASE WHEN recorded = '' THEN 1 ELSE 0 END) AS none
  FROM interference_facts WHERE agency_id = ${param(1)} AND reported_js = 0 GROUP BY month`;

const statisticsQuery = Effect.flatMap(Statistics, (s) =>
  s.interference(BIG_AGENCY, { routes: ["legal-section"], seniors: SENIORS }),
);

const measureBoth = async (
  name: string,
  runtime: ManagedRuntime.ManagedRuntime<Statistics, unknown>,
  baseline: () => Promise<unknown>,
  plan: Parameters<typeof measure>[1],
): Promise<{ checks: ReadonlyArray<Check>; total: number }> => {
  const total = (await runtime.runPromise(statisticsQuery)).total;
  const store: Contender = {
    name: `${name}-store`,
    run: async (ops) => {
      for (let i = 0; i < ops; i++) await runtime.runPromise(statisticsQuery);
    },
  };
  const raw: Contender = {
    name: `${name}-sql`,
    run: async (ops) => {
      for (let i = 0; i < ops; i++) await baseline();
    },
  };
  const m = await measure([store, raw], plan);
  const storeFigure = figure(m.stat(`${name}-store`), `Statistics.interference (${name})`, false);
  const rawFigure = figure(m.stat(`${name}-sql`), `hand-written GROUP BY (${name})`, false);
  return {
    total,
    checks: [
      {
        ...rateCheck(`statistics query, ${name}`, storeFigure, TARGET_RATE, "queries/s"),
        baseline: rawFigure,
      },
    ],
  };
};

const loadSqlite = (file: string, data: GeneratedFacts) => {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const facts = db.prepare(
    "INSERT INTO interference_facts (agency_id, stream_id, month, handler, method, recorded, finding, reported_js) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const subjects = db.prepare(
    "INSERT INTO interference_subjects (agency_id, stream_id, person_id) VALUES (?, ?, ?)",
  );
  const counters = db.prepare(
    "INSERT INTO interference_counts (agency_id, reported_js, month, dimension, value, count) VALUES (?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const row of data.facts) facts.run(...row);
    for (const row of data.subjects) subjects.run(...row);
    for (const row of data.counters) counters.run(...row);
  })();
  db.exec("ANALYZE");
  return db;
};

const loadPostgres = async (pool: pg.Pool, data: GeneratedFacts) => {
  const columns = <T extends ReadonlyArray<unknown>>(rows: ReadonlyArray<T>, width: number) =>
    Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
  const batch = 50_000;
  for (let i = 0; i < data.facts.length; i += batch) {
    await pool.query(
      `INSERT INTO interference_facts (agency_id, stream_id, month, handler, method, recorded, finding, reported_js)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])`,
      columns(data.facts.slice(i, i + batch), 8),
    );
    await pool.query(
      "INSERT INTO interference_subjects (agency_id, stream_id, person_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])",
      columns(data.subjects.slice(i, i + batch), 3),
    );
  }
  await pool.query(
    `INSERT INTO interference_counts (agency_id, reported_js, month, dimension, value, count)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[])`,
    columns(data.counters, 6),
  );
  await pool.query("ANALYZE");
};

export const statisticsRow: Row = {
  id: "statistics",
  title: "statistics (counts by category and month…) over 1,000,000 records vs a hand-written GROUP BY",
  unit: "queries/s",
  run: async ({ quick, plan, log }): Promise<RowOutcome> => {
    const n = quick ? 20_000 : 1_000_000;
    const started = performance.now();
    const data = generateFacts(n);
    log(`statistics: generated ${n} records in ${Math.round(performance.now() - started)} ms`);
    const checks: Array<Check> = [];
    const notes: Array<string> = [
      `${n.toLocaleString("en-US")} records (seed liuhen-statistics), ${data.counters.length} counter rows; query for the largest agency (~60% of records) as the legal section, ${SENIORS.length} senior people whose records move to the judicial supervision.`,
      "Store: Statistics.interference sums interference_counts over the months and moves the records naming senior people (found through interference_subjects); baseline: one GROUP BY month with a SUM per category over interference_facts.",
    ];

    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-statistics-"));
    try {
      const runtime = ManagedRuntime.make(
        Statistics.layer.pipe(
          Layer.provideMerge(
            sqliteStoreLayer({ filename: join(dir, "store.db"), keyDirectory: join(dir, "keys") }),
          ),
        ),
      );
      await runtime.runPromise(Effect.asVoid(SqlClient.SqlClient)); // migrations applied
      const db = loadSqlite(join(dir, "store.db"), data);
      const baseline = db.prepare(baselineSql(() => "?"));
      log("statistics: measuring on SQLite");
      const sqlite = await measureBoth("SQLite", runtime, async () => baseline.all(BIG_AGENCY), plan);
      checks.push(...sqlite.checks);
      notes.push(`SQLite: ${sqlite.total} records counted.`);
      db.close();
      await runtime.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const url = process.env.LIUHEN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch (error) {
      return {
        status: "measured",
        checks,
        notes: [...notes, `PostgreSQL unreachable at ${new URL(url).host}: ${String(error)}`],
      };
    }
    const database = `liuhen_bench_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const u = new URL(url);
    u.pathname = `/${database}`;
    const pgDir = mkdtempSync(join(tmpdir(), "liuhen-bench-statistics-pg-"));
    const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
    pool.on("error", (e) => log(`statistics: idle connection: ${e.message}`));
    const runtime = ManagedRuntime.make(
      Statistics.layer.pipe(
        Layer.provideMerge(postgresStoreLayer({ url: u.toString(), keyDirectory: join(pgDir, "keys") })),
      ),
    );
    try {
      await runtime.runPromise(Effect.asVoid(SqlClient.SqlClient));
      const loading = performance.now();
      await loadPostgres(pool, data);
      log(`statistics: loaded PostgreSQL in ${Math.round(performance.now() - loading)} ms; measuring`);
      const text = baselineSql((i) => `$${i}`);
      const postgres = await measureBoth("PostgreSQL", runtime, () => pool.query(text, [BIG_AGENCY]), plan);
      checks.push(...postgres.checks);
      notes.push(`PostgreSQL: ${postgres.total} records counted, database ${database} (dropped after).`);
    } finally {
      await runtime.dispose();
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      rmSync(pgDir, { recursive: true, force: true });
    }
    return { status: "measured", checks, notes };
  },
};
