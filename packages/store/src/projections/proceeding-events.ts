/**
 * The domain's proceeding steps as log events. Each step of a wrong-case proceeding (WC.10, WC.7, WC.12) or
 * of an interference record (IF.3, IF.4, IF.10, IF.11, IF.12a) is stored as one event whose payload is the
 * domain event as its Schema encodes it, whose type names the step (`WrongCase.ReportAccepted`,
 * `InterferenceRecord.RecordSpotChecked`) and whose citations are the articles the domain's transition
 * table says the step rests on. A proceeding's events form one stream: `wrong-case/<id>` or
 * `interference-record/<id>`.
 */
import {
  InterferenceEvent,
  type InterferenceEventTag,
  interferenceTransitions,
  WrongCaseEvent,
  type WrongCaseEventTag,
  wrongCaseTransitions,
} from "@liuhen/domain";
import { Effect } from "effect";
import { InvalidEvent } from "../event-log/errors.js";
import { type Event, EventType, type NewEvent, newEvent } from "../event-log/event.js";
import { decodePayload } from "../event-log/event-validation.js";

export const WRONG_CASE_EVENT_PREFIX = "WrongCase.";
export const INTERFERENCE_EVENT_PREFIX = "InterferenceRecord.";

export type WrongCaseEventType = EventType<
  `WrongCase.${WrongCaseEventTag}`,
  WrongCaseEvent,
  typeof WrongCaseEvent.Encoded
>;
export type InterferenceEventType = EventType<
  `InterferenceRecord.${InterferenceEventTag}`,
  InterferenceEvent,
  typeof InterferenceEvent.Encoded
>;

// The transition tables name every event kind (a new kind fails to compile there until it is placed), so
// their keys are the complete list of steps.
const tagsOf = <T extends string>(table: { readonly [K in T]: unknown }): ReadonlyArray<T> =>
  Object.keys(table) as Array<T>;

/** One event type per wrong-case step; the payload Schema is the whole union, the type name fixes the tag. */
export const wrongCaseEventTypes: { readonly [K in WrongCaseEventTag]: WrongCaseEventType } =
  Object.fromEntries(
    tagsOf<WrongCaseEventTag>(wrongCaseTransitions).map((tag) => [
      tag,
      EventType(`${WRONG_CASE_EVENT_PREFIX}${tag}` as const, WrongCaseEvent),
    ]),
  ) as { readonly [K in WrongCaseEventTag]: WrongCaseEventType };

/** One event type per interference-record step. */
export const interferenceEventTypes: { readonly [K in InterferenceEventTag]: InterferenceEventType } =
  Object.fromEntries(
    tagsOf<InterferenceEventTag>(interferenceTransitions).map((tag) => [
      tag,
      EventType(`${INTERFERENCE_EVENT_PREFIX}${tag}` as const, InterferenceEvent),
    ]),
  ) as { readonly [K in InterferenceEventTag]: InterferenceEventType };

/** A wrong-case step to append, citing the articles the transition table gives for it. */
export const wrongCaseStep = (event: WrongCaseEvent, actor: string): NewEvent<WrongCaseEvent> =>
  newEvent(wrongCaseEventTypes[event._tag], {
    actor,
    citations: wrongCaseTransitions[event._tag].citations,
    payload: event,
  });

/** An interference-record step to append, citing the articles the transition table gives for it. */
export const interferenceStep = (event: InterferenceEvent, actor: string): NewEvent<InterferenceEvent> =>
  newEvent(interferenceEventTypes[event._tag], {
    actor,
    citations: interferenceTransitions[event._tag].citations,
    payload: event,
  });

export const wrongCaseStreamId = (proceedingId: string): string => `wrong-case/${proceedingId}`;
export const interferenceStreamId = (recordId: string): string => `interference-record/${recordId}`;

export const isWrongCaseEvent = (event: Pick<Event, "type">): boolean =>
  event.type.startsWith(WRONG_CASE_EVENT_PREFIX);
export const isInterferenceEvent = (event: Pick<Event, "type">): boolean =>
  event.type.startsWith(INTERFERENCE_EVENT_PREFIX);

const knownType = <T extends string, Ty>(
  types: { readonly [K in T]: Ty },
  prefix: string,
  event: Event,
): Ty | undefined => {
  const tag = event.type.slice(prefix.length);
  return Object.hasOwn(types, tag) ? types[tag as T] : undefined;
};

/** The payload agrees with the type name: a `WrongCase.ReportAccepted` event carries a ReportAccepted. */
const checkTag =
  (event: Event, prefix: string) =>
  <A extends { readonly _tag: string }>(payload: A): Effect.Effect<A, InvalidEvent> =>
    `${prefix}${payload._tag}` === event.type
      ? Effect.succeed(payload)
      : Effect.fail(
          new InvalidEvent({
            field: "payload._tag",
            message: `a ${event.type} event carries a ${payload._tag} step`,
          }),
        );

/** The domain step a stored `WrongCase.*` event records. */
export const decodeWrongCaseEvent = (event: Event): Effect.Effect<WrongCaseEvent, InvalidEvent> => {
  const type = knownType(wrongCaseEventTypes, WRONG_CASE_EVENT_PREFIX, event);
  return type === undefined
    ? Effect.fail(new InvalidEvent({ field: "type", message: `no wrong-case step is called ${event.type}` }))
    : Effect.flatMap(decodePayload(type, event), checkTag(event, WRONG_CASE_EVENT_PREFIX));
};

/** The domain step a stored `InterferenceRecord.*` event records. */
export const decodeInterferenceEvent = (event: Event): Effect.Effect<InterferenceEvent, InvalidEvent> => {
  const type = knownType(interferenceEventTypes, INTERFERENCE_EVENT_PREFIX, event);
  return type === undefined
    ? Effect.fail(
        new InvalidEvent({ field: "type", message: `no interference-record step is called ${event.type}` }),
      )
    : Effect.flatMap(decodePayload(type, event), checkTag(event, INTERFERENCE_EVENT_PREFIX));
};
