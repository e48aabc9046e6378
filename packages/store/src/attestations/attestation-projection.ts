/**
 * The `attestations` projection: one `attestations` row per handler and month (the latest attestation, with
 * its stream version) and one `agency_settings` row per agency that changed a setting, derived from the
 * `Attestation.Made` and `AgencySettings.Changed` events alone, so a rebuild from the log reproduces them
 * row for row. An agency without a settings row asks for attestations: that is the default.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { StepDate } from "@liuhen/domain";
import { Effect, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { InvalidEvent } from "../event-log/errors.js";
import type { RecordedEvent } from "../event-log/event.js";
import { canonicalJson } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  AGENCY_SETTINGS_STREAM,
  type AgencySettingsChanged,
  type AttestationEvent,
  AttestationKind,
  type AttestationMade,
  AttestationMonth,
  attestationStreamId,
  decodeAttestationEvent,
  isAttestationEvent,
} from "./attestation-events.js";

export const ATTESTATIONS_PROJECTION = "attestations";

/** A handler's attestation for a month, as its row holds it (the latest made). */
export class Attestation extends Schema.Class<Attestation>("Attestation")({
  handler: PersonId,
  month: AttestationMonth,
  kind: AttestationKind,
  recordIds: Schema.propertySignature(Schema.parseJson(Schema.Array(Schema.String))).pipe(
    Schema.fromKey("record_ids"),
  ),
  attestedOn: Schema.propertySignature(StepDate).pipe(Schema.fromKey("attested_on")),
  /** When the log recorded it. */
  attestedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("attested_at")),
  /** How many times it was made for this month: 1, or more after corrections. */
  version: DbInt,
}) {}

/** The agency's settings; `version` 0 while none was ever changed (the defaults). */
export interface AgencySettings {
  readonly monthlyAttestation: boolean;
  readonly version: number;
  readonly updatedAt: string | null;
}

export const DEFAULT_AGENCY_SETTINGS: AgencySettings = {
  monthlyAttestation: true,
  version: 0,
  updatedAt: null,
};

const COLUMNS = "handler, month, kind, record_ids, attested_on, attested_at, version";

const { decodeRows, checkStream, checkVersion } = projectionRows(ATTESTATIONS_PROJECTION);
const decodeAttestations = decodeRows(Attestation, "an attestation row");

export const loadAttestation = (
  agencyId: string,
  handler: string,
  month: string,
): Effect.Effect<Option.Option<Attestation>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM attestations
      WHERE agency_id = ${agencyId} AND handler = ${handler} AND month = ${month}`;
    const [attestation] = yield* decodeAttestations(agencyId, attestationStreamId(handler, month))(rows);
    return Option.fromNullable(attestation);
  });

/** Every attestation of the agency for a month, by handler. */
export const listAttestations = (
  agencyId: string,
  month: string,
): Effect.Effect<ReadonlyArray<Attestation>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM attestations
      WHERE agency_id = ${agencyId} AND month = ${month}`;
    const attestations = yield* decodeAttestations(agencyId, `(attestations of ${month})`)(rows);
    return [...attestations].sort((a, b) => (a.handler < b.handler ? -1 : a.handler > b.handler ? 1 : 0));
  });

/** Every attestation a handler made, by month (IF.9: what they confirmed of their own recording). */
export const listAttestationsOf = (
  agencyId: string,
  handler: string,
): Effect.Effect<ReadonlyArray<Attestation>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM attestations
      WHERE agency_id = ${agencyId} AND handler = ${handler}`;
    const attestations = yield* decodeAttestations(agencyId, `(attestations of ${handler})`)(rows);
    return [...attestations].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  });

const SettingsRow = Schema.Struct({
  monthly_attestation: Schema.Literal(0, 1),
  version: DbInt,
  updated_at: Schema.String,
});
const decodeSettings = decodeRows(SettingsRow, "a settings row");

export const loadAgencySettings = (
  agencyId: string,
): Effect.Effect<AgencySettings, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT monthly_attestation, version, updated_at FROM agency_settings
      WHERE agency_id = ${agencyId}`;
    const [row] = yield* decodeSettings(agencyId, AGENCY_SETTINGS_STREAM)(rows);
    return row === undefined
      ? DEFAULT_AGENCY_SETTINGS
      : {
          monthlyAttestation: row.monthly_attestation === 1,
          version: row.version,
          updatedAt: row.updated_at,
        };
  });

const applyAttestation = (event: RecordedEvent, made: AttestationMade) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      attestationStreamId(made.handler, made.month),
      `attests ${made.handler}'s ${made.month} in another stream`,
    );
    const current = yield* loadAttestation(event.agencyId, made.handler, made.month);
    yield* checkVersion(event, current);
    const row = {
      kind: made.kind,
      record_ids: canonicalJson([...made.recordIds]),
      attested_on: made.attestedOn,
      attested_at: event.occurredAt,
      version: event.streamVersion,
    };
    if (Option.isNone(current)) {
      yield* sql`INSERT INTO attestations ${sql.insert({
        agency_id: event.agencyId,
        handler: made.handler,
        month: made.month,
        ...row,
      })}`;
    } else {
      yield* sql`UPDATE attestations SET ${sql.update(row)}
        WHERE agency_id = ${event.agencyId} AND handler = ${made.handler} AND month = ${made.month}`;
    }
  });

const applySettings = (event: RecordedEvent, changed: AgencySettingsChanged) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(event, AGENCY_SETTINGS_STREAM, `changes settings elsewhere`);
    const current = yield* loadAgencySettings(event.agencyId);
    // With no row the defaults stand, at version 0.
    yield* checkVersion(event, Option.some(current));
    yield* sql`INSERT INTO agency_settings ${sql.insert({
      agency_id: event.agencyId,
      monthly_attestation: changed.monthlyAttestation ? 1 : 0,
      version: event.streamVersion,
      updated_at: event.occurredAt,
    })} ON CONFLICT (agency_id) DO UPDATE SET monthly_attestation = excluded.monthly_attestation,
      version = excluded.version, updated_at = excluded.updated_at`;
  });

const applyAttestationEvent = (
  event: RecordedEvent,
  change: AttestationEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  change._tag === "AttestationMade" ? applyAttestation(event, change) : applySettings(event, change);

/** The attestations projection, ready for `Projections.layer`. */
export const attestationsProjection: ProjectionDefinition = {
  name: ATTESTATIONS_PROJECTION,
  tables: ["attestations", "agency_settings"],
  apply: (event): Effect.Effect<void, ProjectionOutOfStep | InvalidEvent | SqlError, SqlClient.SqlClient> =>
    isAttestationEvent(event)
      ? Effect.flatMap(decodeAttestationEvent(event), (change) => applyAttestationEvent(event, change))
      : Effect.void,
};
