/**
 * The wrong-case proceeding as a pure state machine: the stage reached and what the steps recorded, a
 * transition table saying which step is legal from which stage, and `applyWrongCase` refusing any other.
 *
 * WC.10 执法错案责任的追究程序：
 * （一）立案。任何人均有权举报或投诉执法人员过错行为，区局法治科应当及时受理，并负责答复。不属于本单位受理的案件，
 *       应在受理后2日内转送有权部门处理。
 * （二）调查。区局法治科受理案件后，应当及时报局主要负责人，由局主要负责人指派区局机关纪委及时组成调查组展开调查……
 * （三）追究。根据调查结果，认定错案性质、责任人后，经区局党委集体讨论后及时做出处理决定，如涉嫌违纪违法及时向
 *       区纪委监委驻发改委纪检组报告。区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定。
 * WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩，也可以……提出申诉。
 */
import { Either, Match, Schema } from "effect";
import { citation } from "../citation/citation-id.js";
import type { DateOutOfOrder } from "./date-out-of-order.js";
import type { IllegalTransition } from "./illegal-transition.js";
import { LateStep, OpenPeriod, type PeriodClock, type ProceedingPeriod } from "./period-clock.js";
import { StepDate } from "./step-date.js";
import {
  legalNextSteps,
  type NextStep,
  type ProceedingPosition,
  resolveTransition,
  sinceAfter,
  type TransitionTable,
} from "./transition-table.js";
import {
  CommitteeDecided,
  FindingsSubmitted,
  HandlingProposed,
  InvestigationLogged,
  InvestigationTeamAssigned,
  OfficerAppealFiled,
  OfficerNotified,
  OfficerStatementFiled,
  ReferredToDisciplineGroup,
  ReinvestigationOrdered,
  ReportAccepted,
  ReportedToHead,
  ReporterAnswered,
  ReportReceived,
  ReportTransferred,
  WrongCaseClosed,
  type WrongCaseEvent,
  type WrongCaseEventTag,
} from "./wrong-case-events.js";

export const WrongCaseStage = Schema.Literal(
  /** Nothing recorded yet. */
  "new",
  /** A report or complaint has come in (WC.10.1 举报或投诉). */
  "received",
  /** The legal section has accepted it (受理); the WC.10.1 transfer period runs. */
  "accepted",
  /** Sent on to the competent body (转送有权部门处理). */
  "transferred",
  /** Reported to the bureau's principal head (WC.10.2 报局主要负责人). */
  "reported-to-head",
  /** The head has assigned an investigation team; nothing investigated yet in this round. */
  "team-assigned",
  /** At least one act of investigation logged in this round. */
  "investigating",
  /** The team has submitted its findings (认定错案性质、责任人). */
  "findings-submitted",
  /** The legal section has proposed how to handle it (WC.7 处理建议). */
  "proposal-made",
  /** The party committee found the facts unclear and ordered a new investigation (责令重新组织调查). */
  "reinvestigation-ordered",
  /** The party committee decided after collective discussion. */
  "decided",
  /** Decided, with a suspected discipline or law violation still to be reported (涉嫌违纪违法). */
  "referral-due",
  /** Reported to the discipline inspection group (区纪委监委驻发改委纪检组). */
  "referred",
  /** The decision has been made known to an officer; WC.12 remedies are open. */
  "notified",
  /** Nothing more may be recorded. */
  "closed",
);
export type WrongCaseStage = typeof WrongCaseStage.Type;

/** One round of investigation: the first, or one ordered anew by the party committee. */
export class InvestigationRound extends Schema.Class<InvestigationRound>("InvestigationRound")({
  /** The order that opened this round; null for the first. */
  order: Schema.NullOr(ReinvestigationOrdered),
  /** Every team assignment, the latest holding. */
  teams: Schema.Array(InvestigationTeamAssigned),
  log: Schema.Array(InvestigationLogged),
  findings: Schema.NullOr(FindingsSubmitted),
  proposal: Schema.NullOr(HandlingProposed),
}) {}

