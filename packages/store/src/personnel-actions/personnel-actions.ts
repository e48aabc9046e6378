/**
 * Personnel actions and the protection of recorders (IF.9): each action appended as an event to its own
 * stream (`personnel-action/<id>`) with every projection updated, and the protection alerts it raises issued
 * as in-app notifications (`protection-alert`) in the same transaction: an action is never on record without
 * the alerts it called for, nor an alert without its action. Requests are decoded with their Schemas first,
 * so bad input is refused naming its field (`InvalidEvent`) and nothing is written.
 *
 * Whether the person is a recorder, and whom to alert, is decided above the store (the domain's
 * `checkProtection`, with the interference records and need-to-know); the store keeps what was found.
 *
 * ```ts
 * const actions = yield* PersonnelActions;
 * const action = yield* actions.register({
 *   agencyId, personId: "staff-0042", kind: "transfer", date: "2025-10-08",
 *   statutoryCause: "机构改革岗位调整", statutoryProcedure: "经局党组会议研究决定",
 *   decidedBy: "staff-0001", protection: { alert: true, records: ["IF-2025-003"], citations: ["IF.9"] },
 *   alerts: [{ recipient: "staff-0007", records: ["IF-2025-003"] }], actor: "account:…",
 * });
 * ```
 */
import { randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate, PersonnelActionKind } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Ref, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { StreamConflict } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import { NotificationId } from "../notifications/notification-events.js";
import { makeNotifications } from "../notifications/notifications.js";
import { PersonNotFound } from "../people/errors.js";
import { loadPerson } from "../people/person-projection.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import {
  PersonnelActionId,
  ProtectionFinding,
  personnelActionChange,
  personnelActionStreamId,
  StatutoryText,
} from "./personnel-action-events.js";
import {
  listPersonnelActions,
  loadPersonnelAction,
  PERSONNEL_ACTIONS_PROJECTION,
  type PersonnelAction,
} from "./personnel-action-projection.js";

/** One protection alert: who is told, and the records (of those they may read) that make the person a recorder. */
export const ProtectionAlert = Schema.Struct({
  recipient: PersonId,
  records: Schema.Array(Schema.String.pipe(Schema.maxLength(100))).pipe(Schema.maxItems(1_000)),
});

export const RegisterPersonnelAction = Schema.Struct({
  agencyId: AgencyId,
  personId: PersonId,
  kind: PersonnelActionKind,
  date: IsoDate,
  statutoryCause: StatutoryText,
  statutoryProcedure: StatutoryText,
  decidedBy: PersonId,
  protection: ProtectionFinding,
  alerts: Schema.Array(ProtectionAlert).pipe(Schema.maxItems(500)),
  /** Who enters it: `account:<id>` or `operator:<name>`. */
  actor: Actor,
}).pipe(
  Schema.filter((r) =>
    r.alerts.length > 0 && !r.protection.alert
      ? { path: ["alerts"], message: "alerts are issued only when the protection check raised one" }
      : undefined,
  ),
);
export type RegisterPersonnelAction = typeof RegisterPersonnelAction.Encoded;

const decodeRegister = decodeRequest(RegisterPersonnelAction);

export type PersonnelActionFailure =
  | PersonNotFound
  | Exclude<AppendFailure, StreamConflict>
  | ProjectionError;

export interface PersonnelActionsService {
  /** Records the action and issues its alerts, together; PersonNotFound if the person is not in the directory. */
  readonly register: (
    request: RegisterPersonnelAction,
  ) => Effect.Effect<PersonnelAction, PersonnelActionFailure>;
  readonly find: (
    agencyId: string,
    actionId: string,
  ) => Effect.Effect<Option.Option<PersonnelAction>, ProjectionOutOfStep | SqlError>;
  /** The agency's actions (of one person, if given), in the order the log took them. */
  readonly list: (
    agencyId: string,
    filter?: { readonly personId?: string | undefined },
  ) => Effect.Effect<ReadonlyArray<PersonnelAction>, ProjectionOutOfStep | SqlError>;
}

