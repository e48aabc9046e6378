/**
 * The figures for the legal section and the head, read from the statistics projection with SQL: sums of
 * the interference counters over the months asked for, and group-bys over the narrow wrong-case tables.
 * Counts only: no record id, no name, no case.
 *
 * Interference records are counted per channel (IF.3): a record goes to the judicial supervision when its
 * handler reported it there (`reported_js`) or when someone it names holds the head's or a legal officer's
 * role now (`seniors`, which the caller works out with the domain's `routeFor`). The counters are kept per
 * `reported_js`; the few records naming a senior person are found through `interference_subjects` and
 * moved from the legal section's figures to the judicial supervision's.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { type Route, WrongCaseStage } from "@liuhen/domain";
import { Context, Effect, Layer } from "effect";
import { CATEGORIES, type InterferenceFacts, interferenceCounters, METHODS } from "./interference-facts.js";
import { WRONG_CASE_OUTCOMES, WRONG_CASE_TRIGGERS } from "./wrong-case-facts.js";

type Counts<K extends string> = { readonly [P in K]: number };

export interface MonthRange {
  /** YYYY-MM, inclusive; absent: from the first. */
  readonly from?: string | undefined;
  /** YYYY-MM, inclusive; absent: to the last. */
  readonly to?: string | undefined;
}

export interface RecordStatistics {
  readonly total: number;
  /** IF.10 categories the domain gave the contact when it was recorded; `none`: no IF.10 category. */
  readonly byRecordedCategory: Counts<(typeof CATEGORIES)[number] | "none">;
  /** IF.10 categories found; `legitimate`: found not to be interference; `pending`: no finding yet. */
  readonly byFinding: Counts<(typeof CATEGORIES)[number] | "legitimate" | "pending">;
  readonly byMethod: Counts<(typeof METHODS)[number]>;
  /** The recording handler's department in the directory now; null when they are not in it. */
  readonly byDepartment: ReadonlyArray<{ readonly department: string | null; readonly count: number }>;
  /** By the month the record was made, earliest first. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly count: number }>;
}

export interface WrongCaseStatistics {
  /** Proceedings whose report came in within the months asked for. */
  readonly total: number;
  /** Each stage the domain knows, in its order, with how many proceedings stand there now. */
  readonly byStage: ReadonlyArray<{ readonly stage: string; readonly count: number }>;
  readonly byTrigger: Counts<(typeof WRONG_CASE_TRIGGERS)[number]>;
  readonly byOutcome: Counts<(typeof WRONG_CASE_OUTCOMES)[number]>;
  /** By the month the report came in, earliest first. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly count: number }>;
  /**
   * Time per stage, in calendar days, over the stays that ended (entered within the months asked for),
   * stages in the domain's order; `averageDays` rounded to one decimal, null when none ended.
   */
  readonly timePerStage: ReadonlyArray<{
    readonly stage: string;
    readonly completed: number;
    readonly totalDays: number;
    readonly averageDays: number | null;
  }>;
  /**
   * WC.10.1 and WC.10.3 periods due within the months asked for: met (the step taken by the due day),
   * missed (taken after it), lapsed (made moot), running (`overdue`: running past the due day, as of `today`).
   */
  readonly deadlines: ReadonlyArray<{
    readonly period: string;
    readonly met: number;
    readonly missed: number;
    readonly lapsed: number;
    readonly running: number;
    readonly overdue: number;
  }>;
}

