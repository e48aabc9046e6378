/**
 * The wrong-case proceeding (WC.10) over HTTP: a report by staff opens it, then each step is one procedure
 * that records one domain event, checked by the domain's state machine (an illegal move is refused with its
 * `IllegalTransition`), with the articles it rests on in the log.
 *
 * Who may take a step is decided in three layers, each from data: the role the step needs (`STEP_RULES`),
 * need-to-know on the file (the domain's `readAccess`: the person a report is about never reads it, whatever
 * their roles), and the gate of the step (the team of the round under way for investigation acts; the
 * officer notified for their own statement and appeal, WC.12, without reading the file). People a step names
 * to act in the file (the head, team members, those attending the committee) must be in the staff directory,
 * hold the role they act in, and may not be its subjects (`checkStepActors`).
 *
 * `by` in every event is the caller's person id, never an input: nobody records a step as someone else.
 */

import {
  AppealBody,
  assess,
  CommitteeDecided,
  type ContractErrorTag,
  decisionReceipt,
  FindingsSubmitted,
  HandlingProposed,
  InvestigationLogged,
  InvestigationMethod,
  InvestigationTeamAssigned,
  isContractError,
  OfficerAppealFiled,
  OfficerNotified,
  OfficerStatementFiled,
  ReferredToDisciplineGroup,
  Regimes,
  ReinvestigationOrdered,
  ReportAccepted,
  ReportedToHead,
  ReporterAnswered,
  ReportReceived,
  ReportTransferred,
  ROLES,
  type Role,
  readAccess,
  StepDate,
  WrongCaseClosed,
  type WrongCaseEvent,
  WrongCaseState,
  WrongCaseTrigger,
  wrongCaseNextSteps,
} from "@liuhen/domain";
import {
  AgencyId,
  EventLog,
  openWrongCase,
  Proceedings,
  type ProceedingView,
  StreamId,
  WrongCaseNumber,
  wrongCaseStreamId,
} from "@liuhen/store";
import { Effect, Either, Option, Schema } from "effect";
import { AttachmentsInput, attachmentRefs } from "../case-files/attachment-access.js";
import { Name, People, Person, Text } from "../case-files/bounded-text.js";
import { personOf, stepDate, viewerOf } from "../case-files/case-actor.js";
import { checkStepActors, type StepActor } from "../case-files/step-actors.js";
import { currentTeam, wrongCaseFileFacts, wrongCaseSubjects } from "../case-files/wrong-case-file.js";
import type { Caller } from "../context.js";
import { Forbidden, NotFound } from "../errors/api-errors.js";
import { input, requireRole, router, run } from "../trpc.js";

/** 集体讨论: the domain's rule (at least two present), bounded. */
const Attendance = CommitteeDecided.fields.attendance.pipe(
  Schema.maxItems(50, { message: () => "at most 50 people" }),
);

/** Which proceeding, as the caller last saw it, and the day of the step (today unless given). */
const TARGET = {
  proceedingId: WrongCaseNumber,
  expectedVersion: Schema.Int.pipe(
    Schema.greaterThanOrEqualTo(1, { message: () => "a version is at least 1" }),
  ),
  date: Schema.optional(StepDate),
};

/** Everyone with a role in the cases; an administrator alone reads no case content. */
const STAFF_ROLES = ROLES.filter((role) => role !== "admin") as unknown as readonly [Role, ...Array<Role>];

/**
 * Beyond holding the role: `file` — the caller may read the file (need-to-know); `team` — and is on the team
 * of the round under way (WC.10.2); `notified-officer` — the caller is an officer the decision was made known
 * to (WC.12), who does not read the file.
 */
type Gate = "file" | "team" | "notified-officer";

interface StepRule<F extends Schema.Struct.Fields> {
  readonly roles: readonly [Role, ...Array<Role>];
  readonly gate: Gate;
  readonly fields: F;
  /** People the step names to act in the file, by input field. */
  readonly actors?: (input: Schema.Struct.Type<F>) => ReadonlyArray<StepActor>;
  readonly event: (
    input: Schema.Struct.Type<F>,
    by: string,
    date: string,
    caller: Caller,
  ) => Effect.Effect<WrongCaseEvent, StepRefusal, Regimes | ReferenceServices>;
}

