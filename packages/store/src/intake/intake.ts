/**
 * Reports from the public (WC.10.1 任何人均有权举报或投诉执法人员过错行为), without an account.
 *
 * `submit` opens the wrong-case proceeding with a `Public` `ReportReceived` and issues its receipt, in one
 * transaction: the reporter holds a working code for every proceeding opened this way, and no code exists
 * for a proceeding that was not. The code (receipt-code.ts) is returned once; the log and the tables keep
 * its SHA-256 only. `findByReceipt` finds the report by that hash; `postMessage` and `messages` carry the
 * thread between the reporter and the legal section (并负责答复).
 *
 * Requests are decoded with their Schemas first, so text too long or blank is refused naming its field
 * (`InvalidEvent`), and nothing is written.
 *
 * ```ts
 * const intake = yield* Intake;
 * const { proceedingId, receiptCode } = yield* intake.submit({
 *   agencyId: "qianjiang-msa", date: "2025-09-29", allegation: "执法人员未出示证件即开展检查",
 * });
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { ReportReceived, StepDate } from "@liuhen/domain";
import { Context, Effect, Layer, Option, type Redacted, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import { DbInt } from "../event-log/rows.js";
import { Proceedings, type StepFailure } from "../projections/proceedings.js";
import {
  type AppendFailure,
  type ProjectionError,
  type ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import { openWrongCase, WrongCaseNumber } from "../projections/wrong-case-number.js";
import { NoPublicReport, UnknownAgency } from "./errors.js";
import {
  AllegationText,
  type IntakeEvent,
  intakeChange,
  intakeStreamId,
  MessageSender,
  MessageText,
  OfficersNamedText,
  ReporterDetail,
} from "./intake-events.js";
import { type IntakeMessage, listMessages, loadReceipt, type PublicReceipt } from "./intake-projection.js";
import { DEFAULT_INTAKE_THROTTLE, IntakeThrottle, type IntakeThrottleOptions } from "./intake-throttle.js";
import { newReceiptCode, receiptHashOf } from "./receipt-code.js";

/** Who the log records as writing what the public channel brings in: nobody signed in. */
export const PUBLIC_ACTOR = "public:intake";

export const SubmitReport = Schema.Struct({
  agencyId: AgencyId,
  /** The day the report came in (Beijing time). */
  date: StepDate,
  allegation: AllegationText,
  /** The officers the report is about, in the reporter's words; kept with the allegation. */
  officersNamed: Schema.optionalWith(Schema.NullOr(OfficersNamedText), { default: () => null }),
  name: Schema.optionalWith(Schema.NullOr(ReporterDetail), { default: () => null }),
  contact: Schema.optionalWith(Schema.NullOr(ReporterDetail), { default: () => null }),
});
export type SubmitReport = typeof SubmitReport.Encoded;

export const PostIntakeMessage = Schema.Struct({
  agencyId: AgencyId,
  proceedingId: WrongCaseNumber,
  from: MessageSender,
  /** The legal officer writing; null for the reporter. */
  by: Schema.NullOr(PersonId),
  text: MessageText,
  date: StepDate,
  /** Who the log records: `account:<id>` for staff, `public:intake` for the reporter. */
  actor: Actor,
});
export type PostIntakeMessage = typeof PostIntakeMessage.Encoded;

const decodeSubmit = decodeRequest(SubmitReport);
const decodePost = decodeRequest(PostIntakeMessage);

export interface SubmittedReport {
  readonly proceedingId: string;
  /** Shown to the reporter once, in the answer to their submission; never stored. */
  readonly receiptCode: Redacted.Redacted<string>;
}

export interface PostedMessage {
  readonly proceedingId: string;
  readonly seq: number;
  readonly date: string;
}

export interface IntakeService {
  readonly submit: (
    request: SubmitReport,
  ) => Effect.Effect<SubmittedReport, UnknownAgency | StepFailure | ProjectionError>;
  /** The report whose receipt code hashes to `receiptHash`. */
  readonly findByReceipt: (
    agencyId: string,
    receiptHash: string,
  ) => Effect.Effect<Option.Option<PublicReceipt>, ProjectionOutOfStep | SqlError>;
  readonly postMessage: (
    request: PostIntakeMessage,
  ) => Effect.Effect<PostedMessage, NoPublicReport | AppendFailure | ProjectionError>;
  /** The thread of a public report, oldest first. */
  readonly messages: (
    agencyId: string,
    proceedingId: string,
  ) => Effect.Effect<ReadonlyArray<IntakeMessage>, NoPublicReport | ProjectionOutOfStep | SqlError>;
}

/** The allegation as the proceeding keeps it, with the officers the reporter named, if any. */
export const publicAllegation = (allegation: string, officersNamed: string | null): string =>
  officersNamed === null
    ? allegation
    : `${allegation}\n\n被举报人员（举报人所述）/ Officers named by the reporter: ${officersNamed}`;

// Messages in one thread rarely cross; past this many tries the caller sees the conflict and may resend.
const POST_ATTEMPTS = 5;

const HeadRows = Schema.Array(Schema.Struct({ tree_size: DbInt }));
const decodeHeads = Schema.decodeUnknown(HeadRows);

