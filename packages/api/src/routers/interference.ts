/**
 * Interference records (干预、插手案件办理的记录) over HTTP: a handler records a contact (IF.3), the domain
 * categorises it at once (IF.2, IF.7, IF.8, IF.10, IF.13), and each later step is one procedure that records
 * one domain event, checked by the domain's state machine, with the articles it rests on in the log.
 *
 * IF.3 局机关办案机构及办案人员应对干预、插手案件办理的情况将时间、地点、人物、方式、内容等全面、如实记录，做到全程留痕，
 *      有据可查。遇有行政执法机关内部人员非法过问案件办理的情况，应向区局法治科报告。必要时可以直接向区司法行政部门
 *      行政执法协调监督机构报告。
 * IF.4 区局法治科应加强检查、抽查，如发现干预、插手案件办理线索的，应当及时向机关负责人报告并开展调查处理，必要时
 *      可移交同级司法行政部门行政执法协调监督机构调查处理。
 * IF.9 办案人员如实记录局机关内部人员干预、插手案件的情况，受法律和组织保护……
 *
 * Who may take a step is decided as in `wrong-case.ts`, from data (`STEP_RULES`): the role the step needs,
 * need-to-know on the record (the domain's `readAccess`: the person recorded never reads it nor learns who
 * recorded it, whatever their roles), and the gate of the step. The legal section's steps belong to the
 * legal officers while the record is routed to the legal section, and to the district judicial supervision
 * when it is routed there (IF.3: the person recorded is the head or a legal officer, `routeFor`, or the
 * handler reported it there). The legal section finds (IF.4 开展调查处理); the investigators the head names
 * gather the facts.
 *
 * `by` in every event is the caller's person id, never an input: nobody records a step as someone else.
 */
import {
  Act,
  assess,
  ContactFoundLegitimate,
  ContactMethod,
  ContactTime,
  type ContractErrorTag,
  checkProtection,
  decisionReceipt,
  Employment,
  explain,
  HandedOverToJudicialSupervision,
  InterferenceCategory,
  type InterferenceEvent,
  type InterferenceEventTag,
  InterferenceFound,
  InterferenceInvestigationNoted,
  InterferenceInvestigationOpened,
  InterferenceNotified,
  InterferenceRecordClosed,
  InterferenceRecorded,
  InterferenceState,
  IsoDate,
  interferenceNextSteps,
  isContractError,
  LeadReportedToHead,
  LegitimacyGround,
  NotificationApproved,
  PersonnelActionKind,
  PersonRole,
  RecordCorrected,
  RecordReviewed,
  ReferredForCriminalLiability,
  ReferredForDiscipline,
  Regimes,
  ReportedToJudicialSupervision,
  ReportedToLegalSection,
  RetaliationReferred,
  ROLES,
  type Role,
  type Route,
  readAccess,
  StepDate,
} from "@liuhen/domain";
import {
  Accounts,
  AgencyId,
  Attestations,
  Directory,
  EventLog,
  InterferenceRecordNumber,
  interferenceStreamId,
  openInterferenceRecord,
  PersonId,
  PersonnelActions,
  Proceedings,
  type ProceedingView,
  StatutoryText,
  StreamId,
} from "@liuhen/store";
import { type Context, Effect, Either, Option, Schema } from "effect";
import { AttachmentsInput, attachmentRefs } from "../case-files/attachment-access.js";
import { Name, Person, Text } from "../case-files/bounded-text.js";
import { personOf, stepDate, viewerOf } from "../case-files/case-actor.js";
import {
  interferenceFileFacts,
  interferenceSubjectRoute,
  interferenceSubjects,
} from "../case-files/interference-file.js";
import { checkStepActors, inDirectory, type StepActor } from "../case-files/step-actors.js";
import type { Caller } from "../context.js";
import {
  ConflictOfInterest,
  Forbidden,
  InvalidInput,
  NotFound,
  type UnknownPerson,
} from "../errors/api-errors.js";
import { RouteRequired, StatutoryGroundsRequired } from "../errors/interference-errors.js";
import { input, requireRole, router, run } from "../trpc.js";

/**
 * One to `most` items. A refusal of an empty list names the list, where a non-empty tuple's would name a
 * missing first item; the type is the tuple's, which `minItems(1)` guarantees.
 */
const SomeOf = <A, I>(item: Schema.Schema<A, I, never>, most: number, what: string) =>
  Schema.Array(item).pipe(
    Schema.minItems(1, { message: () => `name at least one ${what}` }),
    Schema.maxItems(most, { message: () => `at most ${most} ${what}s` }),
  ) as unknown as Schema.Schema<readonly [A, ...Array<A>], ReadonlyArray<I>>;