/** The assessment behind a proposal failed the domain's contract; its tag and path come from the domain. */
interface ContractRefusal {
  readonly _tag: ContractErrorTag;
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
}

/** What looking up the files a step names needs and how it can fail. */
type ReferenceServices = Effect.Effect.Context<ReturnType<typeof attachmentRefs>>;
type StepRefusal = ContractRefusal | Effect.Effect.Error<ReturnType<typeof attachmentRefs>>;

const rule = <F extends Schema.Struct.Fields>(r: StepRule<F>) => r;
const made = Effect.succeed;

const gateOpen = (gate: Gate, state: WrongCaseState, person: string, readable: boolean): boolean => {
  switch (gate) {
    case "file":
      return readable;
    case "team":
      return readable && currentTeam(state).includes(person);
    case "notified-officer":
      return state.notices.some((notice) => notice.officer === person);
  }
};

/**
 * The legal section's proposal (WC.7): the domain's assessment of the facts, kept with its decision receipt
 * so anyone can reproduce it later (`reproduce`) and see whether the rules or the policy have changed since.
 */
const proposal = (request: unknown, summary: string, by: string, date: string) =>
  Effect.gen(function* () {
    const refuse = (tag: ContractRefusal["_tag"], message: string, path: ReadonlyArray<string | number>) =>
      Effect.fail<ContractRefusal>({ _tag: tag, message, path: ["assessment", ...path] });
    if (typeof request !== "object" || request === null || Array.isArray(request)) {
      return yield* refuse("InvalidRequest", "an assessment request is a JSON object", []);
    }
    const registry = yield* Regimes;
    const given = (request as { readonly regime?: unknown }).regime;
    const regime = registry.find(typeof given === "string" ? given : undefined);
    if (Either.isLeft(regime)) return yield* refuse("UnknownRegime", regime.left.message, ["regime"]);
    const result = assess({ ...request, regime: regime.right.id }, registry);
    if (isContractError(result))
      return yield* refuse(result.error.tag, result.error.message, result.error.path);
    if (result.kind !== "wrong-case") {
      return yield* refuse(
        "InvalidRequest",
        `a proposal rests on a wrong-case assessment, not ${result.kind}`,
        ["kind"],
      );
    }
    const receipt = decisionReceipt(regime.right, request, result);
    return HandlingProposed.make({
      date,
      by,
      assessmentRef: `${receipt.algorithm}:${receipt.digest}`,
      assessment: { request, result, receipt: { ...receipt } },
      summary,
    });
  });