export class WrongCaseState extends Schema.Class<WrongCaseState>("WrongCaseState")({
  stage: WrongCaseStage,
  /** The date of the last step that was not repeatable: no later step may be dated before it. */
  since: Schema.NullOr(StepDate),
  report: Schema.NullOr(ReportReceived),
  acceptance: Schema.NullOr(ReportAccepted),
  transfer: Schema.NullOr(ReportTransferred),
  reportToHead: Schema.NullOr(ReportedToHead),
  rounds: Schema.Array(InvestigationRound),
  decision: Schema.NullOr(CommitteeDecided),
  referral: Schema.NullOr(ReferredToDisciplineGroup),
  notices: Schema.Array(OfficerNotified),
  statements: Schema.Array(OfficerStatementFiled),
  appeals: Schema.Array(OfficerAppealFiled),
  answers: Schema.Array(ReporterAnswered),
  closure: Schema.NullOr(WrongCaseClosed),
  /** The periods running now, with their due dates. */
  openPeriods: Schema.Array(OpenPeriod),
  /** Steps taken after their period ran out, for reporting. */
  late: Schema.Array(LateStep),
}) {}

type WrongCaseFields = Schema.Struct.Type<typeof WrongCaseState.fields>;

export const initialWrongCase: WrongCaseState = new WrongCaseState({
  stage: "new",
  since: null,
  report: null,
  acceptance: null,
  transfer: null,
  reportToHead: null,
  rounds: [],
  decision: null,
  referral: null,
  notices: [],
  statements: [],
  appeals: [],
  answers: [],
  closure: null,
  openPeriods: [],
  late: [],
});

/** How a step bears on a period: opens it, ends it (late when after the due date), or makes it moot. */
export interface PeriodEffect {
  readonly opens?: ProceedingPeriod;
  readonly ends?: ProceedingPeriod;
  readonly lapses?: ProceedingPeriod;
}

// Every stage after acceptance and before closure: where the reporter may be answered (负责答复).
const AFTER_ACCEPTANCE = [
  "accepted",
  "transferred",
  "reported-to-head",
  "team-assigned",
  "investigating",
  "findings-submitted",
  "proposal-made",
  "reinvestigation-ordered",
  "decided",
  "referral-due",
  "referred",
  "notified",
] as const satisfies ReadonlyArray<WrongCaseStage>;

const currentRound = (s: WrongCaseState): InvestigationRound | undefined => s.rounds.at(-1);

