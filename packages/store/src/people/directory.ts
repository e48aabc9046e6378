/**
 * The staff directory (人员名录): each change appended as an event to the person's stream (`person/<id>`)
 * with every projection updated in the same transaction. Requests are decoded with their Schemas first, so
 * bad input is refused naming its field (`InvalidEvent`) and nothing is written.
 *
 * `rolesOf` joins the directory to the accounts: the roles a person holds are those of their enabled
 * accounts, which is what routing an interference record needs (packages/domain `routeFor`, IF.3).
 *
 * ```ts
 * const directory = yield* Directory;
 * yield* directory.register({
 *   agencyId, personId: "staff-0042", name: "李明", department: "执法一科", position: "科长", actor,
 * });
 * const route = routeFor([new Set(yield* directory.rolesOf(agencyId, "staff-0042"))]);
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate, Role } from "@liuhen/domain";
import { Context, Effect, Layer, Option, ParseResult, Ref, Schema } from "effect";
import { normaliseRoles } from "../accounts/account-events.js";
import { DisplayName, PersonId } from "../accounts/account-identifiers.js";
import { ACCOUNTS_PROJECTION } from "../accounts/account-projection.js";
import { NothingToChange } from "../accounts/errors.js";
import type { StreamConflict } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import { PersonAlreadyRegistered, PersonNotFound } from "./errors.js";
import { type PersonEvent, type PersonUpdated, personChange, personStreamId } from "./person-events.js";
import { Department, Position } from "./person-fields.js";
import {
  listPeople,
  loadPerson,
  PEOPLE_PROJECTION,
  type PeopleFilter,
  type Person,
} from "./person-projection.js";

/** Who changes whose entry: `actor` is the signed-in user (`account:<id>`) or `operator:<name>`. */
const Change = { agencyId: AgencyId, personId: PersonId, actor: Actor };

export const RegisterPerson = Schema.Struct({
  ...Change,
  name: DisplayName,
  department: Department,
  position: Schema.NullOr(Position),
});
export type RegisterPerson = typeof RegisterPerson.Encoded;

/** The fields to change; a field left out stays as it is, a `position` of null clears it. */
export const UpdatePerson = Schema.Struct({
  ...Change,
  name: Schema.optionalWith(DisplayName, { exact: true }),
  department: Schema.optionalWith(Department, { exact: true }),
  position: Schema.optionalWith(Schema.NullOr(Position), { exact: true }),
});
export type UpdatePerson = typeof UpdatePerson.Encoded;

/** The person left the agency on `date` (YYYY-MM-DD). */
export const DepartPerson = Schema.Struct({ ...Change, date: IsoDate });
export type DepartPerson = typeof DepartPerson.Encoded;

export const ReturnPerson = Schema.Struct(Change);
export type ReturnPerson = typeof ReturnPerson.Encoded;

const decodeRegister = decodeRequest(RegisterPerson);
const decodeUpdate = decodeRequest(UpdatePerson);
const decodeDepart = decodeRequest(DepartPerson);
const decodeReturn = decodeRequest(ReturnPerson);

/** Refusals of the log and the projections; `InvalidEvent` names a bad field of the request. */
export type DirectoryFailure = AppendFailure | ProjectionError;
export type ChangePersonFailure = PersonNotFound | NothingToChange | DirectoryFailure;

export interface DirectoryService {
  /** Adds a person as active staff; fails with PersonAlreadyRegistered if the id is taken, even by former staff. */
  readonly register: (
    request: RegisterPerson,
  ) => Effect.Effect<Person, PersonAlreadyRegistered | Exclude<DirectoryFailure, StreamConflict>>;
  /** Records the fields that differ from the entry; NothingToChange if none does. */
  readonly update: (request: UpdatePerson) => Effect.Effect<Person, ChangePersonFailure>;
  /** Marks an active person departed; they stay in the directory. */
  readonly depart: (request: DepartPerson) => Effect.Effect<Person, ChangePersonFailure>;
  /** Marks a departed person active again. */
  readonly return: (request: ReturnPerson) => Effect.Effect<Person, ChangePersonFailure>;
  readonly find: (
    agencyId: string,
    personId: string,
  ) => Effect.Effect<Option.Option<Person>, ProjectionOutOfStep | SqlError>;
  /** The directory by department, name and id; `filter` keeps one status or one department. */
  readonly list: (
    agencyId: string,
    filter?: PeopleFilter,
  ) => Effect.Effect<ReadonlyArray<Person>, ProjectionOutOfStep | SqlError>;
  /** Every role of the person's enabled accounts, each once, in `ROLES` order; none if they have no account. */
  readonly rolesOf: (
    agencyId: string,
    personId: string,
  ) => Effect.Effect<ReadonlyArray<Role>, PersonNotFound | ProjectionOutOfStep | SqlError>;
}

// One row per enabled account of the person, or one row of null roles if they have none.
const decodeRoleRows = Schema.decodeUnknown(
  Schema.Array(Schema.Struct({ roles: Schema.NullOr(Schema.parseJson(Schema.Array(Role))) })),
);