/**
 * Someone named in a record: a member of staff by their directory id (`staff`), or anyone else — former staff,
 * an outsider — in words (`other`). One of the two. A plain struct with a check rather than a union, so a
 * refusal names the field that is wrong, not a member of the union that was not meant.
 */
const NAMED = { staff: Schema.optional(Person), other: Schema.optional(Name) };
const exactlyOne = (p: { readonly staff?: string | undefined; readonly other?: string | undefined }) =>
  (p.staff === undefined) === (p.other === undefined)
    ? {
        path: [p.staff === undefined ? "staff" : "other"],
        message: "name the person either as staff (a directory id) or as other (a name and description)",
      }
    : undefined;

/** Someone named without the IF.2 facts: who retaliated (IF.12a). */
const Named = Schema.Struct(NAMED).pipe(Schema.filter(exactlyOne));
type Named = typeof Named.Type;

/**
 * IF.3 人物, with what IF.2 asks of them: the employment (正式在编在岗 / 无正式编制的聘用人员 / 已经离退休) of
 * staff, current or former; for someone named in words, whether they once worked at the bureau (`former`) or
 * never did (`none`). A member of staff's relation is the directory's: active or departed.
 */
const Subject = Schema.Struct({
  ...NAMED,
  relation: Schema.optional(Schema.Literal("former", "none")),
  employment: Schema.optional(Employment),
}).pipe(
  Schema.filter((p) => {
    const one = exactlyOne(p);
    if (one !== undefined) return one;
    if (p.staff !== undefined) {
      if (p.relation !== undefined)
        return { path: ["relation"], message: "the directory says whether a member of staff has left" };
      if (p.employment === undefined)
        return { path: ["employment"], message: "a member of staff needs an employment (IF.2)" };
      return undefined;
    }
    if (p.relation === undefined)
      return {
        path: ["relation"],
        message: "say whether they worked at the bureau once (former) or never (none)",
      };
    if (p.relation === "former" && p.employment === undefined)
      return { path: ["employment"], message: "former staff need an employment (IF.2)" };
    if (p.relation === "none" && p.employment !== undefined)
      return {
        path: ["employment"],
        message: "someone who never worked at the bureau has no employment (IF.2)",
      };
    return undefined;
  }),
);

/** An act of the contact (the domain's `Act`), its description bounded. */
const RecordedAct = Act.pipe(
  Schema.filter((a) =>
    (a.description ?? "").length > 2_000
      ? { path: ["description"], message: "at most 2,000 characters" }
      : undefined,
  ),
);

/** Which record, as the caller last saw it, and the day of the step (today unless given). */
const TARGET = {
  recordId: InterferenceRecordNumber,
  expectedVersion: Schema.Int.pipe(
    Schema.greaterThanOrEqualTo(1, { message: () => "a version is at least 1" }),
  ),
  date: Schema.optional(StepDate),
};

/** Everyone with a role in the cases; an administrator alone reads no case content. */
const STAFF_ROLES = ROLES.filter((role) => role !== "admin") as unknown as readonly [Role, ...Array<Role>];

/** The legal section's part, taken by whoever the record is routed to (IF.3). */
const SECTION_ROLES = ["legal-officer", "judicial-supervision"] as const satisfies ReadonlyArray<Role>;
const SECTION_ROLE: Readonly<Record<Route, Role>> = {
  "legal-section": "legal-officer",
  "judicial-supervision": "judicial-supervision",
};

/**
 * Beyond holding the role: `author` — the caller made the record; `section` — the caller reads the record and
 * holds the role of the body it is routed to; `head` — the caller reads it as the head (IF.4 reported to
 * them); `named-head` — and is the head the lead was reported to; `team` — the caller is one of the
 * investigators named.
 */
type Gate = "author" | "section" | "head" | "named-head" | "team";

/** What a step's event is made from. */
interface StepContext<I> {
  readonly input: I;
  readonly caller: Caller;
  readonly by: string;
  readonly date: string;
  readonly state: InterferenceState;
  /** Where the record must go, from the roles of the people it names (`routeFor`). */
  readonly subjectRoute: Route;
}

/** Reading the directory can fail as the store fails. */
type DirectoryFailure = Effect.Effect.Error<ReturnType<Context.Tag.Service<typeof Directory>["find"]>>;

type StepRefusal = RouteRequired | UnknownPerson | ConflictOfInterest | InvalidInput | DirectoryFailure;

interface StepRule<F extends Schema.Struct.Fields> {
  readonly roles: readonly [Role, ...Array<Role>];
  readonly gate: Gate;
  readonly fields: F;
  /** People the step names to act in the record, by input field, with the role they must hold. */
  readonly actors?: (input: Schema.Struct.Type<F>) => ReadonlyArray<StepActor>;
  readonly event: (
    context: StepContext<Schema.Struct.Type<F>>,
  ) => Effect.Effect<InterferenceEvent, StepRefusal, Directory>;
}

