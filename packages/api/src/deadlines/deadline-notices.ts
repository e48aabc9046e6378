/**
 * Which in-app notices a running period calls for today (WC.10.1 transfer, WC.10.3 re-investigation): one when
 * a single working day is left, one when it is overdue, each to the people responsible for the step the
 * period waits for. Pure: the scheduler (check-deadlines.ts) reads the periods and issues what this returns.
 *
 * A notice's id names the proceeding, the period and the day it opened, the kind and the recipient, so
 * issuing it again (the next hourly run, another server process) is a no-op, while a period opened anew (a
 * second re-investigation order) gets notices of its own.
 */
import {
  type CalendarOutOfRange,
  type DeadlineStatus,
  deadlineStatus,
  type HolidayCalendar,
  type IsoDate,
  type WrongCaseState,
} from "@liuhen/domain";
import { Either } from "effect";
import { wrongCaseSubjects } from "../case-files/wrong-case-file.js";

export interface RunningPeriod {
  readonly streamId: string;
  readonly period: "WC.10.1" | "WC.10.3";
  readonly start: string;
  readonly due: string;
}

export type DeadlineNoticeKind = "deadline-due-soon" | "deadline-overdue";

export interface DeadlineNotice {
  readonly notificationId: string;
  readonly recipient: string;
  readonly kind: DeadlineNoticeKind;
  readonly streamId: string;
  readonly date: string;
  readonly details: Readonly<Record<string, string>>;
}

/**
 * Who answers for a period. WC.10.1 (转送 within 2 working days of 受理): the legal officer who accepted the
 * report. WC.10.3 (1 个月内责令重新组织调查并作出处理决定): the committee secretary who ordered it and the
 * head, who assigns the new team. Never a subject of the file.
 */
const RESPONSIBLE: Readonly<
  Record<RunningPeriod["period"], (state: WrongCaseState) => ReadonlyArray<string>>
> = {
  "WC.10.1": (state) => (state.acceptance === null ? [] : [state.acceptance.by]),
  "WC.10.3": (state) =>
    [state.rounds.at(-1)?.order?.by, state.reportToHead?.head].filter((p): p is string => p !== undefined),
};

const kindOf = (status: DeadlineStatus): DeadlineNoticeKind | null => {
  switch (status._tag) {
    case "NotYetDue":
      return status.workingDaysLeft <= 1 ? "deadline-due-soon" : null;
    // The due day itself still leaves the day to act; a scheduler that was down yesterday says so today.
    case "DueToday":
      return "deadline-due-soon";
    case "Overdue":
      return "deadline-overdue";
  }
};

export const deadlineNotices = (
  period: RunningPeriod,
  state: WrongCaseState,
  today: IsoDate,
  calendar: HolidayCalendar,
): Either.Either<ReadonlyArray<DeadlineNotice>, CalendarOutOfRange> =>
  Either.map(deadlineStatus(period.due as IsoDate, today, calendar), (status) => {
    const kind = kindOf(status);
    if (kind === null) return [];
    const subjects = wrongCaseSubjects(state);
    const recipients = [...new Set(RESPONSIBLE[period.period](state))].filter((p) => !subjects.includes(p));
    return recipients.map((recipient) => ({
      notificationId: `deadline/${period.streamId}/${period.period}/${period.start}/${kind}/${recipient}`,
      recipient,
      kind,
      streamId: period.streamId,
      date: today,
      details: { period: period.period, start: period.start, due: period.due },
    }));
  });
