/**
 * The statistics as tables (工作表): one per breakdown, headed in Chinese with the English after it, rows in
 * the order the statistics give them. The XLSX and CSV exports and the terminal UI print these tables, so
 * what a spreadsheet says is what the figures say.
 *
 * Two sets: the full statistics for the legal section and the head (with departments), and the quarterly
 * summary fit to publish (季度统计摘要), which keeps only counts by category, method, month, stage, trigger,
 * outcome and deadline. It names no person and no department: a department of one or two people would name
 * them, and a count by department tells who recorded what. Small counts stay (a count of 1 names nobody once
 * departments are gone), and every category and method is listed with its zero, so a missing row tells nothing.
 */
import { METHOD_LABELS, WRONG_CASE_STAGE_LABELS } from "@liuhen/domain";

export type Cell = string | number | null;

export interface Table {
  /** The sheet's name: Chinese, at most 31 characters (Excel's limit), no `[]:*?/\`. */
  readonly name: string;
  readonly headers: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
}

/** The interference figures, as `oversight.statistics` returns them. */
export interface InterferenceFiguresInput {
  readonly from: string | null;
  readonly to: string | null;
  readonly quarter: string | null;
  readonly total: number;
  readonly byRecordedCategory: Readonly<Record<string, number>>;
  readonly byFinding: Readonly<Record<string, number>>;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byDepartment: ReadonlyArray<{ readonly department: string | null; readonly count: number }>;
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly count: number }>;
}

/** The wrong-case figures, as `oversight.wrongCaseStatistics` returns them. */
export interface WrongCaseFiguresInput {
  readonly asOf: string;
  readonly total: number;
  readonly byStage: ReadonlyArray<{ readonly stage: string; readonly count: number }>;
  readonly byTrigger: Readonly<Record<string, number>>;
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly count: number }>;
  readonly timePerStage: ReadonlyArray<{
    readonly stage: string;
    readonly completed: number;
    readonly totalDays: number;
    readonly averageDays: number | null;
  }>;
  readonly deadlines: ReadonlyArray<{
    readonly period: string;
    readonly met: number;
    readonly missed: number;
    readonly lapsed: number;
    readonly running: number;
    readonly overdue: number;
  }>;
}

export interface StatisticsReportInput {
  readonly interference: InterferenceFiguresInput;
  /** Null when the reader does not read the wrong-case figures. */
  readonly wrongCases: WrongCaseFiguresInput | null;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** IF.10 第n项, with its citation id so the article can be looked up. */
const categoryLabel = (value: string): string => {
  const match = /^IF\.10\.(\d)$/.exec(value);
  if (match !== null) return `第十条第${NUMERALS[Number(match[1]) - 1] ?? match[1]}项（${value}）`;
  return (
    {
      none: "未归入第十条所列情形 (none)",
      legitimate: "认定不属于干预 (legitimate)",
      pending: "尚未认定 (pending)",
    }[value] ?? value
  );
};

const methodLabel = (value: string): string => {
  const label = METHOD_LABELS[value as keyof typeof METHOD_LABELS];
  return label === undefined ? value : `${label.zh} (${label.en})`;
};

const stageLabel = (value: string): string => {
  const label = WRONG_CASE_STAGE_LABELS[value as keyof typeof WRONG_CASE_STAGE_LABELS];
  return label === undefined ? value : `${label.zh} (${label.en})`;
};

const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  staff: "本局工作人员举报 (staff)",
  public: "群众举报或投诉 (public)",
};

const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  open: "办理中 (open)",
  transferred: "已转送有权部门 (transferred)",
  decided: "已作出处理决定 (decided)",
  "decided-violation": "已决定且涉嫌违纪违法 (decided, suspected violation)",
};

const PERIOD_LABELS: Readonly<Record<string, string>> = {
  "WC.10.1": "受理后2日内转送（WC.10.1）",
  "WC.10.3": "1个月内重新调查并作出决定（WC.10.3）",
};