export const wrongCaseTransitions = {
  // WC.10.1 任何人均有权举报或投诉执法人员过错行为
  ReportReceived: {
    citations: [citation("WC.10.1")],
    repeatable: false,
    from: { new: "received" },
  },
  // WC.10.1 区局法治科应当及时受理; WC.3 法治科具体承担……调查、认定和追究职责
  ReportAccepted: {
    citations: [citation("WC.3"), citation("WC.10.1")],
    repeatable: false,
    from: { received: "accepted" },
    opens: "WC.10.1",
  },
  // WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理
  ReportTransferred: {
    citations: [citation("WC.10.1")],
    repeatable: false,
    from: { accepted: "transferred" },
    ends: "WC.10.1",
  },
  // WC.10.1 并负责答复
  ReporterAnswered: {
    citations: [citation("WC.10.1")],
    repeatable: true,
    from: Object.fromEntries(AFTER_ACCEPTANCE.map((s) => [s, s])),
    // An answer may be entered while the proceeding moves on; it cannot precede the acceptance.
    notBefore: (s) => s.acceptance?.date ?? null,
  },
  // WC.10.2 区局法治科受理案件后，应当及时报局主要负责人
  ReportedToHead: {
    citations: [citation("WC.10.2")],
    repeatable: false,
    from: { accepted: "reported-to-head" },
    // The bureau keeps the matter: nothing is left to transfer.
    lapses: "WC.10.1",
  },
  // WC.10.2 由局主要负责人指派区局机关纪委及时组成调查组; WC.10.3 责令重新组织调查
  InvestigationTeamAssigned: {
    citations: [citation("WC.10.2")],
    repeatable: true,
    from: {
      "reported-to-head": "team-assigned",
      "team-assigned": "team-assigned",
      investigating: "investigating",
      "reinvestigation-ordered": "team-assigned",
    },
  },
  // WC.10.2 调阅有关案件材料、询问执法责任人、了解核实有关情况、询问行政相对人
  InvestigationLogged: {
    citations: [citation("WC.10.2")],
    repeatable: true,
    from: {
      "team-assigned": "investigating",
      investigating: "investigating",
      // 重新组织调查: the team already assigned may carry on.
      "reinvestigation-ordered": "investigating",
    },
    notBefore: (s) => currentRound(s)?.teams.at(-1)?.date ?? null,
  },
  // WC.10.3 根据调查结果，认定错案性质、责任人; WC.5 经调查属实的，界定为错案
  FindingsSubmitted: {
    citations: [citation("WC.5"), citation("WC.10.2"), citation("WC.10.3")],
    repeatable: false,
    from: { investigating: "findings-submitted" },
  },
  // WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议
  HandlingProposed: {
    citations: [citation("WC.7")],
    repeatable: false,
    from: { "findings-submitted": "proposal-made" },
  },
  // WC.10.3 经区局党委集体讨论后及时做出处理决定，如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告
  CommitteeDecided: {
    citations: [citation("WC.10.3")],
    repeatable: false,
    from: {
      "proposal-made": {
        oneOf: ["decided", "referral-due"],
        route: (e: typeof CommitteeDecided.Type) => (e.suspectedViolation ? "referral-due" : "decided"),
      },
    },
    ends: "WC.10.3",
  },
  // WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查并作出处理决定
  ReinvestigationOrdered: {
    citations: [citation("WC.10.3")],
    repeatable: false,
    from: { "proposal-made": "reinvestigation-ordered" },
    // A second order ends the first order's period (late if it ran out undecided) and starts its own.
    ends: "WC.10.3",
    opens: "WC.10.3",
  },
  // WC.10.3 如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告
  ReferredToDisciplineGroup: {
    citations: [citation("WC.10.3")],
    repeatable: false,
    from: { "referral-due": "referred" },
  },
  // WC.10.3 处理决定; WC.12 被追究人员……可以进行陈述和申辩: one notice per officer concerned
  OfficerNotified: {
    citations: [citation("WC.10.3"), citation("WC.12")],
    repeatable: true,
    from: { decided: "notified", referred: "notified", notified: "notified" },
  },
  // WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩
  OfficerStatementFiled: {
    citations: [citation("WC.12")],
    repeatable: true,
    from: { notified: "notified" },
  },
  // WC.12 也可以按照有关规定向区行政执法监督部门或区纪检、监察部门提出申诉
  OfficerAppealFiled: {
    citations: [citation("WC.12")],
    repeatable: true,
    from: { notified: "notified" },
  },
  // WC.10 the proceeding ends once the matter has left the bureau or the decision has been made known
  WrongCaseClosed: {
    citations: [citation("WC.10.1"), citation("WC.10.3")],
    repeatable: false,
    from: { transferred: "closed", notified: "closed" },
  },
} satisfies TransitionTable<WrongCaseStage, WrongCaseEvent, WrongCaseState, PeriodEffect>;

/** Why an event is refused, besides the clock's own error. */
export type WrongCaseRefusal = IllegalTransition | DateOutOfOrder;

const startRound = (order: typeof ReinvestigationOrdered.Type | null): InvestigationRound =>
  new InvestigationRound({ order, teams: [], log: [], findings: null, proposal: null }, true);

/** The rounds with the current one changed by `f` (a first round is started if there is none). */
const inCurrentRound = (
  s: WrongCaseState,
  f: (round: InvestigationRound) => Partial<Schema.Struct.Type<typeof InvestigationRound.fields>>,
): ReadonlyArray<InvestigationRound> => {
  const round = currentRound(s) ?? startRound(null);
  return [...s.rounds.slice(0, -1), new InvestigationRound({ ...round, ...f(round) }, true)];
};