const rule = <F extends Schema.Struct.Fields>(r: StepRule<F>) => r;
const made = Effect.succeed;

/**
 * What `elements.person` holds (the domain's record keeps a string): the staff id, or the words for anyone
 * else. Words that are a staff id would name that member of staff silently: they are refused.
 */
const subjectText = (agencyId: string, self: string | null, field: string, subject: Named) =>
  Effect.gen(function* () {
    if (subject.staff !== undefined) {
      if (subject.staff === self) {
        return yield* new ConflictOfInterest({
          message: `${field}.staff: you cannot record yourself as the person who interfered`,
          field: `${field}.staff`,
          personId: self,
        });
      }
      yield* inDirectory(agencyId, `${field}.staff`, subject.staff);
      return subject.staff;
    }
    const directory = yield* Directory;
    const other = subject.other ?? "";
    if (Option.isSome(yield* directory.find(agencyId, other))) {
      return yield* new InvalidInput({
        message: `${field}.other: ${other} is a staff id: name them as ${field}.staff`,
        path: [...field.split("."), "other"],
      });
    }
    return other;
  });

const STEP_RULES = {
  /** IF.3 全程留痕，有据可查: a correction is added; the record as first made stays. */
  correct: rule({
    roles: STAFF_ROLES,
    gate: "author",
    fields: {
      corrections: Schema.Struct({
        time: Schema.optionalWith(ContactTime, { exact: true }),
        place: Schema.optionalWith(Name, { exact: true }),
        person: Schema.optionalWith(Subject, { exact: true }),
        method: Schema.optionalWith(ContactMethod, { exact: true }),
        content: Schema.optionalWith(Text, { exact: true }),
      }).pipe(Schema.filter((c) => Object.keys(c).length > 0 || "name at least one element to correct")),
      reason: Text,
    },
    event: ({ input: i, caller, by, date }) =>
      Effect.gen(function* () {
        const { person, ...rest } = i.corrections;
        const corrected =
          person === undefined
            ? {}
            : { person: yield* subjectText(caller.agencyId, by, "corrections.person", person) };
        return RecordCorrected.make({ date, by, corrections: { ...rest, ...corrected }, reason: i.reason });
      }),
  }),
  /** IF.3 遇有行政执法机关内部人员非法过问案件办理的情况，应向区局法治科报告. */
  reportToLegalSection: rule({
    roles: STAFF_ROLES,
    gate: "author",
    fields: {},
    event: ({ by, date, subjectRoute }) =>
      subjectRoute === "judicial-supervision"
        ? Effect.fail(
            new RouteRequired({
              message:
                "the person recorded holds the head's or a legal officer's role: report the record to the district judicial supervision (reportToJudicialSupervision)",
              route: "judicial-supervision",
            }),
          )
        : made(ReportedToLegalSection.make({ date, by })),
  }),
  /** IF.3 必要时可以直接向区司法行政部门行政执法协调监督机构报告. */
  reportToJudicialSupervision: rule({
    roles: STAFF_ROLES,
    gate: "author",
    fields: { reason: Text },
    event: ({ input: i, by, date }) =>
      made(ReportedToJudicialSupervision.make({ date, by, reason: i.reason })),
  }),
  /** IF.4 检查: a record reported to the legal section, examined. */
  review: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: {},
    event: ({ by, date }) => made(RecordReviewed.make({ date, by })),
  }),
  /** IF.4 如发现干预、插手案件办理线索的，应当及时向机关负责人报告. */
  leadToHead: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { head: Person, lead: Text },
    actors: (i) => [["head", i.head, "head"]],
    event: ({ input: i, by, date }) =>
      made(LeadReportedToHead.make({ date, by, head: i.head, lead: i.lead })),
  }),
  /** IF.4 并开展调查处理: the head the lead went to names who investigates. */
  openInvestigation: rule({
    roles: ["head"],
    gate: "named-head",
    fields: { investigators: SomeOf(Person, 20, "investigator") },
    actors: (i) => i.investigators.map((m, n) => [`investigators.${n}`, m, "investigator"] as const),
    event: ({ input: i, by, date }) =>
      made(InterferenceInvestigationOpened.make({ date, by, investigators: i.investigators })),
  }),
  noteInvestigation: rule({
    roles: ["investigator"],
    gate: "team",
    fields: { note: Text },
    event: ({ input: i, by, date }) => made(InterferenceInvestigationNoted.make({ date, by, note: i.note })),
  }),
  /** IF.10 局机关内部人员有下列行为之一的，属于违反规定干预办案. */
  findInterference: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: {
      categories: SomeOf(InterferenceCategory, 7, "category"),
      reasons: Text,
    },
    event: ({ input: i, by, date }) =>
      made(InterferenceFound.make({ date, by, categories: i.categories, reasons: i.reasons })),
  }),
  /** IF.13 不应认定为干预、插手案件办理 (or IF.7, or IF.2 and IF.8: not internal). */
  findLegitimate: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { grounds: SomeOf(LegitimacyGround, 5, "ground"), reasons: Text },
    event: ({ input: i, by, date }) =>
      made(ContactFoundLegitimate.make({ date, by, grounds: i.grounds, reasons: i.reasons })),
  }),
  /** IF.10 应按人事管理权限并报经批准: the head approves, as the holder of personnel authority. */
  approveNotification: rule({
    roles: ["head"],
    gate: "head",
    fields: { authority: Name },
    event: ({ input: i, by, date }) =>
      made(NotificationApproved.make({ date, approver: by, authority: i.authority })),
  }),
  /** IF.10 ……后予以通报: the machine refuses it before the approval. */
  notify: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { notice: Text },
    event: ({ input: i, by, date }) => made(InterferenceNotified.make({ date, by, notice: i.notice })),
  }),
  /** IF.11 构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分. */
  referForDiscipline: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { basis: Text },
    event: ({ input: i, by, date }) => made(ReferredForDiscipline.make({ date, by, basis: i.basis })),
  }),
  /** IF.11 构成犯罪的，依法移交有关部门追究刑事责任. */
  referForCriminalLiability: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { authority: Name, basis: Text },
    event: ({ input: i, by, date }) =>
      made(ReferredForCriminalLiability.make({ date, by, authority: i.authority, basis: i.basis })),
  }),
  /**
   * IF.12a 对如实记录过问案件情况的办案人员进行打击报复的……移交. Whoever is named as retaliating becomes a subject of
   * the record and is shut out of it from then on.
   */
  referRetaliation: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { against: Named, referral: RetaliationReferred.fields.referral, facts: Text },
    event: ({ input: i, caller, by, date }) =>
      Effect.map(subjectText(caller.agencyId, null, "against", i.against), (against) =>
        RetaliationReferred.make({ date, by, against, referral: i.referral, facts: i.facts }),
      ),
  }),
  /** IF.4 必要时可移交同级司法行政部门行政执法协调监督机构调查处理. */
  handOver: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: { reason: Text },
    event: ({ input: i, by, date }) =>
      made(HandedOverToJudicialSupervision.make({ date, by, reason: i.reason })),
  }),
  /** The bureau's handling is complete: notified, and referred where the conduct called for it. */
  close: rule({
    roles: SECTION_ROLES,
    gate: "section",
    fields: {},
    event: ({ by, date }) => made(InterferenceRecordClosed.make({ date, by })),
  }),
};