export const makeDirectory = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): DirectoryService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  /** Appends one change at `expectedVersion` and returns the person's row as that transaction left it. */
  const record = (
    agencyId: AgencyId,
    personId: PersonId,
    expectedVersion: number,
    change: PersonEvent,
    actor: Actor,
  ): Effect.Effect<Person, AppendFailure | ProjectionError> =>
    Effect.gen(function* () {
      const after = yield* Ref.make(Option.none<Person>());
      yield* log.append(
        {
          agencyId,
          streamId: personStreamId(personId),
          expectedVersion,
          events: [personChange(change, actor)],
        },
        (recorded) =>
          Effect.gen(function* () {
            yield* projections.project(recorded);
            // Read inside the transaction: this change's row, no later one.
            const row = yield* loadPerson(agencyId, personId);
            if (Option.isNone(row)) {
              return yield* new ProjectionOutOfStep({
                projection: PEOPLE_PROJECTION,
                agencyId,
                streamId: personStreamId(personId),
                detail: "no row after the change: is the people projection registered?",
              });
            }
            yield* Ref.set(after, row);
          }),
      );
      return yield* Effect.flatMap(
        Ref.get(after),
        Option.match({
          onNone: () => Effect.dieMessage("a directory change committed without its row"),
          onSome: Effect.succeed,
        }),
      );
    });

  const existing = (agencyId: string, personId: string) =>
    Effect.flatMap(
      withSql(loadPerson(agencyId, personId)),
      Option.match({
        onNone: () => Effect.fail(new PersonNotFound({ agencyId, personId })),
        onSome: Effect.succeed,
      }),
    );

  const register: DirectoryService["register"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, personId, actor, name, department, position } = yield* decodeRegister(request);
      return yield* record(
        agencyId,
        personId,
        0,
        { _tag: "PersonRegistered", personId, name, department, position },
        actor,
      ).pipe(
        // Only a stream never written is at version 0: the id was registered before.
        Effect.catchTag("StreamConflict", () => new PersonAlreadyRegistered({ agencyId, personId })),
      );
    });

  const update: DirectoryService["update"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, personId, actor, ...fields } = yield* decodeUpdate(request);
      const person = yield* existing(agencyId, personId);
      const changed: Omit<PersonUpdated, "_tag" | "personId"> = {
        ...(fields.name !== undefined && fields.name !== person.name ? { name: fields.name } : {}),
        ...(fields.department !== undefined && fields.department !== person.department
          ? { department: fields.department }
          : {}),
        ...(fields.position !== undefined && fields.position !== person.position
          ? { position: fields.position }
          : {}),
      };
      if (Object.keys(changed).length === 0) {
        return yield* new NothingToChange({
          detail: `${person.name} (${personId}) already has that name, department and position`,
        });
      }
      return yield* record(
        agencyId,
        personId,
        person.version,
        { _tag: "PersonUpdated", personId, ...changed },
        actor,
      );
    });

  const depart: DirectoryService["depart"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, personId, actor, date } = yield* decodeDepart(request);
      const person = yield* existing(agencyId, personId);
      if (person.status === "departed") {
        return yield* new NothingToChange({
          detail: `${person.name} (${personId}) departed already, on ${person.departedOn}`,
        });
      }
      return yield* record(
        agencyId,
        personId,
        person.version,
        { _tag: "PersonDeparted", personId, date },
        actor,
      );
    });

  const returnPerson: DirectoryService["return"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, personId, actor } = yield* decodeReturn(request);
      const person = yield* existing(agencyId, personId);
      if (person.status === "active") {
        return yield* new NothingToChange({ detail: `${person.name} (${personId}) is active staff already` });
      }
      return yield* record(agencyId, personId, person.version, { _tag: "PersonReturned", personId }, actor);
    });

  const rolesOf: DirectoryService["rolesOf"] = (agencyId, personId) =>
    Effect.gen(function* () {
      const rows = yield* sql`SELECT a.roles FROM people p
        LEFT JOIN accounts a ON a.agency_id = p.agency_id AND a.person_id = p.person_id AND a.status = 'active'
        WHERE p.agency_id = ${agencyId} AND p.person_id = ${personId}`;
      if (rows.length === 0) return yield* new PersonNotFound({ agencyId, personId });
      const decoded = yield* decodeRoleRows(rows).pipe(
        Effect.mapError(
          (error) =>
            new ProjectionOutOfStep({
              projection: ACCOUNTS_PROJECTION,
              agencyId,
              streamId: `(accounts of person ${personId})`,
              detail: `an account's roles fail their Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
            }),
        ),
      );
      return normaliseRoles(decoded.flatMap((row) => row.roles ?? []));
    });

  return {
    register,
    update,
    depart,
    return: returnPerson,
    find: (agencyId, personId) => withSql(loadPerson(agencyId, personId)),
    list: (agencyId, filter) => withSql(listPeople(agencyId, filter)),
    rolesOf,
  };
};

export class Directory extends Context.Tag("@liuhen/store/Directory")<Directory, DirectoryService>() {
  static readonly layer: Layer.Layer<Directory, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      Directory,
      Effect.gen(function* () {
        return makeDirectory(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}
