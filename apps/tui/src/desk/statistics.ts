/**
 * The legal section's figures as tables (issue 8: charts in the web UI, tables in the terminal): interference
 * records by IF.10 category, IF.3 method, department and month; wrong-case proceedings (WC.10) by stage,
 * trigger and outcome, the WC.10.1 and WC.10.3 periods met and missed, and time per stage. The counting is
 * the server's (`oversight.statistics`, `oversight.wrongCaseStatistics`); this module names the rows.
 */
import { type LocalisedText, METHOD_LABELS, type Method } from "@liuhen/domain";
import { Either } from "effect";
import type { ApiClient } from "../session/api-client.js";
import { stageWords } from "./words.js";

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
export type InterferenceFigures = Answer<ApiClient["oversight"]["statistics"]["query"]>;
export type WrongCaseFigures = Answer<ApiClient["oversight"]["wrongCaseStatistics"]["query"]>;

/** The period asked for, as `oversight.statistics` takes it: a quarter, months from/to, or everything. */
export interface StatisticsPeriod {
  readonly quarter?: string;
  readonly from?: string;
  readonly to?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A period as typed: empty for all time, `2026-Q1` for a quarter, `2026-01..2026-03` (or two months with a
 * space or `~` between, or one month) for months. The message names the field when it is none of these.
 */
export const parsePeriod = (typed: string): Either.Either<StatisticsPeriod, string> => {
  const text = typed.trim().toUpperCase();
  if (text === "") return Either.right({});
  if (/^\d{4}-Q[1-4]$/.test(text)) return Either.right({ quarter: text });
  const months = text.split(/\s*(?:\.\.|~|至|\s)\s*/).filter((m) => m !== "");
  const [from, to = from] = months;
  if (months.length <= 2 && from !== undefined && to !== undefined && MONTH.test(from) && MONTH.test(to)) {
    return from <= to
      ? Either.right({ from, to })
      : Either.left(`「统计期间」(period) 截止月早于起始月 / period: ${to} is before ${from}`);
  }
  return Either.left(
    "「统计期间」(period) 应为季度如 2026-Q1，或月份如 2026-01..2026-03 / period: a quarter like 2026-Q1 or months like 2026-01..2026-03",
  );
};

/** The period in words, for a table's heading. */
export const periodWords = (period: StatisticsPeriod): string =>
  period.quarter !== undefined
    ? `${period.quarter.slice(0, 4)}年第${period.quarter.slice(6)}季度 / ${period.quarter}`
    : period.from !== undefined
      ? `${period.from} 至 ${period.to ?? period.from}`
      : "全部期间 / all time";

export interface TableRow {
  readonly label: string;
  /** Citation ids the row rests on, for the article overlay. */
  readonly citations: ReadonlyArray<string>;
  readonly cells: ReadonlyArray<string>;
}

export interface Table {
  readonly title: LocalisedText;
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<TableRow>;
}

const t = (zh: string, en: string): LocalisedText => ({ zh, en });
const count = (label: string, n: number, citations: ReadonlyArray<string> = []): TableRow => ({
  label,
  citations,
  cells: [String(n)],
});

// IF.10（一）至（七）, in short: the category's own words are one key away (the article overlay).
const CATEGORY_WORDS: Readonly<Record<string, string>> = {
  "IF.10.1": "超越职权下达指示",
  "IF.10.2": "私自提出定性处理意见",
  "IF.10.3": "要求违法登记保存、处置涉案财物",
  "IF.10.4": "提出私下会见当事人",
  "IF.10.5": "请托、说情或打探案情",
  "IF.10.6": "转递涉案材料、通风报信",
  "IF.10.7": "其他干预、插手行为",
  none: "不属第十条所列情形",
  legitimate: "不认定为干预（IF.13）",
  pending: "尚未认定",
};

const TRIGGER_WORDS: Readonly<Record<string, string>> = {
  staff: "内部发现 / staff",
  public: "公众举报 / public report",
};

const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  open: "办理中 / open",
  transferred: "已转送 / transferred",
  decided: "已决定 / decided",
  "decided-violation": "已决定，涉嫌违纪违法 / decided, referred",
};