type StepName = keyof typeof STEP_RULES;

/** The procedure that records each step, for the next steps a record shows; spot checks are another's. */
const PROCEDURE_OF: Readonly<Record<InterferenceEventTag, StepName | "record" | null>> = {
  InterferenceRecorded: "record",
  RecordCorrected: "correct",
  ReportedToLegalSection: "reportToLegalSection",
  ReportedToJudicialSupervision: "reportToJudicialSupervision",
  RecordSpotChecked: null,
  RecordReviewed: "review",
  LeadReportedToHead: "leadToHead",
  InterferenceInvestigationOpened: "openInvestigation",
  InterferenceInvestigationNoted: "noteInvestigation",
  InterferenceFound: "findInterference",
  ContactFoundLegitimate: "findLegitimate",
  NotificationApproved: "approveNotification",
  InterferenceNotified: "notify",
  ReferredForDiscipline: "referForDiscipline",
  ReferredForCriminalLiability: "referForCriminalLiability",
  RetaliationReferred: "referRetaliation",
  HandedOverToJudicialSupervision: "handOver",
  InterferenceRecordClosed: "close",
};

const recordIdOf = (view: ProceedingView<InterferenceState>) =>
  view.streamId.slice(interferenceStreamId("").length);

/** The record as the caller may see it: need-to-know has been asked already. */
const recordView = (view: ProceedingView<InterferenceState>, subjectRoute: Route) => ({
  recordId: recordIdOf(view),
  stage: view.stage,
  version: view.version,
  updatedAt: view.updatedAt,
  route: interferenceFileFacts(view.state, subjectRoute).route,
  state: Schema.encodeSync(InterferenceState)(view.state),
  nextSteps: interferenceNextSteps(view.state)
    .filter((step) => !(step.event === "ReportedToLegalSection" && subjectRoute === "judicial-supervision"))
    .map((step) => ({ ...step, procedure: PROCEDURE_OF[step.event] })),
});

