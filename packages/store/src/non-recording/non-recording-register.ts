/**
 * IF.12b: the legal section's register of handlers' failures to record interference. `register` counts the
 * handler's earlier registrations, asks the domain for the consequence of this one
 * (`nonRecordingConsequence`: warning and circulated criticism the first time, referral for discipline from
 * the second, the instructing supervisor liable) and appends it to the handler's stream at the count it read,
 * so a registration made meanwhile makes this one fail (`StreamConflict`) instead of both being "the first".
 *
 * ```ts
 * const register = yield* NonRecordingRegister;
 * const violation = yield* register.register({ agencyId, handler: "staff-0042", kind: "not-recorded",
 *   caseRef: "黔江市监处〔2025〕17号", recordId: null, facts: "…", occurredOn: "2025-09-12",
 *   instructedBy: "staff-0007", registeredOn: "2025-10-08", by: "staff-0001", actor: "account:…" });
 * violation.consequence.referDiscipline; // true from the second registration on
 * ```
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { nonRecordingConsequence, StepDate } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Ref, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import {
  NonRecordingId,
  NonRecordingKind,
  NonRecordingRegistered,
  nonRecordingChange,
  nonRecordingStreamId,
} from "./non-recording-events.js";
import {
  countNonRecording,
  listNonRecording,
  NON_RECORDING_PROJECTION,
  type NonRecordingViolation,
} from "./non-recording-projection.js";

const fields = NonRecordingRegistered.from.fields;

export const RegisterNonRecording = Schema.Struct({
  agencyId: AgencyId,
  handler: PersonId,
  kind: NonRecordingKind,
  caseRef: fields.caseRef,
  recordId: fields.recordId,
  facts: fields.facts,
  occurredOn: Schema.NullOr(StepDate),
  instructedBy: Schema.NullOr(PersonId),
  registeredOn: StepDate,
  by: PersonId,
  actor: Actor,
}).pipe(
  Schema.filter((r) =>
    r.instructedBy !== r.handler
      ? true
      : { path: ["instructedBy"], message: "the supervisor who instructed it is not the handler" },
  ),
  Schema.filter((r) =>
    r.occurredOn === null || r.occurredOn <= r.registeredOn
      ? true
      : { path: ["occurredOn"], message: "what went unrecorded happened before it is registered" },
  ),
);
export type RegisterNonRecording = typeof RegisterNonRecording.Encoded;

const decodeRegister = decodeRequest(RegisterNonRecording);

export interface NonRecordingRegisterService {
  readonly register: (
    request: RegisterNonRecording,
  ) => Effect.Effect<NonRecordingViolation, AppendFailure | ProjectionError>;
  /** The agency's registrations in log order; `handler` keeps one handler's. */
  readonly list: (
    agencyId: string,
    handler?: string,
  ) => Effect.Effect<ReadonlyArray<NonRecordingViolation>, ProjectionOutOfStep | SqlError>;
}

export const makeNonRecordingRegister = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): NonRecordingRegisterService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const register: NonRecordingRegisterService["register"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, actor, ...facts } = yield* decodeRegister(request);
      const earlier = yield* withSql(countNonRecording(agencyId, facts.handler));
      const ordinal = earlier + 1;
      const consequence = nonRecordingConsequence({
        violations: ordinal,
        instructedBySupervisor: facts.instructedBy !== null,
      });
      const violationId = NonRecordingId.make(randomUUID());
      const after = yield* Ref.make(Option.none<NonRecordingViolation>());
      yield* log.append(
        {
          agencyId,
          streamId: nonRecordingStreamId(facts.handler),
          expectedVersion: earlier,
          events: [
            nonRecordingChange(
              {
                _tag: "NonRecordingRegistered",
                violationId,
                ordinal,
                handler: facts.handler,
                kind: facts.kind,
                caseRef: facts.caseRef,
                recordId: facts.recordId,
                facts: facts.facts,
                occurredOn: facts.occurredOn,
                instructedBy: facts.instructedBy,
                registeredOn: facts.registeredOn,
                by: facts.by,
                consequence: {
                  sanctions: consequence.sanctions,
                  referDiscipline: consequence.referDiscipline,
                  supervisorLiable: consequence.supervisorLiable,
                  citations: consequence.citations,
                  basis: consequence.basis,
                },
              },
              actor,
            ),
          ],
        },
        (recorded) =>
          Effect.gen(function* () {
            yield* projections.project(recorded);
            const rows = yield* listNonRecording(agencyId, facts.handler);
            const row = rows.find((r) => r.violationId === violationId);
            if (row === undefined) {
              return yield* new ProjectionOutOfStep({
                projection: NON_RECORDING_PROJECTION,
                agencyId,
                streamId: nonRecordingStreamId(facts.handler),
                detail: "no row after the registration: is the non-recording projection registered?",
              });
            }
            yield* Ref.set(after, Option.some(row));
          }),
      );
      return yield* Effect.flatMap(
        Ref.get(after),
        Option.match({
          onNone: () => Effect.dieMessage("a registration committed without its row"),
          onSome: Effect.succeed,
        }),
      );
    });

  return {
    register,
    list: (agencyId, handler) => withSql(listNonRecording(agencyId, handler)),
  };
};

export class NonRecordingRegister extends Context.Tag("@liuhen/store/NonRecordingRegister")<
  NonRecordingRegister,
  NonRecordingRegisterService
>() {
  static readonly layer: Layer.Layer<
    NonRecordingRegister,
    never,
    EventLog | Projections | SqlClient.SqlClient
  > = Layer.effect(
    NonRecordingRegister,
    Effect.gen(function* () {
      return makeNonRecordingRegister(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
    }),
  );
}