const categoryRow = (key: string, n: number): TableRow =>
  count(
    `${key.startsWith("IF.") ? `${key} ` : ""}${CATEGORY_WORDS[key] ?? key}`,
    n,
    key.startsWith("IF.") ? [key] : key === "legitimate" ? ["IF.13"] : [],
  );

/** The tables of both sets of figures (the wrong-case figures are null for a caller who may not read them). */
export const statisticsTables = (
  interference: InterferenceFigures,
  wrongCases: WrongCaseFigures | null,
): ReadonlyArray<Table> => {
  const tables: Table[] = [
    {
      title: t(
        `干预记录 共 ${interference.total} 件 — 按记录时的情形（IF.10）`,
        "records by category when recorded",
      ),
      columns: ["件数"],
      rows: Object.entries(interference.byRecordedCategory).map(([k, n]) => categoryRow(k, n)),
    },
    {
      title: t("干预记录 — 按认定结果（IF.10、IF.13）", "records by finding"),
      columns: ["件数"],
      rows: Object.entries(interference.byFinding).map(([k, n]) => categoryRow(k, n)),
    },
    {
      title: t("干预记录 — 按方式（IF.3）", "records by method"),
      columns: ["件数"],
      rows: Object.entries(interference.byMethod).map(([k, n]) =>
        count(`${METHOD_LABELS[k as Method]?.zh ?? k} / ${METHOD_LABELS[k as Method]?.en ?? k}`, n, ["IF.3"]),
      ),
    },
    {
      title: t("干预记录 — 按科室", "records by department"),
      columns: ["件数"],
      rows: interference.byDepartment.map((d) => count(d.department ?? "（不在名册中）", d.count)),
    },
    {
      title: t("干预记录 — 按月份", "records by month"),
      columns: ["件数"],
      rows: interference.byMonth.map((m) => count(m.month, m.count)),
    },
  ];
  if (wrongCases === null) return tables;
  tables.push(
    {
      title: t(`错案程序 共 ${wrongCases.total} 件 — 按办理阶段（WC.10）`, "proceedings by stage"),
      columns: ["件数"],
      rows: wrongCases.byStage.map((s) => count(stageWords("wrong-case", s.stage).zh, s.count)),
    },
    {
      title: t("错案程序 — 按来源（WC.10.1）", "proceedings by trigger"),
      columns: ["件数"],
      rows: Object.entries(wrongCases.byTrigger).map(([k, n]) =>
        count(TRIGGER_WORDS[k] ?? k, n, ["WC.10.1"]),
      ),
    },
    {
      title: t("错案程序 — 按结果（WC.10.1、WC.10.3）", "proceedings by outcome"),
      columns: ["件数"],
      rows: Object.entries(wrongCases.byOutcome).map(([k, n]) => count(OUTCOME_WORDS[k] ?? k, n)),
    },
    {
      title: t(`期限 — 截至 ${wrongCases.asOf}`, "deadlines met and missed"),
      columns: ["按期", "超期", "已失效", "进行中", "已逾期"],
      rows: wrongCases.deadlines.map((d) => ({
        label: d.period,
        citations: [d.period],
        cells: [d.met, d.missed, d.lapsed, d.running, d.overdue].map(String),
      })),
    },
    {
      title: t("各阶段用时（日）", "time per stage, days"),
      columns: ["完成", "平均日"],
      rows: wrongCases.timePerStage.map((s) => ({
        label: stageWords("wrong-case", s.stage).zh,
        citations: [],
        cells: [String(s.completed), s.averageDays === null ? "—" : s.averageDays.toFixed(1)],
      })),
    },
  );
  return tables;
};

/** Every citation id the tables show, in their titles and rows, for the article overlay. */
export const tableCitations = (tables: ReadonlyArray<Table>): ReadonlyArray<string> => [
  ...new Set(
    tables.flatMap((table) => [
      ...[...table.title.zh.matchAll(/(?:WC|IF)\.[0-9]+(?:\.[0-9]+)?/g)].map((m) => m[0]),
      ...table.rows.flatMap((row) => row.citations),
    ]),
  ),
];