const loadRecord = (caller: Caller, recordId: string) =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const found = yield* proceedings.interferenceRecord(caller.agencyId, recordId);
    if (Option.isNone(found)) {
      return yield* new NotFound({
        message: `no interference record ${recordId}`,
        what: "interference record",
      });
    }
    const subjectRoute = yield* interferenceSubjectRoute(
      caller.agencyId,
      interferenceSubjects(found.value.state),
    );
    return { record: found.value, subjectRoute };
  });

/** The record, if need-to-know lets the caller read it. */
const readableRecord = (caller: Caller, recordId: string) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const { record, subjectRoute } = yield* loadRecord(caller, recordId);
    const access = readAccess(viewerOf(caller, person), interferenceFileFacts(record.state, subjectRoute));
    if (!access.read) {
      return yield* new Forbidden({ message: `you may not read interference record ${recordId}` });
    }
    return { record, subjectRoute, access };
  });

const gateOpen = (
  gate: Gate,
  state: InterferenceState,
  caller: Caller,
  person: string,
  route: Route,
  readable: boolean,
): boolean => {
  switch (gate) {
    case "author":
      return readable && state.record?.handler === person;
    case "section":
      return readable && caller.roles.includes(SECTION_ROLE[route]);
    case "head":
      return readable && caller.roles.includes("head");
    case "named-head":
      return readable && caller.roles.includes("head") && state.lead?.head === person;
    case "team":
      return readable && state.investigation?.investigators.includes(person) === true;
  }
};

const takeStep = <F extends Schema.Struct.Fields>(
  caller: Caller,
  name: StepName,
  stepRule: StepRule<F>,
  request: Schema.Struct.Type<F> & {
    readonly recordId: string;
    readonly expectedVersion: number;
    readonly date?: string | undefined;
  },
) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const { record, subjectRoute } = yield* loadRecord(caller, request.recordId);
    const facts = interferenceFileFacts(record.state, subjectRoute);
    const readable = readAccess(viewerOf(caller, person), facts).read;
    if (!gateOpen(stepRule.gate, record.state, caller, person, facts.route, readable)) {
      return yield* new Forbidden({
        message: `you may not take the step ${name} in interference record ${request.recordId}`,
      });
    }
    yield* checkStepActors(
      caller.agencyId,
      `interference record ${request.recordId}`,
      interferenceSubjects(record.state),
      stepRule.actors?.(request) ?? [],
    );
    const date = yield* stepDate(request.date);
    const event = yield* stepRule.event({
      input: request,
      caller,
      by: person,
      date,
      state: record.state,
      subjectRoute,
    });
    const recorded = yield* Effect.flatMap(Proceedings, (proceedings) =>
      proceedings.recordInterference({
        agencyId: caller.agencyId,
        proceedingId: request.recordId,
        expectedVersion: request.expectedVersion,
        actor: `account:${caller.accountId}`,
        event,
      }),
    );
    const after = yield* interferenceSubjectRoute(
      caller.agencyId,
      interferenceSubjects(recorded.proceeding.state),
    );
    // A step can shut its taker out (a correction naming someone else): they learn the new version only.
    const still = readAccess(
      viewerOf(caller, person),
      interferenceFileFacts(recorded.proceeding.state, after),
    );
    return still.read
      ? recordView(recorded.proceeding, after)
      : { recordId: request.recordId, version: recorded.proceeding.version };
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

/** The domain's contract refused the categorisation; its tag and path come from the domain. */
interface ContractRefusal {
  readonly _tag: ContractErrorTag;
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
}

// The request's fields under the names of the input they came from.
const INPUT_FIELD: Readonly<Record<string, string>> = { asOf: "time", role: "capacity" };

/**
 * The domain's categorisation of the contact (`interference/categorise.ts` through `assess`), kept in the
 * record as made: the facts categorised, the result with its citations and basis, its explanation in both
 * languages, and a decision receipt so anyone can reproduce it later and see whether the rules changed since.
 */
const categorisation = (request: Record<string, unknown>) =>
  Effect.gen(function* () {
    const registry = yield* Regimes;
    const refuse = (tag: ContractErrorTag, message: string, path: ReadonlyArray<string | number>) =>
      Effect.fail<ContractRefusal>({
        _tag: tag,
        message,
        path: path.map((p, n) => (n === 0 && typeof p === "string" ? (INPUT_FIELD[p] ?? p) : p)),
      });
    const regime = registry.find();
    if (Either.isLeft(regime)) return yield* refuse("UnknownRegime", regime.left.message, ["regime"]);
    const result = assess({ ...request, regime: regime.right.id }, registry);
    if (isContractError(result)) {
      const path = result.error.tag === "RegimeNotInForce" ? ["asOf"] : result.error.path;
      return yield* refuse(result.error.tag, result.error.message, path);
    }
    if (result.kind !== "interference") {
      return yield* refuse("InvalidRequest", `expected an interference result, not ${result.kind}`, []);
    }
    return {
      request,
      result,
      receipt: { ...decisionReceipt(regime.right, request, result) },
      explanation: {
        zh: explain(regime.right, result.basis, "zh"),
        en: explain(regime.right, result.basis, "en"),
      },
    };
  });

