/**
 * What a row reports: for each check, the figure, the baseline measured beside it in the same run, their
 * ratio, the target and whether it was met, with the absolute numbers (rates per round, ops per round).
 */
import type { Machine } from "./machine.js";
import type { ContenderStats, Plan, RatioStats } from "./measure.js";

export interface Figure {
  readonly label: string;
  /** Median over the rounds. */
  readonly perSecond: number;
  readonly min: number;
  readonly max: number;
  readonly opsPerRound: number;
  readonly perRound: ReadonlyArray<number>;
  /** Median operations per second of this process's CPU time: the rate of one unshared core. */
  readonly perCpuSecond: number;
  /**
   * Whether the CPU time is that of the process doing all the work (this one, or a child measured on its
   * own), so that `perCpuSecond` means something.
   */
  readonly inProcess: boolean;
  /** What is counted, when not operations (`MB`, `events`): printed as `<rate> <unit>/s`. */
  readonly unit?: string | undefined;
}

/** A measured quantity that is not a rate (a peak memory): the value judged, and every round's. */
export interface Amount {
  readonly kind: "amount";
  readonly label: string;
  readonly unit: string;
  /** The value the target is judged on (for a peak, the largest of the rounds). */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly perRound: ReadonlyArray<number>;
}

export type Target =
  /** The figure's own rate, by the wall clock or per second of CPU time (one core's rate, load aside). */
  | {
      readonly kind: "rate-at-least";
      readonly value: number;
      readonly text: string;
      readonly basis: "wall" | "cpu";
    }
  /** figure ÷ baseline. */
  | { readonly kind: "ratio-at-least"; readonly value: number; readonly text: string }
  /** An amount that must stay at or under a limit (a peak memory). */
  | { readonly kind: "at-most"; readonly value: number; readonly text: string }
  /** No target: the figure is printed beside its baseline, for the reader to judge. */
  | { readonly kind: "reported"; readonly text: string };

export interface Check {
  readonly name: string;
  readonly figure: Figure | Amount;
  readonly baseline?: Figure | undefined;
  /** figure ÷ baseline, the median of the per-round ratios. */
  readonly ratio?: Omit<RatioStats, "of" | "to"> | undefined;
  readonly target: Target;
  readonly met: boolean;
}

export type RowStatus = "measured" | "skipped" | "failed";