const STEP_RULES = {
  /** WC.10.1 区局法治科应当及时受理. */
  accept: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: {},
    event: (_, by, date) => made(ReportAccepted.make({ date, by })),
  }),
  /** WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理. */
  transfer: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: { competentBody: Name, reason: Text },
    event: (i, by, date) =>
      made(ReportTransferred.make({ date, by, competentBody: i.competentBody, reason: i.reason })),
  }),
  /** WC.10.1 并负责答复. */
  answerReporter: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: { answer: Text },
    event: (i, by, date) => made(ReporterAnswered.make({ date, by, answer: i.answer })),
  }),
  /** WC.10.2 应当及时报局主要负责人. */
  reportToHead: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: { head: Person },
    actors: (i) => [["head", i.head, "head"]],
    event: (i, by, date) => made(ReportedToHead.make({ date, by, head: i.head })),
  }),
  /** WC.10.2 由局主要负责人指派区局机关纪委及时组成调查组; WC.10.3 责令重新组织调查. */
  assignTeam: rule({
    roles: ["head"],
    gate: "file",
    fields: { members: Schema.NonEmptyArray(Person).pipe(Schema.maxItems(20)) },
    actors: (i) => i.members.map((m, n) => [`members.${n}`, m, "investigator"] as const),
    event: (i, by, date) => made(InvestigationTeamAssigned.make({ date, by, members: i.members })),
  }),
  /** WC.10.2 调阅有关案件材料、询问执法责任人、了解核实有关情况、询问行政相对人. */
  logInvestigation: rule({
    roles: ["investigator"],
    gate: "team",
    fields: { method: InvestigationMethod, summary: Text, attachments: AttachmentsInput },
    event: (i, by, date, caller) =>
      Effect.map(attachmentRefs(caller, i.attachments), (attachments) =>
        InvestigationLogged.make({ date, by, method: i.method, summary: i.summary, attachments }),
      ),
  }),
  /** WC.10.3 根据调查结果，认定错案性质、责任人. */
  submitFindings: rule({
    roles: ["investigator"],
    gate: "team",
    fields: {
      confirmed: Schema.Boolean,
      triggers: Schema.Array(WrongCaseTrigger),
      nature: Text,
      responsible: People,
    },
    event: (i, by, date) =>
      made(
        FindingsSubmitted.make({
          date,
          by,
          confirmed: i.confirmed,
          triggers: i.triggers,
          nature: i.nature,
          responsible: i.responsible,
        }),
      ),
  }),
  /** WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议. */
  propose: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: { assessment: Schema.Unknown, summary: Text },
    event: (i, by, date) => proposal(i.assessment, i.summary, by, date),
  }),
  /** WC.10.3 经区局党委集体讨论后及时做出处理决定. */
  decide: rule({
    roles: ["committee"],
    gate: "file",
    fields: {
      attendance: Attendance,
      outcome: Text,
      officers: People,
      suspectedViolation: Schema.Boolean,
    },
    actors: (i) => i.attendance.map((m, n) => [`attendance.${n}`, m, null] as const),
    event: (i, by, date) =>
      made(
        CommitteeDecided.make({
          date,
          by,
          attendance: i.attendance,
          outcome: i.outcome,
          officers: i.officers,
          suspectedViolation: i.suspectedViolation,
        }),
      ),
  }),
  /** WC.10.3 区局党委认为调查组的处理决定事实不清的，可以在1个月内责令重新组织调查. */
  orderReinvestigation: rule({
    roles: ["committee"],
    gate: "file",
    fields: { attendance: Attendance, reasons: Text },
    actors: (i) => i.attendance.map((m, n) => [`attendance.${n}`, m, null] as const),
    event: (i, by, date) =>
      made(ReinvestigationOrdered.make({ date, by, attendance: i.attendance, reasons: i.reasons })),
  }),
  /** WC.10.3 如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告. */
  referToDisciplineGroup: rule({
    roles: ["committee", "legal-officer"],
    gate: "file",
    fields: { summary: Text },
    event: (i, by, date) => made(ReferredToDisciplineGroup.make({ date, by, summary: i.summary })),
  }),
  /** The decision is made known to an officer it concerns, which opens their WC.12 remedies. */
  notifyOfficer: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: { officer: Person },
    event: (i, by, date) => made(OfficerNotified.make({ date, by, officer: i.officer })),
  }),
  /** WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩. */
  fileStatement: rule({
    roles: STAFF_ROLES,
    gate: "notified-officer",
    fields: { statement: Text },
    event: (i, by, date) => made(OfficerStatementFiled.make({ date, officer: by, statement: i.statement })),
  }),
  /** WC.12 也可以按照有关规定向区行政执法监督部门或区纪检、监察部门提出申诉. */
  fileAppeal: rule({
    roles: STAFF_ROLES,
    gate: "notified-officer",
    fields: { body: AppealBody, grounds: Text },
    event: (i, by, date) =>
      made(OfficerAppealFiled.make({ date, officer: by, body: i.body, grounds: i.grounds })),
  }),
  /** The proceeding ends: transferred, or the decision made known. */
  close: rule({
    roles: ["legal-officer"],
    gate: "file",
    fields: {},
    event: (_, by, date) => made(WrongCaseClosed.make({ date, by })),
  }),
};

type StepName = keyof typeof STEP_RULES;