export const makeIntake = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
  proceedings: Context.Tag.Service<Proceedings>,
): IntakeService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const appendIntake = (
    agencyId: string,
    proceedingId: string,
    expectedVersion: number,
    change: IntakeEvent,
    actor: string,
  ) =>
    log.append(
      {
        agencyId,
        streamId: intakeStreamId(proceedingId),
        expectedVersion,
        events: [intakeChange(change, actor)],
      },
      projections.project,
    );

  /**
   * Takes the agency's append lock (the row an append locks first, event-log.ts) if its log has begun: with
   * it held, the numbering reads every number taken before, and nothing can take one meanwhile.
   */
  const lockKnownAgency = (agencyId: AgencyId) =>
    sql`UPDATE log_heads SET tree_size = tree_size WHERE agency_id = ${agencyId} AND tree_size > 0
      RETURNING tree_size`.pipe(
      Effect.flatMap((rows) => Effect.orDie(decodeHeads(rows))),
      Effect.flatMap((rows) =>
        rows.length === 0 ? Effect.fail(new UnknownAgency({ agencyId })) : Effect.void,
      ),
    );

  const submit: IntakeService["submit"] = (request) =>
    Effect.gen(function* () {
      const report = yield* decodeSubmit(request);
      const receiptCode = newReceiptCode();
      const hash = receiptHashOf(receiptCode);
      if (Option.isNone(hash)) return yield* Effect.dieMessage("a new receipt code does not read back");
      const nested = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection));
      // Both appends or neither: the second joins the first's transaction as a savepoint.
      const opened = yield* sql.withTransaction(
        Effect.gen(function* () {
          if (!nested) {
            yield* sql.onDialectOrElse({
              pg: () => sql`SET TRANSACTION ISOLATION LEVEL READ COMMITTED`,
              orElse: () => Effect.void,
            });
          }
          yield* lockKnownAgency(report.agencyId);
          const opened = yield* openWrongCase(
            report.agencyId,
            PUBLIC_ACTOR,
            ReportReceived.make({
              date: report.date,
              reporter: { _tag: "Public", name: report.name, contact: report.contact },
              officers: [],
              allegation: publicAllegation(report.allegation, report.officersNamed),
            }),
          ).pipe(Effect.provideService(Proceedings, proceedings));
          yield* appendIntake(
            report.agencyId,
            opened.proceedingId,
            0,
            { _tag: "ReceiptIssued", proceedingId: opened.proceedingId, receiptHash: hash.value },
            PUBLIC_ACTOR,
          );
          return opened;
        }),
      );
      return { proceedingId: opened.proceedingId, receiptCode };
    });

  const receiptOf = (agencyId: string, proceedingId: string) =>
    withSql(loadReceipt(agencyId, { by: "proceeding", proceedingId })).pipe(
      Effect.flatMap(
        Option.match({
          onNone: () => Effect.fail(new NoPublicReport({ agencyId, proceedingId })),
          onSome: Effect.succeed,
        }),
      ),
    );

  const postMessage: IntakeService["postMessage"] = (request) =>
    Effect.gen(function* () {
      const message = yield* decodePost(request);
      const attempt = Effect.gen(function* () {
        const receipt = yield* receiptOf(message.agencyId, message.proceedingId);
        const appended = yield* appendIntake(
          message.agencyId,
          message.proceedingId,
          receipt.version,
          {
            _tag: "MessagePosted",
            proceedingId: message.proceedingId,
            from: message.from,
            by: message.by,
            text: message.text,
            date: message.date,
          },
          message.actor,
        );
        const seq = appended.events[0]?.streamVersion ?? receipt.version + 1;
        return { proceedingId: message.proceedingId, seq, date: message.date };
      });
      // Another message got in first: this one goes after it.
      return yield* attempt.pipe(
        Effect.retry({ times: POST_ATTEMPTS - 1, while: (error) => error._tag === "StreamConflict" }),
      );
    });

  return {
    submit,
    findByReceipt: (agencyId, hash) => withSql(loadReceipt(agencyId, { by: "hash", receiptHash: hash })),
    postMessage,
    messages: (agencyId, proceedingId) =>
      Effect.zipRight(receiptOf(agencyId, proceedingId), withSql(listMessages(agencyId, proceedingId))),
  };
};

export class Intake extends Context.Tag("@liuhen/store/Intake")<Intake, IntakeService>() {
  static readonly layer: Layer.Layer<
    Intake,
    never,
    EventLog | Projections | Proceedings | SqlClient.SqlClient
  > = Layer.effect(
    Intake,
    Effect.gen(function* () {
      return makeIntake(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections, yield* Proceedings);
    }),
  );
}

export interface IntakeLayerOptions {
  /** The public channel's throttle; DEFAULT_INTAKE_THROTTLE when left out. */
  readonly intakeThrottle?: IntakeThrottleOptions | undefined;
}

/** The public channel's services, over a store whose Projections include `intakeProjection`. */
export const intakeLayer = (
  options: IntakeLayerOptions = {},
): Layer.Layer<Intake | IntakeThrottle, never, EventLog | Projections | Proceedings | SqlClient.SqlClient> =>
  Layer.merge(Intake.layer, IntakeThrottle.layer(options.intakeThrottle ?? DEFAULT_INTAKE_THROTTLE));