export interface RowResult {
  readonly id: string;
  readonly title: string;
  readonly status: RowStatus;
  /** Why the row was skipped or failed. */
  readonly reason?: string | undefined;
  readonly unit: string;
  readonly machine: Machine;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly plan?: Plan | undefined;
  readonly checks: ReadonlyArray<Check>;
  /** What the figures mean, what the baseline is, what was checked before timing, what the profile showed. */
  readonly notes: ReadonlyArray<string>;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

export const figure = (stats: ContenderStats, label = stats.name, inProcess = true): Figure => ({
  label,
  perSecond: stats.median,
  min: stats.min,
  max: stats.max,
  opsPerRound: stats.opsPerRound,
  perRound: stats.rates,
  perCpuSecond: stats.cpuMedian,
  inProcess,
});

/**
 * A rate target. `cpu`: judged on the rate per second of CPU time, for a target stated for one core on
 * machines whose cores are shared (the wall-clock rate is printed beside it).
 */
export const rateCheck = (
  name: string,
  f: Figure,
  value: number,
  unit: string,
  basis: "wall" | "cpu" = "wall",
): Check => ({
  name,
  figure: f,
  target: {
    kind: "rate-at-least",
    value,
    text: `≥ ${formatRate(value)} ${unit}${basis === "cpu" ? " per CPU-s" : ""}`,
    basis,
  },
  met: (basis === "cpu" ? f.perCpuSecond : f.perSecond) >= value,
});

export const ratioCheck = (
  name: string,
  f: Figure,
  baseline: Figure,
  ratio: RatioStats,
  value: number,
  text: string,
): Check => ({
  name,
  figure: f,
  baseline,
  ratio: { median: ratio.median, min: ratio.min, max: ratio.max, perRound: ratio.perRound },
  target: { kind: "ratio-at-least", value, text },
  met: ratio.median >= value,
});

/** An amount against a limit: met when `amount.value` is at most `value` (in the amount's unit). */
export const limitCheck = (name: string, amount: Amount, value: number, text: string): Check => ({
  name,
  figure: amount,
  target: { kind: "at-most", value, text },
  met: amount.value <= value,
});

/** A figure with no target, printed (with its baseline and their ratio, when there is one). */
export const reportedCheck = (
  name: string,
  f: Figure | Amount,
  baseline?: { readonly figure: Figure; readonly ratio: RatioStats },
): Check => ({
  name,
  figure: f,
  baseline: baseline?.figure,
  ratio:
    baseline === undefined
      ? undefined
      : {
          median: baseline.ratio.median,
          min: baseline.ratio.min,
          max: baseline.ratio.max,
          perRound: baseline.ratio.perRound,
        },
  target: { kind: "reported", text: "—" },
  met: true,
});

export const formatRate = (perSecond: number): string =>
  perSecond >= 100
    ? Math.round(perSecond).toLocaleString("en-US")
    : perSecond.toLocaleString("en-US", { maximumSignificantDigits: 3 });

const formatTime = (perSecond: number): string => {
  const us = 1e6 / perSecond;
  if (us >= 1e6) return `${(us / 1e6).toPrecision(3)} s`;
  return us >= 1000 ? `${(us / 1000).toPrecision(3)} ms` : `${us.toPrecision(3)} µs`;
};

const formatAmount = (a: Amount): string =>
  `${a.label}: ${formatRate(a.value)} ${a.unit}${a.perRound.length > 1 ? ` [${formatRate(a.min)}–${formatRate(a.max)}]` : ""}`;

const formatFigure = (f: Figure | Amount | undefined): string => {
  if (f === undefined) return "";
  if ("kind" in f) return formatAmount(f);
  const unit = f.unit === undefined ? "" : ` ${f.unit}`;
  return `${f.label}: ${formatRate(f.perSecond)}${unit}/s${f.unit === undefined ? ` (${formatTime(f.perSecond)})` : ""}${f.inProcess ? `, ${formatRate(f.perCpuSecond)}${unit}/CPU-s` : ""}`;
};

const formatRatio = (r: Check["ratio"]): string =>
  r === undefined
    ? ""
    : `${r.median.toFixed(r.median >= 10 ? 1 : 2)}× [${r.min.toFixed(2)}–${r.max.toFixed(2)}]`;

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - [...s].length));

/** The rows as a plain-text table: one line per check, then each row's notes. */
export const table = (rows: ReadonlyArray<RowResult>): string => {
  const header = [
    "row",
    "check",
    "figure (median)",
    "baseline (median)",
    "ratio [min–max]",
    "target",
    "result",
  ];
  const lines: Array<Array<string>> = [];
  for (const row of rows) {
    if (row.status !== "measured" || row.checks.length === 0) {
      lines.push([row.id, "", "", "", "", "", `${row.status}: ${row.reason ?? ""}`]);
      continue;
    }
    row.checks.forEach((c, i) => {
      lines.push([
        i === 0 ? row.id : "",
        c.name,
        formatFigure(c.figure),
        formatFigure(c.baseline),
        formatRatio(c.ratio),
        c.target.text,
        c.target.kind === "reported" ? "reported" : c.met ? "met" : "MISSED",
      ]);
    });
  }
  const widths = header.map((h, k) => Math.max([...h].length, ...lines.map((l) => [...(l[k] ?? "")].length)));
  const fmt = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, k) => pad(c, widths[k] ?? 0))
      .join(" │ ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [fmt(header), rule, ...lines.map(fmt)].join("\n");
};
