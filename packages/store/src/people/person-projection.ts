/**
 * The `people` projection: one row per person in the staff directory, derived from their `Person.*` events
 * alone (every column, the times included, comes from the events), so a rebuild from the log reproduces it
 * row for row.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { IsoDate } from "@liuhen/domain";
import { Effect, Match, Option, Schema } from "effect";
import { DisplayName, PersonId } from "../accounts/account-identifiers.js";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId } from "../event-log/identifiers.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import { decodePersonEvent, isPersonEvent, type PersonEvent, personStreamId } from "./person-events.js";
import { Department, PersonStatus, Position } from "./person-fields.js";

export const PEOPLE_PROJECTION = "people";

/** A person as the directory's row holds them. */
export class Person extends Schema.Class<Person>("Person")({
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  personId: Schema.propertySignature(PersonId).pipe(Schema.fromKey("person_id")),
  name: DisplayName,
  department: Department,
  position: Schema.NullOr(Position),
  status: PersonStatus,
  /** The day of the last departure, while departed. */
  departedOn: Schema.propertySignature(Schema.NullOr(IsoDate)).pipe(Schema.fromKey("departed_on")),
  /** The stream version of the last change: what the next change's `expectedVersion` must be. */
  version: DbInt,
  /** When the log recorded the last change. */
  updatedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("updated_at")),
}) {}

const COLUMNS = "agency_id, person_id, name, department, position, status, departed_on, version, updated_at";

const { outOfStep, decodeRows, checkStream, checkVersion } = projectionRows(PEOPLE_PROJECTION);
const decodePeople = decodeRows(Person, "a person row");

/** One person of an agency's directory. */
export const loadPerson = (
  agencyId: string,
  personId: string,
): Effect.Effect<Option.Option<Person>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM people
      WHERE agency_id = ${agencyId} AND person_id = ${personId}`;
    const [person] = yield* decodePeople(agencyId, `person/${personId}`)(rows);
    return Option.fromNullable(person);
  });

export interface PeopleFilter {
  readonly status?: PersonStatus | undefined;
  readonly department?: string | undefined;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Sorted here, not by ORDER BY: a database's collation would order the same names differently elsewhere.
const byDepartmentNameId = (a: Person, b: Person): number =>
  compareText(a.department, b.department) ||
  compareText(a.name, b.name) ||
  compareText(a.personId, b.personId);

/** An agency's directory by department, name and id; `filter` keeps one status or one department. */
export const listPeople = (
  agencyId: string,
  filter: PeopleFilter = {},
): Effect.Effect<ReadonlyArray<Person>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM people WHERE agency_id = ${agencyId}
      ${filter.status === undefined ? sql`` : sql`AND status = ${filter.status}`}
      ${filter.department === undefined ? sql`` : sql`AND department = ${filter.department}`}`;
    const people = yield* decodePeople(agencyId, "(directory)")(rows);
    return [...people].sort(byDepartmentNameId);
  });

/** The columns a change sets, besides `version` and `updated_at`. */
const changedColumns = (change: Exclude<PersonEvent, { readonly _tag: "PersonRegistered" }>) =>
  Match.value(change).pipe(
    Match.tagsExhaustive({
      PersonUpdated: ({ name, department, position }) => ({
        ...(name === undefined ? {} : { name }),
        ...(department === undefined ? {} : { department }),
        ...(position === undefined ? {} : { position }),
      }),
      PersonDeparted: ({ date }) => ({ status: "departed", departed_on: date }),
      PersonReturned: () => ({ status: "active", departed_on: null }),
    }),
  );

/** Brings a person's row up to date with one of their events. */
const applyPersonEvent = (
  event: RecordedEvent,
  change: PersonEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      personStreamId(change.personId),
      `changes person ${change.personId} from another person's stream`,
    );
    const current = yield* loadPerson(event.agencyId, change.personId);
    yield* checkVersion(event, current);
    if (change._tag === "PersonRegistered") {
      if (Option.isSome(current)) {
        return yield* outOfStep(
          event.agencyId,
          event.streamId,
          `person ${change.personId} is registered already`,
        );
      }
      yield* sql`INSERT INTO people ${sql.insert({
        agency_id: event.agencyId,
        person_id: change.personId,
        name: change.name,
        department: change.department,
        position: change.position,
        status: "active",
        departed_on: null,
        version: event.streamVersion,
        updated_at: event.occurredAt,
      })}`;
      return;
    }
    if (Option.isNone(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} changes person ${change.personId}, who was never registered`,
      );
    }
    yield* sql`UPDATE people SET ${sql.update({
      ...changedColumns(change),
      version: event.streamVersion,
      updated_at: event.occurredAt,
    })} WHERE agency_id = ${event.agencyId} AND person_id = ${change.personId}`;
  });

/** The people projection, ready for `Projections.layer`. */
export const peopleProjection: ProjectionDefinition = {
  name: PEOPLE_PROJECTION,
  tables: ["people"],
  apply: (event) =>
    isPersonEvent(event)
      ? Effect.flatMap(decodePersonEvent(event), (change) => applyPersonEvent(event, change))
      : Effect.void,
};
