/**
 * Deadlines at a glance: every running period of the proceedings the reader may read, judged against today
 * by the regime's calendar (the domain's `deadlineStatus`, in working days), overdue first. The page only
 * shows what this says.
 */
import {
  type DeadlineStatus,
  deadlineStatus,
  type IsoDate,
  isoDateInShanghai,
  qianjiangRegime,
} from "@liuhen/domain";

export interface ProceedingPeriods {
  readonly proceedingId: string;
  readonly stage: string;
  readonly openPeriods: ReadonlyArray<{
    readonly period: string;
    readonly start: string;
    readonly due: string;
  }>;
}

export interface RunningPeriod {
  readonly proceedingId: string;
  readonly stage: string;
  readonly period: string;
  readonly start: string;
  readonly due: string;
  /** Null past the calendar's last year: the due date is shown without a judgement. */
  readonly status: DeadlineStatus | null;
}

/** Overdue (longest first), then due today, then the rest by due date; unjudged last. */
const rank = (row: RunningPeriod): [number, number, string] => {
  const status = row.status;
  if (status === null) return [3, 0, row.due];
  if (status._tag === "Overdue") return [0, -status.calendarDaysOverdue, row.due];
  if (status._tag === "DueToday") return [1, 0, row.due];
  return [2, 0, row.due];
};

const compare = (a: RunningPeriod, b: RunningPeriod): number => {
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1] - rb[1] || ra[2].localeCompare(rb[2]);
};

const judged = (due: string, today: string): DeadlineStatus | null => {
  const status = deadlineStatus(due as IsoDate, today as IsoDate, qianjiangRegime.calendar);
  return status._tag === "Right" ? status.right : null;
};

export const runningPeriods = (
  proceedings: ReadonlyArray<ProceedingPeriods>,
  today: string = isoDateInShanghai(Date.now()),
): ReadonlyArray<RunningPeriod> =>
  proceedings
    .flatMap((p) =>
      p.openPeriods.map((period) => ({
        proceedingId: p.proceedingId,
        stage: p.stage,
        period: period.period,
        start: period.start,
        due: period.due,
        status: judged(period.due, today),
      })),
    )
    .sort(compare);
