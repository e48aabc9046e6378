/**
 * The legal section's oversight over HTTP: spot checks (IF.4), failures to record (IF.12b), monthly
 * attestations, statistics, its work queues and the running periods (deadlines at a glance).
 *
 * IF.4  区局法治科应加强检查、抽查，如发现干预、插手案件办理线索的，应当及时向机关负责人报告并开展调查处理……
 * IF.12b（原文第二个第十二条）办案人员不记录或者不如实记录局机关内部人员干预、插手案件情况的，予以警告、通报批评；两次以上
 *       不记录或者不如实记录的，……移交区纪委监委驻发改委纪检组给予纪律处分。主管领导授意不记录或者不如实记录的，依法依纪
 *       追究主管领导责任。
 *
 * Spot checks: a legal officer commits (the population of records and handlers eligible, the sample sizes,
 * `SHA-256(seed)` of a seed the server draws and keeps secret), then draws (the seed revealed, the sample the
 * domain's `drawSample` of the seed, the log's tree root right after the commitment, and the population).
 * `spotCheck` recomputes a draw from the log alone, so any legal officer can see the sample was not chosen.
 * The population is the records routed to the legal section that await its check (stage `recorded` or
 * `reported-to-legal-section`, the stages the domain lets `RecordSpotChecked` follow) made in the period,
 * and every handler: records routed to the judicial supervision are that body's to check (IF.3), and a legal
 * officer a record names is never routed it.
 *
 * Need-to-know, as in `wrong-case.ts`: roles open doors, and the domain's `readAccess` still guards each
 * record a step touches. Nothing here names a person recorded. Where a count could tell a subject that a
 * record about them exists (a handler's attestation listing records the legal section cannot see, a record
 * routed to the judicial supervision), it is not shown: the legal section sees whether a handler attested a
 * month, not what; statistics count only the records of the channel the caller works in.
 *
 * `by` in every event is the caller's person id, never an input.
 */
import { checkDraw, RecordSpotChecked, readAccess, SampleSizes, StepDate } from "@liuhen/domain";
import {
  type Attestation,
  AttestationKind,
  AttestationMonth,
  Attestations,
  Directory,
  EventLog,
  HandlerCheckOutcome,
  NonRecordingKind,
  NonRecordingRegister,
  type NonRecordingViolation,
  NotInSpotCheckSample,
  PersonId,
  PersonNotFound,
  Proceedings,
  type SpotCheck,
  SpotCheckId,
  SpotCheckNotDrawn,
  SpotCheckNotFound,
  SpotChecks,
} from "@liuhen/store";
import { Effect, Option, Schema } from "effect";
import { Name, Note, Purpose, Text } from "../case-files/bounded-text.js";
import { personOf, stepDate, viewerOf } from "../case-files/case-actor.js";
import { today } from "../case-files/case-clock.js";
import {
  interferenceFileFacts,
  interferenceSubjectRoute,
  interferenceSubjects,
} from "../case-files/interference-file.js";
import type { Caller } from "../context.js";
import { ConflictOfInterest, Forbidden, NotFound } from "../errors/api-errors.js";
import { AttestationMismatch, MonthInFuture, MonthlyAttestationOff } from "../errors/oversight-errors.js";
import {
  agencyHandlers,
  directoryIndex,
  monthOf,
  recordIdOf,
  routedRecords,
} from "../oversight/agency-records.js";
import { interferenceFigures, wrongCaseFigures } from "../oversight/record-statistics.js";
import { StatisticsPeriod } from "../oversight/statistics-period.js";
import { runningPeriods, workQueues } from "../oversight/work-queues.js";
import { input, requireRole, router, run } from "../trpc.js";

const RecordId = Name;

/** How many a spot check may draw at once: a check by hand, not a census. */
const MAX_RECORDS_DRAWN = 200;
const MAX_HANDLERS_DRAWN = 100;

const legalProcedure = requireRole("legal-officer");
const handlerProcedure = requireRole("handler");
const adminProcedure = requireRole("admin");
/** The legal section and the head read the bureau's figures; the judicial supervision reads its channel's. */
const statisticsProcedure = requireRole("legal-officer", "head", "judicial-supervision");