export interface StatisticsService {
  readonly interference: (
    agencyId: string,
    options: MonthRange & {
      readonly routes: ReadonlyArray<Route>;
      /** People who hold the head's or a legal officer's role now (IF.3 routing). */
      readonly seniors: ReadonlyArray<string>;
    },
  ) => Effect.Effect<RecordStatistics, SqlError>;
  readonly wrongCases: (
    agencyId: string,
    options: MonthRange & { readonly today: string },
  ) => Effect.Effect<WrongCaseStatistics, SqlError>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const key = (dimension: string, value: string) => `${dimension}\u0000${value}`;

const monthWhere = (sql: SqlClient.SqlClient, column: string, range: MonthRange) =>
  sql.and([
    sql`1 = 1`,
    ...(range.from === undefined ? [] : [sql`${sql(column)} >= ${range.from}`]),
    ...(range.to === undefined ? [] : [sql`${sql(column)} <= ${range.to}`]),
  ]);

/** The day range of the months asked for, for columns holding YYYY-MM-DD. */
const dayWhere = (sql: SqlClient.SqlClient, column: string, range: MonthRange) =>
  sql.and([
    sql`1 = 1`,
    ...(range.from === undefined ? [] : [sql`${sql(column)} >= ${`${range.from}-01`}`]),
    ...(range.to === undefined ? [] : [sql`${sql(column)} <= ${`${range.to}-31`}`]),
  ]);

const interference =
  (sql: SqlClient.SqlClient): StatisticsService["interference"] =>
  (agencyId, options) =>
    Effect.gen(function* () {
      const counts = new Map<string, number>();
      const add = (dimension: string, value: string, n: number) =>
        counts.set(key(dimension, value), (counts.get(key(dimension, value)) ?? 0) + n);
      const flags = [
        ...(options.routes.includes("legal-section") ? [0] : []),
        ...(options.routes.includes("judicial-supervision") ? [1] : []),
      ];
      if (flags.length > 0) {
        const where = sql`agency_id = ${agencyId} AND reported_js IN ${sql.in(flags)}
            AND ${monthWhere(sql, "month", options)}`;
        const rows = yield* sql<{ dimension: string; value: string; n: number | string }>`
          SELECT dimension, value, SUM(count) AS n FROM interference_counts WHERE ${where}
          GROUP BY dimension, value`;
        for (const row of rows) add(row.dimension, row.value, Number(row.n));
        const months = yield* sql<{ month: string; n: number | string }>`
          SELECT month, SUM(count) AS n FROM interference_counts WHERE ${where} AND dimension = 'total'
          GROUP BY month`;
        for (const row of months) add("month", row.month, Number(row.n));
      }
      // Records the handler kept in the legal section's channel that name someone senior go to the
      // judicial supervision instead (IF.3): out of the one's figures, into the other's.
      const moves = options.routes.length === 1 && options.seniors.length > 0;
      if (moves) {
        // From the few subjects rows of the senior people to their records (CROSS JOIN keeps SQLite's
        // planner from scanning every record of the agency instead).
        const moved = yield* sql<{
          stream_id: string;
          month: string;
          handler: string;
          method: string | null;
          recorded: string;
          finding: string;
        }>`SELECT DISTINCT f.stream_id, f.month, f.handler, f.method, f.recorded, f.finding
          FROM interference_subjects s CROSS JOIN interference_facts f
          WHERE s.agency_id = ${agencyId} AND s.person_id IN ${sql.in([...options.seniors])}
            AND f.agency_id = s.agency_id AND f.stream_id = s.stream_id AND f.reported_js = 0
            AND ${monthWhere(sql, "f.month", options)}`;
        const sign = options.routes[0] === "legal-section" ? -1 : 1;
        const split = (text: string) => text.split(",").filter((c) => c !== "");
        for (const row of moved) {
          const facts = {
            month: row.month,
            handler: row.handler,
            method: row.method,
            recorded: split(row.recorded),
            finding:
              row.finding === "pending" || row.finding === "legitimate" ? row.finding : split(row.finding),
            reportedToJudicialSupervision: false,
            subjects: [],
          } as InterferenceFacts;
          for (const [dimension, value] of interferenceCounters(facts)) {
            add(dimension, value, sign);
            if (dimension === "total") add("month", row.month, sign);
          }
        }
      }
      const count = (dimension: string, value: string) => counts.get(key(dimension, value)) ?? 0;
      const values = (dimension: string) =>
        [...counts]
          .filter(([k, n]) => k.startsWith(`${dimension}\u0000`) && n !== 0)
          .map(([k, n]) => [k.slice(dimension.length + 1), n] as const);

      const handlers = values("handler");
      const departmentOf = new Map<string, string>();
      for (let i = 0; i < handlers.length; i += 500) {
        const chunk = handlers.slice(i, i + 500).map(([handler]) => handler);
        const rows = yield* sql<{ person_id: string; department: string }>`SELECT person_id, department
          FROM people WHERE agency_id = ${agencyId} AND person_id IN ${sql.in(chunk)}`;
        for (const row of rows) departmentOf.set(row.person_id, row.department);
      }
      const departments = new Map<string | null, number>();
      for (const [handler, n] of handlers) {
        const department = departmentOf.get(handler) ?? null;
        departments.set(department, (departments.get(department) ?? 0) + n);
      }
      const of = <K extends string>(dimension: string, literals: ReadonlyArray<K>) =>
        Object.fromEntries(literals.map((v) => [v, count(dimension, v)])) as Counts<K>;
      return {
        total: count("total", ""),
        byRecordedCategory: of("recorded", [...CATEGORIES, "none" as const]),
        byFinding: of("finding", [...CATEGORIES, "legitimate" as const, "pending" as const]),
        byMethod: of("method", METHODS),
        byDepartment: [...departments]
          .map(([department, n]) => ({ department, count: n }))
          .sort((a, b) =>
            a.department === null ? 1 : b.department === null ? -1 : byText(a.department, b.department),
          ),
        byMonth: values("month")
          .map(([month, n]) => ({ month, count: n }))
          .sort((a, b) => byText(a.month, b.month)),
      };
    });

const wrongCases =
  (sql: SqlClient.SqlClient): StatisticsService["wrongCases"] =>
  (agencyId, options) =>
    Effect.gen(function* () {
      const grouped = (column: "stage" | "trigger_kind" | "outcome" | "month") =>
        Effect.map(
          sql<{ value: string; n: number | string }>`SELECT ${sql(column)} AS value, COUNT(*) AS n
            FROM wrong_case_facts WHERE agency_id = ${agencyId} AND ${monthWhere(sql, "month", options)}
            GROUP BY ${sql(column)}`,
          (rows) => new Map(rows.map((r) => [r.value, Number(r.n)] as const)),
        );
      const stages = yield* grouped("stage");
      const triggers = yield* grouped("trigger_kind");
      const outcomes = yield* grouped("outcome");
      const months = yield* grouped("month");
      const spans = yield* sql<{ stage: string; n: number | string; days: number | string }>`
        SELECT stage, COUNT(*) AS n, SUM(days) AS days FROM wrong_case_stage_spans
        WHERE agency_id = ${agencyId} AND days IS NOT NULL AND ${dayWhere(sql, "entered_on", options)}
        GROUP BY stage`;
      const spanOf = new Map(spans.map((s) => [s.stage, s] as const));
      const periods = yield* sql<{
        period: string;
        outcome: string;
        overdue: number | string;
        n: number | string;
      }>`
        SELECT period, outcome, CASE WHEN outcome = 'running' AND due_date < ${options.today} THEN 1 ELSE 0 END
          AS overdue, COUNT(*) AS n FROM period_runs
        WHERE agency_id = ${agencyId} AND ${dayWhere(sql, "due_date", options)}
        GROUP BY 1, 2, 3`;
      const periodCount = (period: string, outcome: string, overdue?: number) =>
        periods
          .filter(
            (p) =>
              p.period === period &&
              p.outcome === outcome &&
              (overdue === undefined || Number(p.overdue) === overdue),
          )
          .reduce((sum, p) => sum + Number(p.n), 0);
      const of = <K extends string>(counts: Map<string, number>, literals: ReadonlyArray<K>) =>
        Object.fromEntries(literals.map((v) => [v, counts.get(v) ?? 0])) as Counts<K>;
      return {
        total: [...stages.values()].reduce((a, b) => a + b, 0),
        byStage: WrongCaseStage.literals
          .filter((stage) => stage !== "new")
          .map((stage) => ({ stage, count: stages.get(stage) ?? 0 })),
        byTrigger: of(triggers, WRONG_CASE_TRIGGERS),
        byOutcome: of(outcomes, WRONG_CASE_OUTCOMES),
        byMonth: [...months]
          .map(([month, count]) => ({ month, count }))
          .sort((a, b) => byText(a.month, b.month)),
        timePerStage: WrongCaseStage.literals
          .filter((stage) => stage !== "new" && stage !== "closed")
          .map((stage) => {
            const span = spanOf.get(stage);
            const completed = Number(span?.n ?? 0);
            const totalDays = Number(span?.days ?? 0);
            return {
              stage,
              completed,
              totalDays,
              averageDays: completed === 0 ? null : Math.round((totalDays / completed) * 10) / 10,
            };
          }),
        deadlines: (["WC.10.1", "WC.10.3"] as const).map((period) => ({
          period,
          met: periodCount(period, "met"),
          missed: periodCount(period, "missed"),
          lapsed: periodCount(period, "lapsed"),
          running: periodCount(period, "running"),
          overdue: periodCount(period, "running", 1),
        })),
      };
    });

/** The statistics over the store's SqlClient. */
export class Statistics extends Context.Tag("@liuhen/store/Statistics")<Statistics, StatisticsService>() {
  static readonly layer: Layer.Layer<Statistics, never, SqlClient.SqlClient> = Layer.effect(
    Statistics,
    Effect.map(SqlClient.SqlClient, (sql) => ({
      interference: interference(sql),
      wrongCases: wrongCases(sql),
    })),
  );
}
