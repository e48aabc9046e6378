/**
 * Monthly attestations and the agency setting that asks for them. An attestation is appended to the
 * handler's stream for the month at the version last read, so one made again supersedes the earlier (which
 * the log keeps); the setting is appended to the agency's `agency-settings` stream.
 *
 * What an attestation must list (the handler's records of the month) is checked by the caller, which knows
 * the records; here it is decoded and logged.
 *
 * ```ts
 * const attestations = yield* Attestations;
 * yield* attestations.attest({ agencyId, handler: "staff-0042", month: "2025-09", kind: "none", recordIds: [],
 *   attestedOn: "2025-10-02", actor: "account:…" });
 * (yield* attestations.settings(agencyId)).monthlyAttestation; // true unless switched off
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { StepDate } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { NothingToChange } from "../accounts/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import {
  AGENCY_SETTINGS_STREAM,
  type AttestationEvent,
  AttestationKind,
  AttestationMonth,
  attestationChange,
  attestationStreamId,
} from "./attestation-events.js";
import {
  type AgencySettings,
  ATTESTATIONS_PROJECTION,
  type Attestation,
  listAttestations,
  listAttestationsOf,
  loadAgencySettings,
  loadAttestation,
} from "./attestation-projection.js";

export const Attest = Schema.Struct({
  agencyId: AgencyId,
  handler: PersonId,
  month: AttestationMonth,
  kind: AttestationKind,
  /** In any order: they are sorted, each once, before they are logged. */
  recordIds: Schema.Array(Schema.String),
  attestedOn: StepDate,
  actor: Actor,
});
export type Attest = typeof Attest.Encoded;

export const SetMonthlyAttestation = Schema.Struct({
  agencyId: AgencyId,
  enabled: Schema.Boolean,
  actor: Actor,
});
export type SetMonthlyAttestation = typeof SetMonthlyAttestation.Encoded;

const decodeAttest = decodeRequest(Attest);
const decodeSetting = decodeRequest(SetMonthlyAttestation);

export type AttestationFailure = AppendFailure | ProjectionError;

export interface AttestationsService {
  readonly attest: (request: Attest) => Effect.Effect<Attestation, AttestationFailure>;
  readonly find: (
    agencyId: string,
    handler: string,
    month: string,
  ) => Effect.Effect<Option.Option<Attestation>, ProjectionOutOfStep | SqlError>;
  /** Every attestation made for the month, by handler. */
  readonly forMonth: (
    agencyId: string,
    month: string,
  ) => Effect.Effect<ReadonlyArray<Attestation>, ProjectionOutOfStep | SqlError>;
  /** Every attestation a handler made, by month. */
  readonly ofHandler: (
    agencyId: string,
    handler: string,
  ) => Effect.Effect<ReadonlyArray<Attestation>, ProjectionOutOfStep | SqlError>;
  readonly settings: (agencyId: string) => Effect.Effect<AgencySettings, ProjectionOutOfStep | SqlError>;
  /** Switches monthly attestation on or off; NothingToChange if it is so already. */
  readonly setMonthlyAttestation: (
    request: SetMonthlyAttestation,
  ) => Effect.Effect<AgencySettings, NothingToChange | AttestationFailure>;
}

export const makeAttestations = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): AttestationsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const append = (
    agencyId: AgencyId,
    streamId: string,
    expectedVersion: number,
    change: AttestationEvent,
    actor: Actor,
  ) =>
    log.append(
      { agencyId, streamId, expectedVersion, events: [attestationChange(change, actor)] },
      projections.project,
    );

  const attest: AttestationsService["attest"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, handler, month, kind, recordIds, attestedOn, actor } = yield* decodeAttest(request);
      const current = yield* withSql(loadAttestation(agencyId, handler, month));
      const version = Option.match(current, { onNone: () => 0, onSome: (row) => row.version });
      yield* append(
        agencyId,
        attestationStreamId(handler, month),
        version,
        {
          _tag: "AttestationMade",
          handler,
          month,
          kind,
          recordIds: [...new Set(recordIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
          attestedOn,
        },
        actor,
      );
      const after = yield* withSql(loadAttestation(agencyId, handler, month));
      if (Option.isNone(after)) {
        return yield* new ProjectionOutOfStep({
          projection: ATTESTATIONS_PROJECTION,
          agencyId,
          streamId: attestationStreamId(handler, month),
          detail: "no row after the attestation: is the attestations projection registered?",
        });
      }
      return after.value;
    });

  const setMonthlyAttestation: AttestationsService["setMonthlyAttestation"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, enabled, actor } = yield* decodeSetting(request);
      const current = yield* withSql(loadAgencySettings(agencyId));
      if (current.monthlyAttestation === enabled) {
        return yield* new NothingToChange({
          detail: `monthly attestation is ${enabled ? "on" : "off"} in ${agencyId} already`,
        });
      }
      yield* append(
        agencyId,
        AGENCY_SETTINGS_STREAM,
        current.version,
        { _tag: "AgencySettingsChanged", monthlyAttestation: enabled },
        actor,
      );
      return yield* withSql(loadAgencySettings(agencyId));
    });

  return {
    attest,
    find: (agencyId, handler, month) => withSql(loadAttestation(agencyId, handler, month)),
    forMonth: (agencyId, month) => withSql(listAttestations(agencyId, month)),
    ofHandler: (agencyId, handler) => withSql(listAttestationsOf(agencyId, handler)),
    settings: (agencyId) => withSql(loadAgencySettings(agencyId)),
    setMonthlyAttestation,
  };
};

export class Attestations extends Context.Tag("@liuhen/store/Attestations")<
  Attestations,
  AttestationsService
>() {
  static readonly layer: Layer.Layer<Attestations, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      Attestations,
      Effect.gen(function* () {
        return makeAttestations(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}