const actorOf = (caller: Caller) => `account:${caller.accountId}`;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------- spot checks

/** A spot check as the legal section sees it: no seed until it is drawn (the projection holds none before). */
const spotCheckView = (s: SpotCheck) => {
  const items = (kind: "record" | "handler") =>
    s.items
      .filter((i) => i.kind === kind)
      .map((i) => ({ id: i.itemId, position: i.position, check: i.check === null ? null : { ...i.check } }));
  return {
    drawId: s.drawId,
    sampler: s.sampler,
    seedHash: s.seedHash,
    period: { ...s.period },
    purpose: s.purpose,
    populationDigest: s.populationDigest,
    populationSize: { records: s.population.records.length, handlers: s.population.handlers.length },
    sizes: { ...s.sizes },
    committedOn: s.committedOn,
    committedBy: s.committedBy,
    committedAt: s.committedAt,
    commitLeafIndex: s.commitLeafIndex,
    draw:
      s.draw === null
        ? null
        : {
            seed: s.draw.seed,
            anchor: { ...s.draw.anchor },
            drawnOn: s.draw.drawnOn,
            by: s.draw.by,
            drawnAt: s.draw.drawnAt,
          },
    sample: s.draw === null ? null : { records: items("record"), handlers: items("handler") },
    version: s.version,
  };
};

const loadSpotCheck = (caller: Caller, drawId: SpotCheckId) =>
  Effect.flatMap(
    Effect.flatMap(SpotChecks, (s) => s.find(caller.agencyId, drawId)),
    Option.match({
      onNone: () => Effect.fail(new SpotCheckNotFound({ agencyId: caller.agencyId, drawId })),
      onSome: Effect.succeed,
    }),
  );

/** The stages `RecordSpotChecked` may follow (the domain's transition table): records awaiting a check. */
const AWAITING_CHECK: ReadonlySet<string> = new Set(["recorded", "reported-to-legal-section"]);

/**
 * Recomputes a draw from the log alone: the seed against its commitment, the population against its digest,
 * the anchor against the log's tree at the size right after the commitment, and the sample.
 */
const verifyFromLog = (caller: Caller, drawId: SpotCheckId) =>
  Effect.gen(function* () {
    const logged = yield* Effect.flatMap(SpotChecks, (s) => s.logged(caller.agencyId, drawId));
    const committed = logged.committed.step;
    const drawn = logged.drawn;
    if (drawn === null) {
      return {
        drawn: false as const,
        commitLeafIndex: logged.committed.leafIndex,
        population: {
          records: [...committed.population.records],
          handlers: [...committed.population.handlers],
        },
      };
    }
    const head = yield* Effect.flatMap(EventLog, (log) =>
      log.treeHead(caller.agencyId, drawn.step.anchor.treeSize),
    );
    const check = checkDraw({
      seed: drawn.step.seed,
      anchor: drawn.step.anchor.rootHash,
      population: committed.population,
      sizes: committed.sizes,
      seedHash: committed.seedHash,
      populationDigest: committed.populationDigest,
      sample: drawn.step.sample,
    });
    const anchorMatches =
      drawn.step.anchor.treeSize === logged.committed.leafIndex + 1 &&
      head.rootHash === drawn.step.anchor.rootHash;
    return {
      drawn: true as const,
      commitLeafIndex: logged.committed.leafIndex,
      drawLeafIndex: drawn.leafIndex,
      population: {
        records: [...committed.population.records],
        handlers: [...committed.population.handlers],
      },
      seedMatches: check.seedMatches,
      populationMatches: check.populationMatches,
      anchorMatches,
      sampleMatches: check.sampleMatches,
      reproduced: check.seedMatches && check.populationMatches && anchorMatches && check.sampleMatches,
      recomputed: { records: [...check.recomputed.records], handlers: [...check.recomputed.handlers] },
    };
  });

// ------------------------------------------------------------------------------------ failures to record