const MAX_DETAIL = 500;

/** The records an alert names, as one detail of at most 500 characters: those that fit, then how many more. */
export const recordsDetail = (records: ReadonlyArray<string>): string => {
  let text = "";
  for (const [n, record] of records.entries()) {
    const next = text === "" ? record : `${text} ${record}`;
    const rest = records.length - n - 1;
    const tail = rest > 0 ? ` +${rest}` : "";
    if (next.length + tail.length > MAX_DETAIL) return `${text} +${records.length - n}`.trim();
    text = next;
  }
  return text;
};

export const makePersonnelActions = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): PersonnelActionsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);
  const notifications = makeNotifications(sql, log, projections);

  const register: PersonnelActionsService["register"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, actor, alerts, ...action } = yield* decodeRegister(request);
      const person = yield* withSql(loadPerson(agencyId, action.personId));
      if (Option.isNone(person)) {
        return yield* new PersonNotFound({ agencyId, personId: action.personId });
      }
      const actionId = PersonnelActionId.make(randomUUID());
      const streamId = personnelActionStreamId(actionId);
      const after = yield* Ref.make(Option.none<PersonnelAction>());
      const nested = Option.isSome(yield* Effect.serviceOption(SqlClient.TransactionConnection));
      // The action and its alerts, or none of them: the notifications join the action's transaction.
      yield* sql
        .withTransaction(
          Effect.gen(function* () {
            if (!nested) {
              yield* sql.onDialectOrElse({
                pg: () => sql`SET TRANSACTION ISOLATION LEVEL READ COMMITTED`,
                orElse: () => Effect.void,
              });
            }
            yield* log.append(
              {
                agencyId,
                streamId,
                expectedVersion: 0,
                events: [
                  personnelActionChange({ _tag: "PersonnelActionRegistered", actionId, ...action }, actor),
                ],
              },
              (recorded) =>
                Effect.gen(function* () {
                  yield* projections.project(recorded);
                  const row = yield* loadPersonnelAction(agencyId, actionId);
                  if (Option.isNone(row)) {
                    return yield* new ProjectionOutOfStep({
                      projection: PERSONNEL_ACTIONS_PROJECTION,
                      agencyId,
                      streamId,
                      detail: "no row after the action: is the personnel-actions projection registered?",
                    });
                  }
                  yield* Ref.set(after, row);
                }),
            );
            for (const alert of alerts) {
              yield* notifications.issue({
                agencyId,
                notificationId: NotificationId.make(`if.9/${actionId}/${alert.recipient}`),
                recipient: alert.recipient,
                kind: "protection-alert",
                streamId,
                date: action.date,
                details: {
                  article: "IF.9",
                  actionId,
                  person: action.personId,
                  action: action.kind,
                  records: recordsDetail(alert.records),
                },
                actor,
              });
            }
          }),
        )
        .pipe(
          // A fresh UUID's stream is never taken: a conflict here is a defect, not a retry.
          Effect.catchTag("StreamConflict", (conflict) => Effect.die(conflict)),
        );
      return yield* Effect.flatMap(
        Ref.get(after),
        Option.match({
          onNone: () => Effect.dieMessage("a personnel action committed without its row"),
          onSome: Effect.succeed,
        }),
      );
    });

  return {
    register,
    find: (agencyId, actionId) => withSql(loadPersonnelAction(agencyId, actionId)),
    list: (agencyId, filter) => withSql(listPersonnelActions(agencyId, filter)),
  };
};

export class PersonnelActions extends Context.Tag("@liuhen/store/PersonnelActions")<
  PersonnelActions,
  PersonnelActionsService
>() {
  static readonly layer: Layer.Layer<PersonnelActions, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      PersonnelActions,
      Effect.gen(function* () {
        return makePersonnelActions(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}