const RecordInput = Schema.Struct({
  /** IF.3 时间: when the contact happened. */
  time: ContactTime,
  /** IF.3 地点. */
  place: Name,
  /** IF.3 人物. */
  person: Subject,
  /** The capacity they acted in (IF.7 leaders and superiors, IF.8 other agencies, IF.13.1 supervisors). */
  capacity: PersonRole,
  /** IF.3 方式. */
  method: ContactMethod,
  /** IF.3 内容. */
  content: Text,
  /** The case the contact was about. */
  caseRef: Name,
  /** What they asked or did, act by act (IF.10, IF.13). */
  acts: SomeOf(RecordedAct, 20, "act"),
  /** Through legal or work procedure (IF.8, IF.13.2). */
  viaProcedure: Schema.Boolean,
  /** For a party to the case (IF.10.5, IF.10.6). */
  onBehalfOfParty: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /** IF.6 应当予以拒绝……告知其依照程序办理: what the handler answered. */
  response: Schema.optionalWith(Schema.NullOr(Text), { default: () => null }),
  /** Files the handler uploaded beforehand (`POST /attachments`), by their SHA-256. */
  attachments: AttachmentsInput,
  /** The day of the record: today unless given. */
  date: Schema.optional(StepDate),
});

const staffProcedure = requireRole(...STAFF_ROLES);

/** Role holders of the body a record is routed to, who are not named in it: who a protection alert goes to. */
const alertRecipients = (
  holders: ReadonlyArray<{ readonly personId: string; readonly roles: ReadonlySet<Role> }>,
  records: ReadonlyArray<{
    readonly recordId: string;
    readonly route: Route;
    readonly subjects: ReadonlyArray<string>;
  }>,
) =>
  holders.flatMap(({ personId, roles }) => {
    const theirs = records
      .filter((r) => roles.has(SECTION_ROLE[r.route]) && !r.subjects.includes(personId))
      .map((r) => r.recordId);
    return theirs.length === 0 ? [] : [{ recipient: personId, records: theirs }];
  });

/** The people holding a role through an enabled account, with every role each holds. */
const roleHolders = (agencyId: AgencyId) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts;
    const byPerson = new Map<string, Set<Role>>();
    for (const account of yield* accounts.list(agencyId)) {
      if (account.status !== "active" || account.personId === null) continue;
      const roles = byPerson.get(account.personId) ?? new Set<Role>();
      for (const role of account.roles) roles.add(role);
      byPerson.set(account.personId, roles);
    }
    return [...byPerson].map(([personId, roles]) => ({ personId, roles }));
  });

/** A personnel action as its registrar sees it: nothing of whether it raised an alert (IF.9). */
const actionView = (action: {
  readonly actionId: string;
  readonly personId: string;
  readonly kind: string;
  readonly date: string;
  readonly statutoryCause: string;
  readonly statutoryProcedure: string;
  readonly decidedBy: string;
  readonly registeredAt: string;
}) => ({
  actionId: action.actionId,
  personId: action.personId,
  kind: action.kind,
  date: action.date,
  statutoryCause: action.statutoryCause,
  statutoryProcedure: action.statutoryProcedure,
  decidedBy: action.decidedBy,
  registeredAt: action.registeredAt,
});

/**
 * Personnel decisions are entered by the head, the holder of personnel authority (人事管理权限, as for the
 * approval of IF.10). Every action states its statutory cause and procedure, whoever it concerns: were they
 * required only of actions against recorders, a refusal would tell the one entering it that the person had
 * recorded interference — perhaps about them.
 */
const personnelProcedure = requireRole("head");

