/**
 * The `personnel-actions` projection: one row per personnel action, derived from its `PersonnelAction.*`
 * event alone (`registered_at` is the log's `occurred_at`, `leaf_index` its position), so a rebuild from the
 * log reproduces it row for row. The protection finding is kept as canonical JSON text.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate, PersonnelActionKind } from "@liuhen/domain";
import { Effect, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId } from "../event-log/identifiers.js";
import { canonicalJson, type JsonValue } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  decodePersonnelActionEvent,
  isPersonnelActionEvent,
  type PersonnelActionEvent,
  PersonnelActionId,
  ProtectionFinding,
  personnelActionStreamId,
} from "./personnel-action-events.js";

export const PERSONNEL_ACTIONS_PROJECTION = "personnel-actions";

/** A personnel action as its row holds it. */
export class PersonnelAction extends Schema.Class<PersonnelAction>("PersonnelAction")({
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  actionId: Schema.propertySignature(PersonnelActionId).pipe(Schema.fromKey("action_id")),
  personId: Schema.propertySignature(PersonId).pipe(Schema.fromKey("person_id")),
  kind: PersonnelActionKind,
  date: Schema.propertySignature(IsoDate).pipe(Schema.fromKey("action_date")),
  statutoryCause: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("statutory_cause")),
  statutoryProcedure: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("statutory_procedure")),
  decidedBy: Schema.propertySignature(PersonId).pipe(Schema.fromKey("decided_by")),
  protection: Schema.parseJson(ProtectionFinding),
  /** When the log recorded it. */
  registeredAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("registered_at")),
  leafIndex: Schema.propertySignature(DbInt).pipe(Schema.fromKey("leaf_index")),
}) {}

const COLUMNS =
  "agency_id, action_id, person_id, kind, action_date, statutory_cause, statutory_procedure, decided_by, protection, registered_at, leaf_index";

const { outOfStep, decodeRows, checkStream } = projectionRows(PERSONNEL_ACTIONS_PROJECTION);
const decodeActions = decodeRows(PersonnelAction, "a personnel action row");

/** One personnel action of an agency. */
export const loadPersonnelAction = (
  agencyId: string,
  actionId: string,
): Effect.Effect<Option.Option<PersonnelAction>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM personnel_actions
      WHERE agency_id = ${agencyId} AND action_id = ${actionId}`;
    const [action] = yield* decodeActions(agencyId, personnelActionStreamId(actionId))(rows);
    return Option.fromNullable(action);
  });

/** An agency's personnel actions (of one person, when `personId` is given), in the order the log took them. */
export const listPersonnelActions = (
  agencyId: string,
  filter: { readonly personId?: string | undefined } = {},
): Effect.Effect<ReadonlyArray<PersonnelAction>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM personnel_actions
      WHERE agency_id = ${agencyId}
      ${filter.personId === undefined ? sql`` : sql`AND person_id = ${filter.personId}`}
      ORDER BY leaf_index`;
    return yield* decodeActions(agencyId, "(personnel actions)")(rows);
  });

const applyPersonnelActionEvent = (
  event: RecordedEvent,
  change: PersonnelActionEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      personnelActionStreamId(change.actionId),
      `registers action ${change.actionId} in another action's stream`,
    );
    const current = yield* loadPersonnelAction(event.agencyId, change.actionId);
    if (event.streamVersion !== 1 || Option.isSome(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} registers action ${change.actionId} again, as version ${event.streamVersion}`,
      );
    }
    yield* sql`INSERT INTO personnel_actions ${sql.insert({
      agency_id: event.agencyId,
      action_id: change.actionId,
      person_id: change.personId,
      kind: change.kind,
      action_date: change.date,
      statutory_cause: change.statutoryCause,
      statutory_procedure: change.statutoryProcedure,
      decided_by: change.decidedBy,
      protection: canonicalJson(Schema.encodeSync(ProtectionFinding)(change.protection) as JsonValue),
      registered_at: event.occurredAt,
      leaf_index: event.leafIndex,
    })}`;
  });

/** The personnel actions projection, ready for `Projections.layer`. */
export const personnelActionsProjection: ProjectionDefinition = {
  name: PERSONNEL_ACTIONS_PROJECTION,
  tables: ["personnel_actions"],
  apply: (event) =>
    isPersonnelActionEvent(event)
      ? Effect.flatMap(decodePersonnelActionEvent(event), (change) =>
          applyPersonnelActionEvent(event, change),
        )
      : Effect.void,
};
