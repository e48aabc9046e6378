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
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";

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

// Attestations and agency settings share a family but no prefix: `is` claims exactly these two names.
const attestationEvents = eventFamily({
  what: "attestation change",
  payload: AttestationEvent,
  names: {
    AttestationMade: "Attestation.Made",
    AgencySettingsChanged: "AgencySettings.Changed",
  },
  // An attestation rests on IF.3 (全面、如实记录); a setting rests on no article.
  citations: (event) => (event._tag === "AttestationMade" ? [citation("IF.3")] : []),
});

export const {
  types: attestationEventTypes,
  change: attestationChange,
  is: isAttestationEvent,
  decode: decodeAttestationEvent,
} = attestationEvents;

export const attestationStreamId = (handler: string, month: string): string =>
  `attestation/${handler}/${month}`;
export const AGENCY_SETTINGS_STREAM = "agency-settings";