export const interferenceRouter = router({
  /**
   * IF.3 记录: the handler records a contact with its five elements, what they answered (IF.6), and the acts
   * the domain categorises at once. A leader's oral guidance (IF.7) is recorded the same way.
   */
  record: staffProcedure.input(input(RecordInput)).mutation(({ ctx, input: request }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const { caller } = ctx;
        const person = yield* personOf(caller);
        const date = yield* stepDate(request.date);
        const contactDay = request.time.slice(0, 10);
        if (contactDay > date) {
          return yield* new InvalidInput({
            message: `time: the contact (${contactDay}) is after the day of the record (${date})`,
            path: ["time"],
          });
        }
        const subject = yield* subjectText(caller.agencyId, person, "person", request.person);
        const relation =
          request.person.staff !== undefined
            ? Option.match(yield* Effect.flatMap(Directory, (d) => d.find(caller.agencyId, subject)), {
                onNone: () => "current" as const,
                onSome: (p) => (p.status === "active" ? ("current" as const) : ("former" as const)),
              })
            : (request.person.relation ?? "none");
        const employment = request.person.employment;
        const categorised = yield* categorisation({
          kind: "interference",
          asOf: contactDay,
          person: { relation, ...(employment === undefined ? {} : { employment }), role: request.capacity },
          acts: request.acts.map((act) => ({ ...act })),
          method: request.method,
          viaProcedure: request.viaProcedure,
          // Recorded: this is the record (IF.3, IF.7, IF.13.2).
          recorded: true,
          onBehalfOfParty: request.onBehalfOfParty,
        });
        const attachments = yield* attachmentRefs(caller, request.attachments);
        const opened = yield* openInterferenceRecord(
          caller.agencyId,
          `account:${caller.accountId}`,
          InterferenceRecorded.make({
            date,
            handler: person,
            caseRef: request.caseRef,
            elements: {
              time: request.time,
              place: request.place,
              person: subject,
              method: request.method,
              content: request.content,
            },
            response: request.response,
            categorisation: categorised,
            attachments,
          }),
        );
        const route = yield* interferenceSubjectRoute(caller.agencyId, [subject]);
        return {
          recordId: opened.recordId,
          version: opened.version,
          route,
          categorisation: {
            finding: categorised.result.finding,
            categories: [...categorised.result.categories],
            notification: categorised.result.notification,
            citations: [...categorised.result.citations],
            explanation: categorised.explanation,
          },
        };
      }),
    ),
  ),

  /** The records the caller may read, oldest number first, with why they may. */
  list: staffProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const person = yield* personOf(ctx.caller);
        const viewer = viewerOf(ctx.caller, person);
        const all = yield* Effect.flatMap(Proceedings, (p) => p.interferenceRecords(ctx.caller.agencyId));
        const listed = yield* Effect.forEach(all, (view) =>
          Effect.map(
            interferenceSubjectRoute(ctx.caller.agencyId, interferenceSubjects(view.state)),
            (subjectRoute) => {
              const facts = interferenceFileFacts(view.state, subjectRoute);
              const access = readAccess(viewer, facts);
              if (!access.read) return [];
              const { record } = view.state;
              const finding = (record?.categorisation as { result?: { finding?: unknown } } | null)?.result
                ?.finding;
              return [
                {
                  recordId: recordIdOf(view),
                  stage: view.stage,
                  version: view.version,
                  updatedAt: view.updatedAt,
                  recordedOn: record?.date ?? null,
                  caseRef: record?.caseRef ?? null,
                  finding: typeof finding === "string" ? finding : null,
                  route: facts.route,
                  access: access.reason,
                },
              ];
            },
          ),
        );
        return listed.flat();
      }),
    ),
  ),

  /** One record, its state, the steps legal next, and its history as the log holds it. */
  get: staffProcedure
    .input(input(Schema.Struct({ recordId: InterferenceRecordNumber })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { record, subjectRoute, access } = yield* readableRecord(ctx.caller, request.recordId);
          const log = yield* EventLog;
          const events = yield* log.readStream(
            AgencyId.make(ctx.caller.agencyId),
            StreamId.make(interferenceStreamId(request.recordId)),
          );
          return {
            ...recordView(record, subjectRoute),
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

  correct: stepProcedure("correct", STEP_RULES.correct),
  reportToLegalSection: stepProcedure("reportToLegalSection", STEP_RULES.reportToLegalSection),
  reportToJudicialSupervision: stepProcedure(
    "reportToJudicialSupervision",
    STEP_RULES.reportToJudicialSupervision,
  ),
  review: stepProcedure("review", STEP_RULES.review),
  leadToHead: stepProcedure("leadToHead", STEP_RULES.leadToHead),
  openInvestigation: stepProcedure("openInvestigation", STEP_RULES.openInvestigation),
  noteInvestigation: stepProcedure("noteInvestigation", STEP_RULES.noteInvestigation),
  findInterference: stepProcedure("findInterference", STEP_RULES.findInterference),
  findLegitimate: stepProcedure("findLegitimate", STEP_RULES.findLegitimate),
  approveNotification: stepProcedure("approveNotification", STEP_RULES.approveNotification),
  notify: stepProcedure("notify", STEP_RULES.notify),
  referForDiscipline: stepProcedure("referForDiscipline", STEP_RULES.referForDiscipline),
  referForCriminalLiability: stepProcedure("referForCriminalLiability", STEP_RULES.referForCriminalLiability),
  referRetaliation: stepProcedure("referRetaliation", STEP_RULES.referRetaliation),
  handOver: stepProcedure("handOver", STEP_RULES.handOver),
  close: stepProcedure("close", STEP_RULES.close),

  /**
   * IF.9 办案人员如实记录……的情况，受法律和组织保护: the caller's own protection, as the domain's `checkProtection`
   * answers it for a sanction against them with no statutory cause or procedure. Protected once they have
   * made a record: such a sanction would raise an alert and be stopped (IF.9), its maker liable (IF.12a). With
   * it, what their protection rests on: the records they made and the months they attested (每月确认).
   */
  myProtection: staffProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const { caller } = ctx;
        const person = yield* personOf(caller);
        const all = yield* Effect.flatMap(Proceedings, (p) => p.interferenceRecords(caller.agencyId));
        const recordsMade = all.filter((view) => view.state.record?.handler === person).length;
        const attested = yield* Effect.flatMap(Attestations, (a) => a.ofHandler(caller.agencyId, person));
        const check = checkProtection({
          kind: "other-sanction",
          againstRecorder: recordsMade > 0,
          statutoryCause: "",
          statutoryProcedure: "",
        });
        return {
          protected: check.alert && check.blocked,
          citations: [...check.citations],
          recordsMade,
          monthsAttested: attested.length,
          lastAttestedMonth: attested.at(-1)?.month ?? null,
        };
      }),
    ),
  ),

  /**
   * IF.9 办案人员……非因法定事由，非经法定程序，不得被免职、调离、辞退或者给予降级、撤职、开除等处分: a personnel action
   * against a member of staff. When they have recorded interference, the domain's `checkProtection` raises a
   * protection alert: an in-app notification to the legal officers, or, for records routed there, to the
   * district judicial supervision, each told of the records they may read. The answer does not say whether
   * an alert was raised.
   */
  registerPersonnelAction: personnelProcedure
    .input(
      input(
        Schema.Struct({
          personId: Person,
          kind: PersonnelActionKind,
          /** The day it was decided or takes effect. */
          date: IsoDate,
          /** 法定事由. */
          statutoryCause: StatutoryText,
          /** 法定程序. */
          statutoryProcedure: StatutoryText,
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { caller } = ctx;
          const by = yield* personOf(caller);
          yield* inDirectory(caller.agencyId, "personId", request.personId);
          const all = yield* Effect.flatMap(Proceedings, (p) => p.interferenceRecords(caller.agencyId));
          const recorded = all.filter((view) => view.state.record?.handler === request.personId);
          const protection = checkProtection({
            kind: request.kind,
            againstRecorder: recorded.length > 0,
            statutoryCause: request.statutoryCause,
            statutoryProcedure: request.statutoryProcedure,
          });
          const [missing] = protection.missing;
          if (protection.blocked && missing !== undefined) {
            return yield* new StatutoryGroundsRequired({
              message: `${missing}: a personnel action states its statutory cause and procedure (IF.9)`,
              field: missing,
              citations: [...protection.citations],
            });
          }
          const records = yield* Effect.forEach(recorded, (view) =>
            Effect.map(
              interferenceSubjectRoute(caller.agencyId, interferenceSubjects(view.state)),
              (subjectRoute) => {
                const facts = interferenceFileFacts(view.state, subjectRoute);
                return { recordId: recordIdOf(view), route: facts.route, subjects: facts.subjects };
              },
            ),
          );
          const alerts = protection.alert
            ? alertRecipients(yield* roleHolders(caller.agencyId), records)
            : [];
          const action = yield* Effect.flatMap(PersonnelActions, (actions) =>
            actions.register({
              agencyId: caller.agencyId,
              personId: request.personId,
              kind: request.kind,
              date: request.date,
              statutoryCause: request.statutoryCause,
              statutoryProcedure: request.statutoryProcedure,
              decidedBy: by,
              protection: {
                alert: protection.alert,
                records: records.map((r) => r.recordId),
                citations: [...protection.citations],
              },
              alerts,
              actor: `account:${caller.accountId}`,
            }),
          );
          return actionView(action);
        }),
      ),
    ),

  /** The personnel actions entered, oldest first; of one person when `personId` is given. */
  personnelActions: personnelProcedure
    .input(input(Schema.Struct({ personId: Schema.optional(PersonId) })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.flatMap(PersonnelActions, (actions) =>
          actions.list(ctx.caller.agencyId, { personId: request.personId }),
        ),
      ).then((actions) => actions.map(actionView)),
    ),
});
