/**
 * What the statistics count of one wrong-case proceeding (WC.10), read off its state: the month the report
 * came in, what set it off (WC.10.1 任何人均有权举报或投诉: a member of staff or the public), the stage reached,
 * and the outcome so far.
 */
import type { WrongCaseState } from "@liuhen/domain";

/** WC.10.1 举报或投诉: who reported it. */
export const WRONG_CASE_TRIGGERS = ["staff", "public"] as const;
export type WrongCaseTrigger = (typeof WRONG_CASE_TRIGGERS)[number];

/**
 * The outcome so far: `open` (neither transferred nor decided), `transferred` (WC.10.1 转送有权部门处理),
 * `decided` (WC.10.3 经区局党委集体讨论后……做出处理决定), `decided-violation` (decided, 涉嫌违纪违法: reported to
 * the discipline inspection group or due to be).
 */
export const WRONG_CASE_OUTCOMES = ["open", "transferred", "decided", "decided-violation"] as const;
export type WrongCaseOutcome = (typeof WRONG_CASE_OUTCOMES)[number];

export interface WrongCaseFacts {
  readonly month: string;
  readonly trigger: WrongCaseTrigger;
  readonly stage: string;
  readonly outcome: WrongCaseOutcome;
}

/** The facts of a proceeding, or null before its report came in. */
export const wrongCaseFacts = (state: WrongCaseState): WrongCaseFacts | null => {
  const report = state.report;
  if (report === null) return null;
  return {
    month: report.date.slice(0, 7),
    trigger: report.reporter._tag === "Staff" ? "staff" : "public",
    stage: state.stage,
    outcome:
      state.transfer !== null
        ? "transferred"
        : state.decision === null
          ? "open"
          : state.decision.suspectedViolation
            ? "decided-violation"
            : "decided",
  };
};

/** Calendar days from one YYYY-MM-DD to another (time per stage counts calendar days, not working days). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