/** What each step adds to the record: every event kind handled, or this fails to compile. */
const record = (s: WrongCaseState, event: WrongCaseEvent): Partial<WrongCaseFields> =>
  Match.valueTags(event, {
    ReportReceived: (e) => ({ report: e }),
    ReportAccepted: (e) => ({ acceptance: e }),
    ReportTransferred: (e) => ({ transfer: e }),
    ReporterAnswered: (e) => ({ answers: [...s.answers, e] }),
    ReportedToHead: (e) => ({ reportToHead: e, rounds: [startRound(null)] }),
    InvestigationTeamAssigned: (e) => ({ rounds: inCurrentRound(s, (r) => ({ teams: [...r.teams, e] })) }),
    InvestigationLogged: (e) => ({ rounds: inCurrentRound(s, (r) => ({ log: [...r.log, e] })) }),
    FindingsSubmitted: (e) => ({ rounds: inCurrentRound(s, () => ({ findings: e })) }),
    HandlingProposed: (e) => ({ rounds: inCurrentRound(s, () => ({ proposal: e })) }),
    CommitteeDecided: (e) => ({ decision: e }),
    ReinvestigationOrdered: (e) => ({ rounds: [...s.rounds, startRound(e)] }),
    ReferredToDisciplineGroup: (e) => ({ referral: e }),
    OfficerNotified: (e) => ({ notices: [...s.notices, e] }),
    OfficerStatementFiled: (e) => ({ statements: [...s.statements, e] }),
    OfficerAppealFiled: (e) => ({ appeals: [...s.appeals, e] }),
    WrongCaseClosed: (e) => ({ closure: e }),
  });

/** The periods after a step: lapsed ones dropped, ended ones checked for lateness, a new one opened. */
const settlePeriods = <E>(
  s: WrongCaseState,
  event: WrongCaseEvent,
  effect: PeriodEffect,
  clock: PeriodClock<E>,
): Either.Either<Pick<WrongCaseFields, "openPeriods" | "late">, E> => {
  const { opens, ends, lapses } = effect;
  const ended = s.openPeriods.filter((p) => p.period === ends);
  const late = [
    ...s.late,
    ...ended
      .filter((p) => event.date > p.due)
      .map((p) => new LateStep({ period: p.period, event: event._tag, due: p.due, on: event.date }, true)),
  ];
  const running = s.openPeriods.filter((p) => p.period !== ends && p.period !== lapses);
  if (opens === undefined) return Either.right({ openPeriods: running, late });
  return Either.map(clock.due(opens, event.date), (due) => ({
    openPeriods: [
      ...running,
      new OpenPeriod({ period: opens, openedBy: event._tag, start: event.date, due }, true),
    ],
    late,
  }));
};

/**
 * The proceeding after `event`, or why the event is refused. Periods are counted by `clock`; its error
 * (a calendar that does not know the year) is returned as it is.
 */
export const applyWrongCase = <E = never>(
  state: WrongCaseState,
  event: WrongCaseEvent,
  clock: PeriodClock<E>,
): Either.Either<WrongCaseState, WrongCaseRefusal | E> =>
  Either.flatMap(
    resolveTransition<WrongCaseStage, WrongCaseEvent, WrongCaseState, PeriodEffect>(
      wrongCaseTransitions,
      state,
      event,
    ),
    ({ to, rule }) =>
      Either.map(
        settlePeriods(state, event, rule, clock),
        (periods) =>
          // Built from decoded events and the clock's dates only, so not validated again.
          new WrongCaseState(
            {
              ...state,
              ...record(state, event),
              ...periods,
              stage: to,
              since: sinceAfter(rule, state, event.date),
            },
            true,
          ),
      ),
  );

/** The proceeding rebuilt from its events, from the start; the first refused event stops it. */
export const replayWrongCase = <E = never>(
  events: Iterable<WrongCaseEvent>,
  clock: PeriodClock<E>,
): Either.Either<WrongCaseState, WrongCaseRefusal | E> => {
  let state = initialWrongCase;
  for (const event of events) {
    const next = applyWrongCase(state, event, clock);
    if (Either.isLeft(next)) return next;
    state = next.right;
  }
  return Either.right(state);
};

/** The steps legal now, with where they lead and the articles behind them. */
export const wrongCaseNextSteps = (
  state: ProceedingPosition<WrongCaseStage>,
): ReadonlyArray<NextStep<WrongCaseStage, WrongCaseEventTag>> =>
  legalNextSteps<WrongCaseStage, WrongCaseEvent, WrongCaseState>(wrongCaseTransitions, state.stage);