/** 2020年12月 for 2020-12. */
const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 2020年12月30日 for 2020-12-30. */
const dayLabel = (day: string): string =>
  `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const periodLabel = (f: InterferenceFiguresInput): string =>
  f.quarter !== null
    ? `${f.quarter.slice(0, 4)}年第${NUMERALS[Number(f.quarter.slice(6)) - 1]}季度`
    : f.from === null && f.to === null
      ? "全部"
      : `${f.from === null ? "最早" : monthLabel(f.from)}至${f.to === null ? "最近" : monthLabel(f.to)}`;

const COUNT = "数量 (count)";

const entries = (counts: Readonly<Record<string, number>>, label: (v: string) => string) =>
  Object.entries(counts).map(([value, n]) => [label(value), n] as const);

const overview = (report: StatisticsReportInput): Table => ({
  name: "概况",
  headers: ["项目 (item)", "值 (value)"],
  rows: [
    ["统计期间 (period)", periodLabel(report.interference)],
    ["干预插手记录总数 (interference records)", report.interference.total],
    ...(report.wrongCases === null
      ? []
      : ([
          ["错案责任追究案件总数 (wrong-case proceedings)", report.wrongCases.total],
          ["期限统计截至 (deadlines as of)", dayLabel(report.wrongCases.asOf)],
        ] as const)),
  ],
});

const interferenceTables = (f: InterferenceFiguresInput, withDepartments: boolean): ReadonlyArray<Table> => [
  {
    name: "干预记录-记录时类别",
    headers: ["第十条情形 (IF.10 category, as recorded)", COUNT],
    rows: entries(f.byRecordedCategory, categoryLabel),
  },
  {
    name: "干预记录-认定类别",
    headers: ["认定情形 (finding)", COUNT],
    rows: entries(f.byFinding, categoryLabel),
  },
  { name: "干预记录-方式", headers: ["方式 (method)", COUNT], rows: entries(f.byMethod, methodLabel) },
  ...(withDepartments
    ? [
        {
          name: "干预记录-部门",
          headers: ["记录人所在部门 (department)", COUNT],
          rows: f.byDepartment.map(
            (d) => [d.department ?? "不在名录 (not in the directory)", d.count] as const,
          ),
        },
      ]
    : []),
  {
    name: "干预记录-月份",
    headers: ["记录月份 (month)", COUNT],
    rows: f.byMonth.map((m) => [monthLabel(m.month), m.count] as const),
  },
];

const wrongCaseTables = (w: WrongCaseFiguresInput): ReadonlyArray<Table> => [
  {
    name: "错案-阶段",
    headers: ["所处阶段 (stage)", COUNT],
    rows: w.byStage.map((s) => [stageLabel(s.stage), s.count] as const),
  },
  {
    name: "错案-来源",
    headers: ["来源 (trigger)", COUNT],
    rows: entries(w.byTrigger, (v) => TRIGGER_LABELS[v] ?? v),
  },
  {
    name: "错案-结果",
    headers: ["结果 (outcome)", COUNT],
    rows: entries(w.byOutcome, (v) => OUTCOME_LABELS[v] ?? v),
  },
  {
    name: "错案-月份",
    headers: ["收到月份 (month received)", COUNT],
    rows: w.byMonth.map((m) => [monthLabel(m.month), m.count] as const),
  },
  {
    name: "错案-各阶段用时",
    headers: ["阶段 (stage)", "已完成次数 (completed)", "合计天数 (total days)", "平均天数 (average days)"],
    rows: w.timePerStage.map((s) => [stageLabel(s.stage), s.completed, s.totalDays, s.averageDays] as const),
  },
  {
    name: "错案-期限",
    headers: [
      "期限 (period)",
      "按期 (met)",
      "逾期 (missed)",
      "无需办理 (lapsed)",
      "进行中 (running)",
      "进行中已超期 (overdue)",
    ],
    rows: w.deadlines.map(
      (d) => [PERIOD_LABELS[d.period] ?? d.period, d.met, d.missed, d.lapsed, d.running, d.overdue] as const,
    ),
  },
];

/** The full statistics for the legal section and the head. */
export const statisticsTables = (report: StatisticsReportInput): ReadonlyArray<Table> => [
  overview(report),
  ...interferenceTables(report.interference, true),
  ...(report.wrongCases === null ? [] : wrongCaseTables(report.wrongCases)),
];

/** The quarterly summary fit to publish: counts only, no person, no department (see the module comment). */
export const quarterlySummaryTables = (report: StatisticsReportInput): ReadonlyArray<Table> => [
  overview(report),
  ...interferenceTables(report.interference, false),
  ...(report.wrongCases === null ? [] : wrongCaseTables(report.wrongCases)),
];
