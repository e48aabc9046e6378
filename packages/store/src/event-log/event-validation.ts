/**
 * Events cross a boundary twice. In: each payload is encoded with its event type's Schema, then the whole
 * append request is checked against `CheckedAppend`; the first problem is reported with the path of the
 * field it concerns (`events[1].payload.amount`), before anything touches the database. Out: a stored
 * payload is decoded with its event type's Schema.
 */
import { Effect, Either, ParseResult, Schema } from "effect";
import { InvalidEvent } from "./errors.js";
import {
  type AppendRequest,
  CheckedAppend,
  type Event,
  type EventType,
  MAX_EVENTS_PER_APPEND,
} from "./event.js";
import {
  AGENCY_ID,
  EVENT_TYPE,
  isActor,
  isCitationList,
  isCount,
  isPlainJson,
  matches,
  STREAM_ID,
} from "./plain-checks.js";

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return text === "" ? name : `${text}.${name}`;
    return `${text}[${JSON.stringify(name)}]`;
  }, "");

/**
 * A parse error as an InvalidEvent naming its field under `prefix`. Of the issues reported (a union, such as a
 * JSON value, reports one per member), the deepest names the field best.
 */
const invalidAt =
  (prefix: ReadonlyArray<PropertyKey>) =>
  (error: ParseResult.ParseError): InvalidEvent => {
    const issues = ParseResult.ArrayFormatter.formatErrorSync(error);
    const deepest = issues.reduce<(typeof issues)[number] | undefined>(
      (best, issue) => (best === undefined || issue.path.length > best.path.length ? issue : best),
      undefined,
    );
    const path = [...prefix, ...(deepest?.path ?? [])];
    return new InvalidEvent({
      field: path.length === 0 ? "(request)" : formatPath(path),
      message: deepest?.message ?? ParseResult.TreeFormatter.formatErrorSync(error),
    });
  };

const decodeAppend = Schema.decodeUnknown(CheckedAppend, { errors: "first", onExcessProperty: "error" });

// What `CheckedAppend` asks, as plain checks (plain-checks.ts), for the common case of a well-formed append:
// its Schema decode (the recursive JsonValue union above all) was most of an append's JavaScript.
// test/event-log/append-check.test.ts holds the two in agreement.
const isCheckedEvent = (event: { type: unknown; actor: unknown; citations: unknown; payload: unknown }) =>
  matches(EVENT_TYPE, event.type) &&
  isActor(event.actor) &&
  isCitationList(event.citations) &&
  isPlainJson(event.payload);

/** Whether `CheckedAppend` accepts the append as it is, checked without the Schema. */
export const isWellFormedAppend = (append: {
  readonly agencyId: unknown;
  readonly streamId: unknown;
  readonly expectedVersion: unknown;
  readonly events: ReadonlyArray<{ type: unknown; actor: unknown; citations: unknown; payload: unknown }>;
}): append is CheckedAppend =>
  matches(AGENCY_ID, append.agencyId) &&
  matches(STREAM_ID, append.streamId) &&
  isCount(append.expectedVersion) &&
  append.events.length >= 1 &&
  append.events.length <= MAX_EVENTS_PER_APPEND &&
  append.events.every(isCheckedEvent);

/**
 * The append checked in plain steps, for the common case of a well-formed one: payloads encoded with their
 * Schemas synchronously, then `isWellFormedAppend`. Undefined on anything else, for `checkAppendInSteps` to
 * report (the Effect encoder also runs payload Schemas that the synchronous one cannot). Effect.forEach and
 * a generator per append cost several times the checks themselves.
 */
const wellFormedAppend = (request: AppendRequest): CheckedAppend | undefined => {
  if (!Array.isArray(request.events)) return undefined;
  const events: Array<{ type: unknown; actor: unknown; citations: unknown; payload: unknown }> = [];
  for (const event of request.events) {
    const type = event?.type;
    if (type === undefined || typeof type.name !== "string") return undefined;
    const payloadSchema: Schema.Schema<unknown, unknown> = type.payload;
    const payload = Schema.encodeUnknownEither(payloadSchema)(event.payload);
    if (Either.isLeft(payload)) return undefined;
    events.push({ type: type.name, actor: event.actor, citations: event.citations, payload: payload.right });
  }
  const append = {
    agencyId: request.agencyId,
    streamId: request.streamId,
    expectedVersion: request.expectedVersion,
    events,
  };
  return isWellFormedAppend(append) ? append : undefined;
};

export const checkAppend = (request: AppendRequest): Effect.Effect<CheckedAppend, InvalidEvent> => {
  const checked = wellFormedAppend(request);
  return checked === undefined ? checkAppendInSteps(request) : Effect.succeed(checked);
};

/** Each payload encoded, then the whole request decoded, as Effects: the first problem names its field. */
const checkAppendInSteps = (request: AppendRequest): Effect.Effect<CheckedAppend, InvalidEvent> =>
  Effect.gen(function* () {
    if (!Array.isArray(request.events)) {
      return yield* new InvalidEvent({ field: "events", message: "expected a list of events" });
    }
    const events = yield* Effect.forEach(request.events, (event, i): Effect.Effect<unknown, InvalidEvent> => {
      const type = event?.type;
      if (type === undefined || typeof type.name !== "string") {
        return Effect.fail(
          new InvalidEvent({ field: `events[${i}].type`, message: "expected an EventType" }),
        );
      }
      const payloadSchema: Schema.Schema<unknown, unknown> = type.payload;
      return Schema.encodeUnknown(payloadSchema)(event.payload).pipe(
        Effect.mapError(invalidAt(["events", i, "payload"])),
        Effect.map((payload) => ({
          type: type.name,
          actor: event.actor,
          citations: event.citations,
          payload,
        })),
      );
    });
    const append = {
      agencyId: request.agencyId,
      streamId: request.streamId,
      expectedVersion: request.expectedVersion,
      events: events as ReadonlyArray<{
        type: unknown;
        actor: unknown;
        citations: unknown;
        payload: unknown;
      }>,
    };
    if (isWellFormedAppend(append)) return append;
    return yield* decodeAppend(append).pipe(Effect.mapError(invalidAt([])));
  });

/** The payload of a stored event as its type's Schema decodes it; fails if the event is of another type. */
export const decodePayload = <Name extends string, A, I>(
  type: EventType<Name, A, I>,
  event: Event,
): Effect.Effect<A, InvalidEvent> =>
  event.type === type.name
    ? Schema.decodeUnknown(type.payload)(event.payload).pipe(Effect.mapError(invalidAt(["payload"])))
    : Effect.fail(
        new InvalidEvent({ field: "type", message: `expected a ${type.name} event, not ${event.type}` }),
      );

/**
 * A service's request decoded with its Schema, before anything is appended: the first problem is an
 * InvalidEvent naming the request's field (`department`, `details.due`). Make the decoder once, at module
 * level: each call of `decodeRequest` compiles a parser.
 */
export const decodeRequest = <A, I>(
  schema: Schema.Schema<A, I>,
): ((request: unknown) => Effect.Effect<A, InvalidEvent>) => {
  const decode = Schema.decodeUnknown(schema, { errors: "first" });
  return (request) => decode(request).pipe(Effect.mapError(invalidAt([])));
};
