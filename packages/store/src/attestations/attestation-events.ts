/**
 * Monthly attestation, an agency's measure behind IF.3 (全面、如实记录) and IF.12b (不记录或者不如实记录): each
 * handler confirms each month either the interference records they made in it, by id, or that there was none
 * (零报告). An attestation made again for the same month supersedes the earlier one; the log keeps both.
 *
 * Whether the agency asks for attestations is its own setting, changed by an administrator as an event
 * (`AgencySettings.Changed`), so when it was on or off is part of the record.
 *
 * Streams: `attestation/<handler>/<YYYY-MM>`, `agency-settings`.
 */
import { citation, StepDate } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { InvalidEvent } from "../event-log/errors.js";
import { type Event, EventType, type NewEvent, newEvent } from "../event-log/event.js";
import { decodePayload } from "../event-log/event-validation.js";

/** A calendar month, `YYYY-MM`. */
export const AttestationMonth = Schema.String.pipe(
  Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/, { message: () => "a month is written YYYY-MM, e.g. 2025-09" }),
  Schema.annotations({ identifier: "AttestationMonth" }),
);
export type AttestationMonth = typeof AttestationMonth.Type;

/** The records confirmed (`records`), or none made that month (`none`, 零报告). */
export const AttestationKind = Schema.Literal("records", "none");
export type AttestationKind = typeof AttestationKind.Type;

/** The most records one attestation lists. */
export const MAX_ATTESTED_RECORDS = 1_000;

const RecordIds = Schema.Array(
  Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200, { message: () => "at most 200 characters" })),
).pipe(
  Schema.maxItems(MAX_ATTESTED_RECORDS, {
    message: () => `an attestation lists at most ${MAX_ATTESTED_RECORDS} records`,
  }),
  Schema.filter(
    (ids) =>
      ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id) ||
      "the record ids are listed each once, in code-unit order",
  ),
);

export const AttestationMade = Schema.TaggedStruct("AttestationMade", {
  handler: PersonId,
  month: AttestationMonth,
  kind: AttestationKind,
  recordIds: RecordIds,
  attestedOn: StepDate,
}).pipe(
  Schema.filter((a) =>
    (a.kind === "none") === (a.recordIds.length === 0)
      ? true
      : {
          path: ["recordIds"],
          message: "a nil return (none) lists no record; an attestation of records lists at least one",
        },
  ),
);
export type AttestationMade = typeof AttestationMade.Type;

/** The agency's settings after the change. */
export const AgencySettingsChanged = Schema.TaggedStruct("AgencySettingsChanged", {
  monthlyAttestation: Schema.Boolean,
});
export type AgencySettingsChanged = typeof AgencySettingsChanged.Type;

export const AttestationEvent = Schema.Union(AttestationMade, AgencySettingsChanged);
export type AttestationEvent = typeof AttestationEvent.Type;
export type AttestationEventTag = AttestationEvent["_tag"];

const typeName = {
  AttestationMade: "Attestation.Made",
  AgencySettingsChanged: "AgencySettings.Changed",
} as const satisfies Record<AttestationEventTag, string>;

/** One event type per change; the payload Schema is the whole union, the type name fixes the tag. */
export const attestationEventTypes: {
  readonly [K in AttestationEventTag]: EventType<
    (typeof typeName)[K],
    AttestationEvent,
    typeof AttestationEvent.Encoded
  >;
} = {
  AttestationMade: EventType(typeName.AttestationMade, AttestationEvent),
  AgencySettingsChanged: EventType(typeName.AgencySettingsChanged, AttestationEvent),
};

export const attestationStreamId = (handler: string, month: string): string =>
  `attestation/${handler}/${month}`;
export const AGENCY_SETTINGS_STREAM = "agency-settings";

/** An attestation rests on IF.3 (全面、如实记录); a setting rests on no article. */
export const attestationChange = (event: AttestationEvent, actor: string): NewEvent<AttestationEvent> =>
  newEvent(attestationEventTypes[event._tag], {
    actor,
    citations: event._tag === "AttestationMade" ? [citation("IF.3")] : [],
    payload: event,
  });

const TYPE_NAMES: ReadonlySet<string> = new Set(Object.values(typeName));

export const isAttestationEvent = (event: Pick<Event, "type">): boolean => TYPE_NAMES.has(event.type);

/** The change a stored attestation or settings event records; its payload must agree with its type name. */
export const decodeAttestationEvent = (event: Event): Effect.Effect<AttestationEvent, InvalidEvent> => {
  const tag = (Object.keys(typeName) as Array<AttestationEventTag>).find((t) => typeName[t] === event.type);
  if (tag === undefined) {
    return Effect.fail(
      new InvalidEvent({ field: "type", message: `no attestation change is called ${event.type}` }),
    );
  }
  return Effect.flatMap(decodePayload(attestationEventTypes[tag], event), (payload) =>
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
