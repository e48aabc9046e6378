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
import type { EventType } from "../event-log/event.js";
import { eventFamily } from "../event-log/event-family.js";

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

/**
 * Each step's type name: the prefix and the step's tag. The transition tables name every event kind (a new
 * kind fails to compile there until it is placed), so their keys are the complete list of steps.
 */
const namesUnder = <const P extends string, T extends string>(
  prefix: P,
  table: { readonly [K in T]: unknown },
): { readonly [K in T]: `${P}${K}` } =>
  Object.fromEntries(Object.keys(table).map((tag) => [tag, `${prefix}${tag}`])) as {
    readonly [K in T]: `${P}${K}`;
  };

const wrongCaseEvents = eventFamily({
  what: "wrong-case step",
  payload: WrongCaseEvent,
  prefix: WRONG_CASE_EVENT_PREFIX,
  names: namesUnder(WRONG_CASE_EVENT_PREFIX, wrongCaseTransitions),
  citations: (event) => wrongCaseTransitions[event._tag].citations,
});

const interferenceEvents = eventFamily({
  what: "interference-record step",
  payload: InterferenceEvent,
  prefix: INTERFERENCE_EVENT_PREFIX,
  names: namesUnder(INTERFERENCE_EVENT_PREFIX, interferenceTransitions),
  citations: (event) => interferenceTransitions[event._tag].citations,
});

/** One event type per wrong-case step; the payload Schema is the whole union, the type name fixes the tag. */
export const wrongCaseEventTypes: { readonly [K in WrongCaseEventTag]: WrongCaseEventType } =
  wrongCaseEvents.types;

/** One event type per interference-record step. */
export const interferenceEventTypes: { readonly [K in InterferenceEventTag]: InterferenceEventType } =
  interferenceEvents.types;

/** A wrong-case step to append, citing the articles the transition table gives for it. */
export const wrongCaseStep = wrongCaseEvents.change;

/** An interference-record step to append, citing the articles the transition table gives for it. */
export const interferenceStep = interferenceEvents.change;

export const wrongCaseStreamId = (proceedingId: string): string => `wrong-case/${proceedingId}`;
export const interferenceStreamId = (recordId: string): string => `interference-record/${recordId}`;

export const isWrongCaseEvent = wrongCaseEvents.is;
export const isInterferenceEvent = interferenceEvents.is;

/** The domain step a stored `WrongCase.*` event records; its payload must agree with its type name. */
export const decodeWrongCaseEvent = wrongCaseEvents.decode;

/** The domain step a stored `InterferenceRecord.*` event records. */
export const decodeInterferenceEvent = interferenceEvents.decode;
