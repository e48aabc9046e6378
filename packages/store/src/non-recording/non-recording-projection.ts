/**
 * The `non-recording` projection: one `non_recording_violations` row per registration (IF.12b), derived from
 * the `NonRecording.Registered` events alone, so a rebuild from the log reproduces it row for row. The
 * consequence is kept as the event logged it (canonical JSON), not recomputed: a later rule does not
 * rewrite what was decided under an earlier one.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { StepDate } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { InvalidEvent } from "../event-log/errors.js";
import type { RecordedEvent } from "../event-log/event.js";
import { canonicalJson, type JsonValue } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  decodeNonRecordingEvent,
  isNonRecordingEvent,
  LoggedNonRecordingConsequence,
  type NonRecordingEvent,
  NonRecordingId,
  NonRecordingKind,
  nonRecordingStreamId,
} from "./non-recording-events.js";

export const NON_RECORDING_PROJECTION = "non-recording";

/** A registered failure to record, as its row holds it. */
export class NonRecordingViolation extends Schema.Class<NonRecordingViolation>("NonRecordingViolation")({
  violationId: Schema.propertySignature(NonRecordingId).pipe(Schema.fromKey("violation_id")),
  handler: PersonId,
  ordinal: DbInt,
  kind: NonRecordingKind,
  caseRef: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("case_ref")),
  recordId: Schema.propertySignature(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("record_id")),
  facts: Schema.String,
  occurredOn: Schema.propertySignature(Schema.NullOr(StepDate)).pipe(Schema.fromKey("occurred_on")),
  instructedBy: Schema.propertySignature(Schema.NullOr(PersonId)).pipe(Schema.fromKey("instructed_by")),
  registeredOn: Schema.propertySignature(StepDate).pipe(Schema.fromKey("registered_on")),
  registeredBy: Schema.propertySignature(PersonId).pipe(Schema.fromKey("registered_by")),
  /** When the log recorded it, and where. */
  registeredAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("registered_at")),
  leafIndex: Schema.propertySignature(DbInt).pipe(Schema.fromKey("leaf_index")),
  consequence: Schema.parseJson(LoggedNonRecordingConsequence),
}) {}

const COLUMNS =
  "violation_id, handler, ordinal, kind, case_ref, record_id, facts, occurred_on, instructed_by, registered_on, registered_by, registered_at, leaf_index, consequence";

const { outOfStep, decodeRows, checkStream } = projectionRows(NON_RECORDING_PROJECTION);
const decodeViolations = decodeRows(NonRecordingViolation, "a violation row");

/** The agency's registrations in log order; `handler` keeps one handler's. */
export const listNonRecording = (
  agencyId: string,
  handler?: string,
): Effect.Effect<ReadonlyArray<NonRecordingViolation>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM non_recording_violations
      WHERE agency_id = ${agencyId} ${handler === undefined ? sql`` : sql`AND handler = ${handler}`}
      ORDER BY leaf_index`;
    return yield* decodeViolations(
      agencyId,
      handler === undefined ? "(violations)" : nonRecordingStreamId(handler),
    )(rows);
  });

const CountRow = Schema.Struct({ registered: DbInt });
const decodeCount = decodeRows(CountRow, "the count");

/** How many failures of the handler are registered. */
export const countNonRecording = (
  agencyId: string,
  handler: string,
): Effect.Effect<number, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT COUNT(*) AS registered FROM non_recording_violations
      WHERE agency_id = ${agencyId} AND handler = ${handler}`;
    const [count] = yield* decodeCount(agencyId, nonRecordingStreamId(handler))(rows);
    return count?.registered ?? 0;
  });

const encodeConsequence = Schema.encodeSync(LoggedNonRecordingConsequence);

const applyRegistered = (
  event: RecordedEvent,
  registered: NonRecordingEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      nonRecordingStreamId(registered.handler),
      `registers a failure of ${registered.handler} in another handler's stream`,
    );
    const before = yield* countNonRecording(event.agencyId, registered.handler);
    if (before !== event.streamVersion - 1 || registered.ordinal !== event.streamVersion) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `the handler has ${before} registered, but event ${event.id} is version ${event.streamVersion} and says it is number ${registered.ordinal}`,
      );
    }
    yield* sql`INSERT INTO non_recording_violations ${sql.insert({
      agency_id: event.agencyId,
      violation_id: registered.violationId,
      handler: registered.handler,
      ordinal: registered.ordinal,
      kind: registered.kind,
      case_ref: registered.caseRef,
      record_id: registered.recordId,
      facts: registered.facts,
      occurred_on: registered.occurredOn,
      instructed_by: registered.instructedBy,
      registered_on: registered.registeredOn,
      registered_by: registered.by,
      registered_at: event.occurredAt,
      leaf_index: event.leafIndex,
      refer_discipline: registered.consequence.referDiscipline ? 1 : 0,
      consequence: canonicalJson(encodeConsequence(registered.consequence) as unknown as JsonValue),
    })}`;
  });

/** The non-recording projection, ready for `Projections.layer`. */
export const nonRecordingProjection: ProjectionDefinition = {
  name: NON_RECORDING_PROJECTION,
  tables: ["non_recording_violations"],
  apply: (event): Effect.Effect<void, ProjectionOutOfStep | InvalidEvent | SqlError, SqlClient.SqlClient> =>
    isNonRecordingEvent(event)
      ? Effect.flatMap(decodeNonRecordingEvent(event), (registered) => applyRegistered(event, registered))
      : Effect.void,
};
