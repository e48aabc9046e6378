/**
 * The staff directory (人员名录) as events in the agency's log: a person registered, their name, department or
 * position changed, their departure and their return. They are hashed into the agency's tree like every case
 * step, so who was in which department when can be verified offline. Who made each change is the
 * envelope's `actor`.
 *
 * Stream: `person/<personId>`.
 */
import { IsoDate } from "@liuhen/domain";
import { Schema } from "effect";
import { DisplayName, PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";
import { Department, Position } from "./person-fields.js";

export const PersonRegistered = Schema.TaggedStruct("PersonRegistered", {
  personId: PersonId,
  name: DisplayName,
  department: Department,
  position: Schema.NullOr(Position),
});
export type PersonRegistered = typeof PersonRegistered.Type;

/** The fields that changed, and only those. */
export const PersonUpdated = Schema.TaggedStruct("PersonUpdated", {
  personId: PersonId,
  name: Schema.optionalWith(DisplayName, { exact: true }),
  department: Schema.optionalWith(Department, { exact: true }),
  position: Schema.optionalWith(Schema.NullOr(Position), { exact: true }),
});
export type PersonUpdated = typeof PersonUpdated.Type;

/** The person left the agency on `date`; they stay in the directory. */
export const PersonDeparted = Schema.TaggedStruct("PersonDeparted", { personId: PersonId, date: IsoDate });
export type PersonDeparted = typeof PersonDeparted.Type;

/** A former member of staff is back. */
export const PersonReturned = Schema.TaggedStruct("PersonReturned", { personId: PersonId });
export type PersonReturned = typeof PersonReturned.Type;

export const PersonEvent = Schema.Union(PersonRegistered, PersonUpdated, PersonDeparted, PersonReturned);
export type PersonEvent = typeof PersonEvent.Type;
export type PersonEventTag = PersonEvent["_tag"];

export const PERSON_EVENT_PREFIX = "Person.";

const personEvents = eventFamily({
  what: "directory change",
  payload: PersonEvent,
  prefix: PERSON_EVENT_PREFIX,
  names: {
    PersonRegistered: "Person.Registered",
    PersonUpdated: "Person.Updated",
    PersonDeparted: "Person.Departed",
    PersonReturned: "Person.Returned",
  },
  // Directory changes rest on no article, so they cite none.
  citations: [],
});

export const {
  types: personEventTypes,
  change: personChange,
  is: isPersonEvent,
  decode: decodePersonEvent,
} = personEvents;

export const personStreamId = (personId: PersonId): string => `person/${personId}`;