const violationView = (v: NonRecordingViolation) => ({
  violationId: v.violationId,
  handler: v.handler,
  ordinal: v.ordinal,
  kind: v.kind,
  caseRef: v.caseRef,
  recordId: v.recordId,
  facts: v.facts,
  occurredOn: v.occurredOn,
  instructedBy: v.instructedBy,
  registeredOn: v.registeredOn,
  registeredBy: v.registeredBy,
  registeredAt: v.registeredAt,
  consequence: {
    sanctions: [...v.consequence.sanctions],
    referDiscipline: v.consequence.referDiscipline,
    supervisorLiable: v.consequence.supervisorLiable,
    citations: [...v.consequence.citations],
    basis: v.consequence.basis.map((step) => ({ ...step, inputs: { ...step.inputs } })),
  },
});

const inDirectory = (caller: Caller, personId: string) =>
  Effect.flatMap(
    Effect.flatMap(Directory, (d) => d.find(caller.agencyId, personId)),
    Option.match({
      onNone: () => Effect.fail(new PersonNotFound({ agencyId: caller.agencyId, personId })),
      onSome: Effect.succeed,
    }),
  );

// ------------------------------------------------------------------------------------------ attestations

/** The caller's records made in `month` (by the day each was made), ids sorted. */
const recordsOfMonth = (caller: Caller, handler: string, month: string) =>
  Effect.map(
    Effect.flatMap(Proceedings, (p) => p.interferenceRecords(caller.agencyId)),
    (views) =>
      views
        .filter((v) => v.state.record?.handler === handler && monthOf(v.state.record.date) === month)
        .map((v) => ({
          recordId: recordIdOf(v),
          date: v.state.record?.date ?? "",
          caseRef: v.state.record?.caseRef ?? "",
        }))
        .sort((a, b) => compareText(a.recordId, b.recordId)),
  );

const attestationView = (a: Attestation) => ({
  month: a.month,
  kind: a.kind,
  recordIds: [...a.recordIds],
  attestedOn: a.attestedOn,
  attestedAt: a.attestedAt,
  version: a.version,
});

const settingsView = (s: {
  readonly monthlyAttestation: boolean;
  readonly version: number;
  readonly updatedAt: string | null;
}) => ({
  monthlyAttestation: s.monthlyAttestation,
  version: s.version,
  updatedAt: s.updatedAt,
});

const notInFuture = (month: string) =>
  Effect.flatMap(today, (now) =>
    month > monthOf(now)
      ? Effect.fail(
          new MonthInFuture({
            message: `month: ${month} has not begun (today is ${now})`,
            field: "month",
            month,
            today: now,
          }),
        )
      : Effect.succeed(now),
  );

