/**
 * WC.10.1 任何人均有权举报或投诉执法人员过错行为，区局法治科应当及时受理，并负责答复.
 *
 * The public channel needs no account:
 * - `submit` opens a wrong-case proceeding with the report and answers with a receipt code, shown this once
 *   (the store keeps its SHA-256 only);
 * - with the code, `status` tells the reporter how far the report has gone, the legal section's answers and
 *   the message thread, and `postMessage` writes to the legal section.
 * Every public call is throttled per client address (submissions and look-ups apart). A wrong code, whether
 * malformed or unknown, is one NOT_FOUND with one message, and counts against the throttle like any other.
 *
 * The legal section's side, for a legal officer who may read the file (need-to-know, as in wrong-case.ts:
 * the person a report is about never reads it, whatever their roles): `messages` and `reply`. Answers that
 * close the matter for the reporter are `wrongCase.answerReporter` (负责答复), which `status` shows too.
 */
import { readAccess } from "@liuhen/domain";
import {
  AgencyId,
  AllegationText,
  Intake,
  IntakeThrottle,
  MessageText,
  OfficersNamedText,
  Proceedings,
  PUBLIC_ACTOR,
  ReporterDetail,
  receiptHashOf,
  WrongCaseNumber,
} from "@liuhen/store";
import { Effect, Option, Redacted, Schema } from "effect";
import { personOf, viewerOf } from "../case-files/case-actor.js";
import { today } from "../case-files/case-clock.js";
import { reporterView } from "../case-files/public-status.js";
import { wrongCaseFileFacts } from "../case-files/wrong-case-file.js";
import type { ApiContext, Caller } from "../context.js";
import { Forbidden, NotFound } from "../errors/api-errors.js";
import { input, publicProcedure, requireRole, router, run } from "../trpc.js";

/** A code as typed: any text. Its form is checked by looking it up, so a malformed code answers as an unknown one. */
const ReceiptCodeText = Schema.String;

const Receipt = Schema.Struct({ agency: AgencyId, receiptCode: ReceiptCodeText });

// One message for every wrong code: malformed, unknown, or of another agency.
const noSuchReceipt = () =>
  new NotFound({ message: "no report of this agency has that receipt code", what: "receipt" });

/** The public report a receipt code opens, after the look-up has been counted against the address. */
const byReceipt = (ctx: ApiContext, agency: AgencyId, code: string) =>
  Effect.gen(function* () {
    yield* Effect.flatMap(IntakeThrottle, (throttle) =>
      throttle.admit({ address: ctx.address, action: "lookup" }),
    );
    const hash = receiptHashOf(code);
    if (Option.isNone(hash)) return yield* noSuchReceipt();
    const found = yield* Effect.flatMap(Intake, (intake) => intake.findByReceipt(agency, hash.value));
    if (Option.isNone(found)) return yield* noSuchReceipt();
    return found.value;
  });

/** The file of a proceeding, if need-to-know lets the caller read it. */
const readableFile = (caller: Caller, proceedingId: string) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const file = yield* Effect.flatMap(Proceedings, (p) => p.wrongCase(caller.agencyId, proceedingId));
    if (Option.isNone(file)) {
      return yield* new NotFound({ message: `no wrong-case proceeding ${proceedingId}`, what: "proceeding" });
    }
    if (!readAccess(viewerOf(caller, person), wrongCaseFileFacts(file.value.state)).read) {
      return yield* new Forbidden({ message: `you may not read proceeding ${proceedingId}` });
    }
    return { person, file: file.value };
  });

const legalSection = requireRole("legal-officer");

export const intakeRouter = router({
  /** WC.10.1 任何人均有权举报或投诉: a report from anyone, without an account. */
  submit: publicProcedure
    .input(
      input(
        Schema.Struct({
          agency: AgencyId,
          allegation: AllegationText,
          /** The officers the report is about, as the reporter knows them (name, unit, badge number). */
          officersNamed: Schema.optional(OfficersNamedText),
          name: Schema.optional(ReporterDetail),
          contact: Schema.optional(ReporterDetail),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          yield* Effect.flatMap(IntakeThrottle, (throttle) =>
            throttle.admit({ address: ctx.address, action: "submit" }),
          );
          const date = yield* today;
          const submitted = yield* Effect.flatMap(Intake, (intake) =>
            intake.submit({
              agencyId: request.agency,
              date,
              allegation: request.allegation,
              officersNamed: request.officersNamed ?? null,
              name: request.name ?? null,
              contact: request.contact ?? null,
            }),
          );
          // The one time the code leaves the server.
          return {
            proceedingId: submitted.proceedingId,
            receiptCode: Redacted.value(submitted.receiptCode),
          };
        }),
      ),
    ),

  /** What the reporter may know of their report, by its receipt code. */
  status: publicProcedure.input(input(Receipt)).query(({ ctx, input: request }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const receipt = yield* byReceipt(ctx, request.agency, request.receiptCode);
        const file = yield* Effect.flatMap(Proceedings, (p) =>
          p.wrongCase(request.agency, receipt.proceedingId),
        );
        // A receipt is issued in the transaction that opens its proceeding: one without the other is a fault.
        if (Option.isNone(file)) {
          return yield* Effect.dieMessage(`receipt of ${receipt.proceedingId} without its proceeding`);
        }
        const messages = yield* Effect.flatMap(Intake, (intake) =>
          intake.messages(request.agency, receipt.proceedingId),
        );
        return reporterView(receipt.proceedingId, file.value.state, messages);
      }),
    ),
  ),

  /** The reporter writes to the legal section, by the report's receipt code. */
  postMessage: publicProcedure
    .input(input(Schema.Struct({ ...Receipt.fields, text: MessageText })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const receipt = yield* byReceipt(ctx, request.agency, request.receiptCode);
          const date = yield* today;
          const posted = yield* Effect.flatMap(Intake, (intake) =>
            intake.postMessage({
              agencyId: request.agency,
              proceedingId: receipt.proceedingId,
              from: "reporter",
              by: null,
              text: request.text,
              date,
              actor: PUBLIC_ACTOR,
            }),
          );
          return { posted: true as const, date: posted.date };
        }),
      ),
    ),

  /** The thread of a public report, for a legal officer who may read its file. */
  messages: legalSection
    .input(input(Schema.Struct({ proceedingId: WrongCaseNumber })))
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          yield* readableFile(ctx.caller, request.proceedingId);
          const messages = yield* Effect.flatMap(Intake, (intake) =>
            intake.messages(ctx.caller.agencyId, request.proceedingId),
          );
          return messages.map((message) => ({
            seq: message.seq,
            from: message.from,
            by: message.by,
            date: message.date,
            postedAt: message.postedAt,
            text: message.text,
          }));
        }),
      ),
    ),

  /** The legal section writes to the reporter (并负责答复), as the caller. */
  reply: legalSection
    .input(input(Schema.Struct({ proceedingId: WrongCaseNumber, text: MessageText })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const { person } = yield* readableFile(ctx.caller, request.proceedingId);
          const date = yield* today;
          return yield* Effect.flatMap(Intake, (intake) =>
            intake.postMessage({
              agencyId: ctx.caller.agencyId,
              proceedingId: request.proceedingId,
              from: "legal-section",
              by: person,
              text: request.text,
              date,
              actor: `account:${ctx.caller.accountId}`,
            }),
          );
        }),
      ),
    ),
});