/** The file as the caller may see it: need-to-know has been asked already. */
const fileView = (view: ProceedingView<WrongCaseState>) => ({
  proceedingId: view.streamId.slice(wrongCaseStreamId("").length),
  stage: view.stage,
  version: view.version,
  updatedAt: view.updatedAt,
  state: Schema.encodeSync(WrongCaseState)(view.state),
  nextSteps: wrongCaseNextSteps(view.state).map((step) => ({ ...step })),
});

const loadFile = (caller: Caller, proceedingId: string) =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const found = yield* proceedings.wrongCase(caller.agencyId, proceedingId);
    if (Option.isNone(found)) {
      return yield* new NotFound({ message: `no wrong-case proceeding ${proceedingId}`, what: "proceeding" });
    }
    return found.value;
  });

/** The file, if need-to-know lets the caller read it. */
const readableFile = (caller: Caller, proceedingId: string) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const file = yield* loadFile(caller, proceedingId);
    const access = readAccess(viewerOf(caller, person), wrongCaseFileFacts(file.state));
    if (!access.read) {
      return yield* new Forbidden({ message: `you may not read proceeding ${proceedingId}` });
    }
    return { file, access };
  });

const takeStep = <F extends Schema.Struct.Fields>(
  caller: Caller,
  name: StepName,
  stepRule: StepRule<F>,
  request: Schema.Struct.Type<F> & {
    readonly proceedingId: string;
    readonly expectedVersion: number;
    readonly date?: string | undefined;
  },
) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const file = yield* loadFile(caller, request.proceedingId);
    const readable = readAccess(viewerOf(caller, person), wrongCaseFileFacts(file.state)).read;
    if (!gateOpen(stepRule.gate, file.state, person, readable)) {
      return yield* new Forbidden({
        message: `you may not take the step ${name} in proceeding ${request.proceedingId}`,
      });
    }
    yield* checkStepActors(
      caller.agencyId,
      `proceeding ${request.proceedingId}`,
      wrongCaseSubjects(file.state),
      stepRule.actors?.(request) ?? [],
    );
    const date = yield* stepDate(request.date);
    const event = yield* stepRule.event(request, person, date, caller);
    const recorded = yield* Effect.flatMap(Proceedings, (proceedings) =>
      proceedings.recordWrongCase({
        agencyId: caller.agencyId,
        proceedingId: request.proceedingId,
        expectedVersion: request.expectedVersion,
        actor: `account:${caller.accountId}`,
        event,
      }),
    );
    // An officer filing their statement learns the new version only, not the file.
    return stepRule.gate === "notified-officer"
      ? { proceedingId: request.proceedingId, version: recorded.proceeding.version }
      : fileView(recorded.proceeding);
  });

const stepProcedure = <F extends Schema.Struct.Fields>(name: StepName, stepRule: StepRule<F>) =>
  requireRole(...stepRule.roles)
    .input(
      // Every field Schema here needs no service; TypeScript cannot see that through the generic `F`.
      input(
        Schema.Struct({ ...TARGET, ...stepRule.fields }) as unknown as Schema.Schema<
          Schema.Struct.Type<typeof TARGET & F>,
          Schema.Struct.Encoded<typeof TARGET & F>
        >,
      ),
    )
    .mutation(({ ctx, input: request }) => run(ctx, takeStep(ctx.caller, name, stepRule, request as never)));

const staffProcedure = requireRole(...STAFF_ROLES);

