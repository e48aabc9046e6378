/**
 * The staff directory (人员名录) as events in the agency's log: a person registered, their name, department or
 * position changed, their departure and their return. They are hashed into the agency's tree like every case
 * step, so who was in which department when can be verified offline. Who made each change is the
 * envelope's `actor`.
 *
 * Stream: `person/<personId>`.
 */
import { IsoDate } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import { DisplayName, PersonId } from "../accounts/account-identifiers.js";
import { InvalidEvent } from "../event-log/errors.js";
import { type Event, EventType, type NewEvent, newEvent } from "../event-log/event.js";
import { decodePayload } from "../event-log/event-validation.js";
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

const typeName = {
  PersonRegistered: "Person.Registered",
  PersonUpdated: "Person.Updated",
  PersonDeparted: "Person.Departed",
  PersonReturned: "Person.Returned",
} as const satisfies Record<PersonEventTag, `${typeof PERSON_EVENT_PREFIX}${string}`>;

/** One event type per change; the payload Schema is the whole union, the type name fixes the tag. */
export const personEventTypes: {
  readonly [K in PersonEventTag]: EventType<(typeof typeName)[K], PersonEvent, typeof PersonEvent.Encoded>;
} = {
  PersonRegistered: EventType(typeName.PersonRegistered, PersonEvent),
  PersonUpdated: EventType(typeName.PersonUpdated, PersonEvent),
  PersonDeparted: EventType(typeName.PersonDeparted, PersonEvent),
  PersonReturned: EventType(typeName.PersonReturned, PersonEvent),
};

export const personStreamId = (personId: PersonId): string => `person/${personId}`;

/** A directory change to append. Directory changes rest on no article, so they cite none. */
export const personChange = (event: PersonEvent, actor: string): NewEvent<PersonEvent> =>
  newEvent(personEventTypes[event._tag], { actor, citations: [], payload: event });

export const isPersonEvent = (event: Pick<Event, "type">): boolean =>
  event.type.startsWith(PERSON_EVENT_PREFIX);

/** The change a stored `Person.*` event records; its payload must agree with its type name. */
export const decodePersonEvent = (event: Event): Effect.Effect<PersonEvent, InvalidEvent> => {
  const tag = (Object.keys(typeName) as Array<PersonEventTag>).find((t) => typeName[t] === event.type);
  if (tag === undefined) {
    return Effect.fail(
      new InvalidEvent({ field: "type", message: `no directory change is called ${event.type}` }),
    );
  }
  return Effect.flatMap(decodePayload(personEventTypes[tag], event), (payload) =>
    payload._tag === tag
      ? Effect.succeed(payload)
      : Effect.fail(
          new InvalidEvent({
            field: "payload._tag",
            message: `a ${event.type} event carries a ${payload._tag}`,
          }),
        ),
  );
};