export const oversightRouter = router({
  /**
   * IF.4 抽查, first step: the population and sample sizes are fixed and `SHA-256(seed)` is logged; the seed
   * stays secret until `drawSpotCheck`. Every commitment stays in the log, drawn or not.
   */
  commitSpotCheck: legalProcedure
    .input(
      input(
        Schema.Struct({
          /** The records eligible were made from `from` to `to`, both days included. */
          from: StepDate,
          to: StepDate,
          records: Schema.Int.pipe(
            Schema.between(0, MAX_RECORDS_DRAWN, { message: () => `0 to ${MAX_RECORDS_DRAWN} records` }),
          ),
          handlers: Schema.Int.pipe(
            Schema.between(0, MAX_HANDLERS_DRAWN, { message: () => `0 to ${MAX_HANDLERS_DRAWN} handlers` }),
          ),
          purpose: Schema.optionalWith(Schema.NullOr(Purpose), { default: () => null }),
          date: Schema.optional(StepDate),
        }).pipe(
          Schema.filter(
            (r) => r.from <= r.to || { path: ["to"], message: "the period ends on or after it starts" },
          ),
        ),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { caller } = ctx;
          const person = yield* personOf(caller);
          const date = yield* stepDate(request.date);
          const records = (yield* routedRecords(caller.agencyId)).filter((r) => {
            const made = r.view.state.record?.date;
            return (
              r.route === "legal-section" &&
              AWAITING_CHECK.has(r.view.stage) &&
              made !== undefined &&
              made >= request.from &&
              made <= request.to
            );
          });
          const handlers = yield* agencyHandlers(caller.agencyId);
          const committed = yield* Effect.flatMap(SpotChecks, (s) =>
            s.commit({
              agencyId: caller.agencyId,
              period: { from: request.from, to: request.to },
              population: { records: records.map((r) => r.recordId), handlers },
              sizes: SampleSizes.make({ records: request.records, handlers: request.handlers }),
              committedOn: date,
              by: person,
              purpose: request.purpose,
              actor: actorOf(caller),
            }),
          );
          return spotCheckView(committed);
        }),
      ),
    ),

  /** IF.4 抽查, second step: the seed revealed and the sample the rule gives, logged. */
  drawSpotCheck: legalProcedure
    .input(input(Schema.Struct({ drawId: SpotCheckId, date: Schema.optional(StepDate) })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = yield* personOf(ctx.caller);
          const date = yield* stepDate(request.date);
          const drawn = yield* Effect.flatMap(SpotChecks, (s) =>
            s.draw({
              agencyId: ctx.caller.agencyId,
              drawId: request.drawId,
              drawnOn: date,
              by: person,
              actor: actorOf(ctx.caller),
            }),
          );
          return spotCheckView(drawn);
        }),
      ),
    ),

  /** One spot check with the population committed and its draw recomputed from the log. */
  spotCheck: legalProcedure
    .input(input(Schema.Struct({ drawId: SpotCheckId })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const spotCheck = yield* loadSpotCheck(ctx.caller, request.drawId);
          const verification = yield* verifyFromLog(ctx.caller, request.drawId);
          return { ...spotCheckView(spotCheck), verification };
        }),
      ),
    ),

  /** Every commitment of the agency in log order, drawn or left undrawn: retries are there to be counted. */
  spotChecks: legalProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.map(
        Effect.flatMap(SpotChecks, (s) => s.list(ctx.caller.agencyId)),
        (all) => all.map(spotCheckView),
      ),
    ),
  ),

  /**
   * IF.4 检查: a record drawn is checked; its `RecordSpotChecked` step names the draw (`sampleRef`). The
   * caller must be able to read the record, and may not check a record they made.
   */
  checkSampledRecord: legalProcedure
    .input(
      input(
        Schema.Struct({
          drawId: SpotCheckId,
          recordId: RecordId,
          expectedVersion: Schema.Int.pipe(
            Schema.greaterThanOrEqualTo(1, { message: () => "a version is at least 1" }),
          ),
          date: Schema.optional(StepDate),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { caller } = ctx;
          const person = yield* personOf(caller);
          const spotCheck = yield* loadSpotCheck(caller, request.drawId);
          if (spotCheck.draw === null) {
            return yield* new SpotCheckNotDrawn({ agencyId: caller.agencyId, drawId: request.drawId });
          }
          if (!spotCheck.items.some((i) => i.kind === "record" && i.itemId === request.recordId)) {
            return yield* new NotInSpotCheckSample({
              drawId: request.drawId,
              kind: "record",
              itemId: request.recordId,
            });
          }
          const proceedings = yield* Proceedings;
          const found = yield* proceedings.interferenceRecord(caller.agencyId, request.recordId);
          if (Option.isNone(found)) {
            return yield* new NotFound({
              message: `no interference record ${request.recordId}`,
              what: "interference record",
            });
          }
          const { state } = found.value;
          const subjectRoute = yield* interferenceSubjectRoute(caller.agencyId, interferenceSubjects(state));
          if (!readAccess(viewerOf(caller, person), interferenceFileFacts(state, subjectRoute)).read) {
            return yield* new Forbidden({
              message: `you may not read interference record ${request.recordId}`,
            });
          }
          if (state.record?.handler === person) {
            return yield* new ConflictOfInterest({
              message: `recordId: you made record ${request.recordId}; another legal officer checks it`,
              field: "recordId",
              personId: person,
            });
          }
          const date = yield* stepDate(request.date);
          const recorded = yield* proceedings.recordInterference({
            agencyId: caller.agencyId,
            proceedingId: request.recordId,
            expectedVersion: request.expectedVersion,
            actor: actorOf(caller),
            event: RecordSpotChecked.make({ date, by: person, sampleRef: request.drawId }),
          });
          return {
            recordId: request.recordId,
            drawId: request.drawId,
            stage: recorded.proceeding.stage,
            version: recorded.proceeding.version,
          };
        }),
      ),
    ),

  /** IF.4 检查: a handler drawn is checked, with what the check found; nobody checks themselves. */
  checkSampledHandler: legalProcedure
    .input(
      input(
        Schema.Struct({
          drawId: SpotCheckId,
          handler: PersonId,
          outcome: HandlerCheckOutcome,
          note: Note,
          date: Schema.optional(StepDate),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = yield* personOf(ctx.caller);
          if (request.handler === person) {
            return yield* new ConflictOfInterest({
              message: "handler: you were drawn yourself; another legal officer checks you",
              field: "handler",
              personId: person,
            });
          }
          const date = yield* stepDate(request.date);
          const checked = yield* Effect.flatMap(SpotChecks, (s) =>
            s.checkHandler({
              agencyId: ctx.caller.agencyId,
              drawId: request.drawId,
              handler: request.handler,
              checkedOn: date,
              by: person,
              outcome: request.outcome,
              note: request.note,
              actor: actorOf(ctx.caller),
            }),
          );
          return spotCheckView(checked);
        }),
      ),
    ),

  /**
   * IF.12b: a handler's failure to record (or to record truthfully) registered, counted, and given the
   * domain's consequence with its citations: warning and circulated criticism, discipline referral from the
   * second time, the instructing supervisor liable.
   */
  registerNonRecording: legalProcedure
    .input(
      input(
        Schema.Struct({
          handler: PersonId,
          kind: NonRecordingKind,
          caseRef: Name,
          recordId: Schema.optionalWith(Schema.NullOr(RecordId), { default: () => null }),
          facts: Text,
          occurredOn: Schema.optionalWith(Schema.NullOr(StepDate), { default: () => null }),
          instructedBy: Schema.optionalWith(Schema.NullOr(PersonId), { default: () => null }),
          date: Schema.optional(StepDate),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { caller } = ctx;
          const person = yield* personOf(caller);
          for (const [field, named] of [
            ["handler", request.handler],
            ["instructedBy", request.instructedBy],
          ] as const) {
            if (named === person) {
              return yield* new ConflictOfInterest({
                message: `${field}: the registration is about you; another legal officer makes it`,
                field,
                personId: person,
              });
            }
            if (named !== null) yield* inDirectory(caller, named);
          }
          const date = yield* stepDate(request.date);
          const violation = yield* Effect.flatMap(NonRecordingRegister, (r) =>
            r.register({
              agencyId: caller.agencyId,
              handler: request.handler,
              kind: request.kind,
              caseRef: request.caseRef,
              recordId: request.recordId,
              facts: request.facts,
              occurredOn: request.occurredOn,
              instructedBy: request.instructedBy,
              registeredOn: date,
              by: person,
              actor: actorOf(caller),
            }),
          );
          return violationView(violation);
        }),
      ),
    ),

  /**
   * IF.12b counted per handler: each handler's registered failures, the consequence of the latest, and the
   * supervisors who instructed one. Registrations about the caller (as handler or supervisor) are not shown.
   */
  nonRecordingByHandler: legalProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const person = yield* personOf(ctx.caller);
        const all = yield* Effect.flatMap(NonRecordingRegister, (r) => r.list(ctx.caller.agencyId));
        const visible = all.filter((v) => v.handler !== person && v.instructedBy !== person);
        const people = yield* directoryIndex(ctx.caller.agencyId);
        const byHandler = new Map<string, Array<NonRecordingViolation>>();
        for (const v of visible) byHandler.set(v.handler, [...(byHandler.get(v.handler) ?? []), v]);
        const supervisors = new Map<string, number>();
        for (const v of visible) {
          if (v.instructedBy !== null)
            supervisors.set(v.instructedBy, (supervisors.get(v.instructedBy) ?? 0) + 1);
        }
        return {
          handlers: [...byHandler]
            .sort(([a], [b]) => compareText(a, b))
            .map(([handler, violations]) => {
              const latest = violations.reduce((a, b) => (b.ordinal > a.ordinal ? b : a));
              return {
                handler,
                name: people.get(handler)?.name ?? null,
                department: people.get(handler)?.department ?? null,
                count: latest.ordinal,
                referDiscipline: latest.consequence.referDiscipline,
                violations: violations.map(violationView),
              };
            }),
          supervisors: [...supervisors]
            .sort(([a], [b]) => compareText(a, b))
            .map(([supervisor, count]) => ({
              supervisor,
              name: people.get(supervisor)?.name ?? null,
              instructed: count,
              citations: ["IF.12b"],
            })),
        };
      }),
    ),
  ),

  /** Whether the agency asks handlers for a monthly attestation. */
  monthlyAttestation: requireRole("admin", "legal-officer", "handler").query(({ ctx }) =>
    run(
      ctx,
      Effect.map(
        Effect.flatMap(Attestations, (a) => a.settings(ctx.caller.agencyId)),
        settingsView,
      ),
    ),
  ),

  /** An administrator switches monthly attestation on or off for the agency; the change is logged. */
  setMonthlyAttestation: adminProcedure
    .input(input(Schema.Struct({ enabled: Schema.Boolean })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.map(
          Effect.flatMap(Attestations, (a) =>
            a.setMonthlyAttestation({
              agencyId: ctx.caller.agencyId,
              enabled: request.enabled,
              actor: actorOf(ctx.caller),
            }),
          ),
          settingsView,
        ),
      ),
    ),

  /** The caller's records of a month, as an attestation must list them, and their attestation if made. */
  myAttestation: handlerProcedure
    // Without a month, the case clock's: the month the handler is in, as the API dates their records.
    .input(input(Schema.Struct({ month: Schema.optional(AttestationMonth) })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = yield* personOf(ctx.caller);
          const month = request.month ?? (yield* today).slice(0, 7);
          const attestations = yield* Attestations;
          const settings = yield* attestations.settings(ctx.caller.agencyId);
          const records = yield* recordsOfMonth(ctx.caller, person, month);
          const made = yield* attestations.find(ctx.caller.agencyId, person, month);
          return {
            month,
            enabled: settings.monthlyAttestation,
            records,
            attestation: Option.match(made, { onNone: () => null, onSome: attestationView }),
          };
        }),
      ),
    ),

  /**
   * The handler confirms a month: their records of it by id (`records`), or that there was none (`none`,
   * 零报告). What they confirm must be what the log holds; made again, it supersedes the earlier one.
   */
  attest: handlerProcedure
    .input(
      input(
        Schema.Struct({
          month: AttestationMonth,
          kind: AttestationKind,
          recordIds: Schema.optionalWith(
            Schema.Array(RecordId).pipe(Schema.maxItems(1_000, { message: () => "at most 1,000 records" })),
            { default: () => [] },
          ),
          date: Schema.optional(StepDate),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { caller } = ctx;
          const person = yield* personOf(caller);
          const attestations = yield* Attestations;
          const settings = yield* attestations.settings(caller.agencyId);
          if (!settings.monthlyAttestation) {
            return yield* new MonthlyAttestationOff({
              message: "monthly attestation is switched off for this agency",
            });
          }
          yield* notInFuture(request.month);
          const date = yield* stepDate(request.date);
          const held = (yield* recordsOfMonth(caller, person, request.month)).map((r) => r.recordId);
          const given = new Set(request.recordIds);
          const missing = held.filter((id) => !given.has(id));
          const extra = [...given].filter((id) => !held.includes(id)).sort(compareText);
          if (request.kind === "none" && held.length > 0) {
            return yield* new AttestationMismatch({
              message: `kind: you made ${held.length} record(s) in ${request.month}; attest them instead of a nil return`,
              field: "kind",
              missing: held,
              extra: [],
            });
          }
          if (missing.length > 0 || extra.length > 0 || (request.kind === "records" && held.length === 0)) {
            return yield* new AttestationMismatch({
              message: `recordIds: list exactly your records of ${request.month}${
                missing.length > 0 ? `; missing ${missing.join(", ")}` : ""
              }${extra.length > 0 ? `; not yours of that month: ${extra.join(", ")}` : ""}${
                held.length === 0 && request.kind === "records" ? "; you made none: attest none" : ""
              }`,
              field: "recordIds",
              missing,
              extra,
            });
          }
          const made = yield* attestations.attest({
            agencyId: caller.agencyId,
            handler: person,
            month: request.month,
            kind: request.kind,
            recordIds: held,
            attestedOn: date,
            actor: actorOf(caller),
          });
          return attestationView(made);
        }),
      ),
    ),

  /**
   * Who has attested a month and who has not, among the agency's handlers (enabled accounts holding the
   * handler role). Whether an attestation listed records or none is not shown: a count the legal section
   * cannot match with the records it sees would tell it a record went elsewhere.
   */
  attestationStatus: legalProcedure
    .input(input(Schema.Struct({ month: AttestationMonth })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const attestations = yield* Attestations;
          const settings = yield* attestations.settings(ctx.caller.agencyId);
          if (!settings.monthlyAttestation) {
            return { month: request.month, enabled: false, handlers: [], missing: [] };
          }
          const handlers = yield* agencyHandlers(ctx.caller.agencyId);
          const made = new Map(
            (yield* attestations.forMonth(ctx.caller.agencyId, request.month)).map((a) => [
              a.handler as string,
              a,
            ]),
          );
          const people = yield* directoryIndex(ctx.caller.agencyId);
          const rows = handlers.map((handler) => {
            const attestation = made.get(handler);
            return {
              handler,
              name: people.get(handler)?.name ?? null,
              department: people.get(handler)?.department ?? null,
              attested: attestation !== undefined,
              attestedOn: attestation?.attestedOn ?? null,
            };
          });
          return {
            month: request.month,
            enabled: true,
            handlers: rows,
            missing: rows.filter((r) => !r.attested).map((r) => r.handler),
          };
        }),
      ),
    ),

  /**
   * Counts of interference records by IF.10 category (at recording and as found), method, department and
   * month, over an optional period (months from/to, or a quarter): no names. The legal section and the head
   * count the records routed to the legal section; the judicial supervision counts those routed to it. A
   * record routed to the judicial supervision is about the head or a legal officer: counting it for them
   * would tell them it exists. Summed by the store from the statistics projection (record-statistics.ts).
   */
  statistics: statisticsProcedure
    .input(input(StatisticsPeriod))
    .query(({ ctx, input: request }) => run(ctx, interferenceFigures(ctx.caller, request))),

  /**
   * The legal section's queues (oversight/work-queues.ts says what each holds), every period judged against
   * the case clock's day, which the answer names.
   */
  workQueues: legalProcedure.query(({ ctx }) => run(ctx, workQueues(ctx.caller))),

  /**
   * Deadlines at a glance for the legal section and the head: the running periods of the proceedings the
   * caller may read, judged against the case clock's day, the most urgent first.
   */
  runningPeriods: requireRole("legal-officer", "head").query(({ ctx }) =>
    run(ctx, runningPeriods(ctx.caller)),
  ),

  /**
   * WC.10 figures for the legal section and the head: proceedings by stage, trigger, outcome and month the
   * report came in, time per stage, and the WC.10.1 / WC.10.3 periods met, missed, lapsed and running.
   */
  wrongCaseStatistics: requireRole("legal-officer", "head")
    .input(input(StatisticsPeriod))
    .query(({ ctx, input: request }) => run(ctx, wrongCaseFigures(ctx.caller, request))),
});