export const wrongCaseRouter = router({
  /** WC.10.1 任何人均有权举报或投诉: a report by a member of staff opens a proceeding. */
  report: staffProcedure
    .input(
      input(
        Schema.Struct({
          officers: People,
          allegation: Text,
          date: Schema.optional(StepDate),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = yield* personOf(ctx.caller);
          const date = yield* stepDate(request.date);
          return yield* openWrongCase(
            ctx.caller.agencyId,
            `account:${ctx.caller.accountId}`,
            ReportReceived.make({
              date,
              reporter: { _tag: "Staff", id: person },
              officers: request.officers,
              allegation: request.allegation,
            }),
          );
        }),
      ),
    ),

  /** The proceedings the caller may read, newest number last, with why they may. */
  list: staffProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const person = yield* personOf(ctx.caller);
        const viewer = viewerOf(ctx.caller, person);
        const all = yield* Effect.flatMap(Proceedings, (p) => p.wrongCases(ctx.caller.agencyId));
        return all.flatMap((view) => {
          const access = readAccess(viewer, wrongCaseFileFacts(view.state));
          if (!access.read) return [];
          const { report } = view.state;
          return [
            {
              proceedingId: view.streamId.slice(wrongCaseStreamId("").length),
              stage: view.stage,
              version: view.version,
              updatedAt: view.updatedAt,
              receivedOn: report?.date ?? null,
              allegation: report?.allegation ?? null,
              openPeriods: view.state.openPeriods.map((p) => ({ ...p })),
              access: access.reason,
            },
          ];
        });
      }),
    ),
  ),

  /** One proceeding, its state, the steps legal next, and its history as the log holds it. */
  get: staffProcedure
    .input(input(Schema.Struct({ proceedingId: WrongCaseNumber })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { file, access } = yield* readableFile(ctx.caller, request.proceedingId);
          const log = yield* EventLog;
          const events = yield* log.readStream(
            AgencyId.make(ctx.caller.agencyId),
            StreamId.make(wrongCaseStreamId(request.proceedingId)),
          );
          return {
            ...fileView(file),
            access: access.reason,
            history: events.map((event) => ({
              leafIndex: event.leafIndex,
              eventId: event.id,
              type: event.type,
              actor: event.actor,
              occurredAt: event.occurredAt,
              citations: [...event.citations],
            })),
          };
        }),
      ),
    ),

  /**
   * WC.12: the decisions made known to the caller as an officer, with what they have filed since. The
   * officer is a subject of the file, so this is all they learn of it: not the report, nor who made it.
   */
  myNotices: staffProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const person = yield* personOf(ctx.caller);
        const all = yield* Effect.flatMap(Proceedings, (p) => p.wrongCases(ctx.caller.agencyId));
        return all.flatMap((view) => {
          const notices = view.state.notices.filter((n) => n.officer === person);
          const first = notices[0];
          if (first === undefined) return [];
          return [
            {
              proceedingId: view.streamId.slice(wrongCaseStreamId("").length),
              version: view.version,
              closed: view.stage === "closed",
              notifiedOn: first.date,
              decision:
                view.state.decision === null
                  ? null
                  : { date: view.state.decision.date, outcome: view.state.decision.outcome },
              statements: view.state.statements
                .filter((s) => s.officer === person)
                .map((s) => ({ date: s.date, statement: s.statement })),
              appeals: view.state.appeals
                .filter((a) => a.officer === person)
                .map((a) => ({ date: a.date, body: a.body, grounds: a.grounds })),
            },
          ];
        });
      }),
    ),
  ),

  accept: stepProcedure("accept", STEP_RULES.accept),
  transfer: stepProcedure("transfer", STEP_RULES.transfer),
  answerReporter: stepProcedure("answerReporter", STEP_RULES.answerReporter),
  reportToHead: stepProcedure("reportToHead", STEP_RULES.reportToHead),
  assignTeam: stepProcedure("assignTeam", STEP_RULES.assignTeam),
  logInvestigation: stepProcedure("logInvestigation", STEP_RULES.logInvestigation),
  submitFindings: stepProcedure("submitFindings", STEP_RULES.submitFindings),
  propose: stepProcedure("propose", STEP_RULES.propose),
  decide: stepProcedure("decide", STEP_RULES.decide),
  orderReinvestigation: stepProcedure("orderReinvestigation", STEP_RULES.orderReinvestigation),
  referToDisciplineGroup: stepProcedure("referToDisciplineGroup", STEP_RULES.referToDisciplineGroup),
  notifyOfficer: stepProcedure("notifyOfficer", STEP_RULES.notifyOfficer),
  fileStatement: stepProcedure("fileStatement", STEP_RULES.fileStatement),
  fileAppeal: stepProcedure("fileAppeal", STEP_RULES.fileAppeal),
  close: stepProcedure("close", STEP_RULES.close),
});
