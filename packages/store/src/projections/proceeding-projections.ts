/**
 * The two proceedings the domain defines, projected: one row per proceeding with its stage and its whole
 * state (canonical JSON of the domain's state Schema), and for wrong-case proceedings one `deadlines` row per
 * period running (WC.10.1 transfer, WC.10.3 re-investigation) with its start and due day.
 *
 * Each row is the domain's state machine applied to the stream's events in order: the row's state is loaded,
 * the step applied (`applyWrongCase`, `applyInterference`), the result written back. A step the machine
 * refuses (`IllegalTransition`, `DateOutOfOrder`, or the calendar's `CalendarOutOfRange`) fails the
 * projection and so the append. Every column comes from the events and the regime alone — `updated_at` is the
 * log's `occurred_at` of the last step — so a rebuild reproduces each row exactly.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import {
  applyInterference,
  applyWrongCase,
  type CalendarOutOfRange,
  type InterferenceEvent,
  type InterferenceRefusal,
  InterferenceState,
  initialInterference,
  initialWrongCase,
  type PeriodClock,
  ProceedingPeriod,
  qianjiangRegime,
  type Regime,
  type WrongCaseEvent,
  type WrongCaseRefusal,
  WrongCaseState,
} from "@liuhen/domain";
import { Effect, type Either, Option, ParseResult, Schema } from "effect";
import type { InvalidEvent } from "../event-log/errors.js";
import type { Event, RecordedEvent } from "../event-log/event.js";
import type { AgencyId } from "../event-log/identifiers.js";
import { canonicalJson, type JsonValue } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import {
  decodeInterferenceEvent,
  decodeWrongCaseEvent,
  isInterferenceEvent,
  isWrongCaseEvent,
} from "./proceeding-events.js";
import { type ProjectionDefinition, type ProjectionError, ProjectionOutOfStep } from "./projection.js";
import { projectionRows } from "./projection-rows.js";
import { regimePeriodClock } from "./regime-period-clock.js";

/** A proceeding as its projection row holds it. */
export interface ProceedingView<S> {
  readonly agencyId: string;
  readonly streamId: string;
  readonly stage: string;
  readonly state: S;
  /** The stream version of the last step applied: what the next step's `expectedVersion` must be. */
  readonly version: number;
  readonly lastLeafIndex: number;
  /** When the log recorded the last step. */
  readonly updatedAt: string;
}

/** A period running in a wrong-case proceeding, as the `deadlines` table holds it. */
export const Deadline = Schema.Struct({
  agencyId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("agency_id")),
  streamId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("stream_id")),
  period: ProceedingPeriod,
  /** The tag of the step that opened it. */
  openedBy: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("opened_by")),
  start: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("start_date")),
  due: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("due_date")),
});
export type Deadline = typeof Deadline.Type;

/** What differs between the proceedings: their table, events, machine and state Schema. */
export interface ProceedingKind<S, I, D, E> {
  readonly projection: string;
  readonly table: string;
  /** Tables derived from the row, written after it and cleared before it. */
  readonly dependents: ReadonlyArray<string>;
  readonly handles: (event: Event) => boolean;
  readonly decode: (event: Event) => Effect.Effect<D, InvalidEvent>;
  readonly initial: S;
  readonly step: (agencyId: AgencyId, state: S, event: D) => Either.Either<S, E>;
  readonly state: Schema.Schema<S, I>;
  readonly stage: (state: S) => string;
  readonly derive: (
    agencyId: string,
    streamId: string,
    state: S,
  ) => Effect.Effect<void, SqlError, SqlClient.SqlClient>;
}

const makeRowSchema = <S, I>(state: Schema.Schema<S, I>) =>
  Schema.Struct({
    agency_id: Schema.String,
    stream_id: Schema.String,
    stage: Schema.String,
    state: Schema.parseJson(state),
    version: DbInt,
    last_leaf_index: DbInt,
    updated_at: Schema.String,
  });

type RowSchema<S, I> = ReturnType<typeof makeRowSchema<S, I>>;

// Each call of `Schema.Struct` is a new AST, for which ParseResult compiles a new parser: one per state Schema.
const rowSchemas = new WeakMap<object, unknown>();
const rowSchema = <S, I>(state: Schema.Schema<S, I>): RowSchema<S, I> => {
  const known = rowSchemas.get(state);
  if (known !== undefined) return known as RowSchema<S, I>;
  const made = makeRowSchema(state);
  rowSchemas.set(state, made);
  return made;
};

/** The proceeding's row, if it has one; a row that fails its Schema is reported, not guessed at. */
export const loadProceeding =
  <S, I, D, E>(kind: ProceedingKind<S, I, D, E>) =>
  (
    agencyId: string,
    streamId: string,
  ): Effect.Effect<Option.Option<ProceedingView<S>>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> => {
    const decodeRow = Schema.decodeUnknown(rowSchema(kind.state));
    return Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      const rows = yield* sql`SELECT agency_id, stream_id, stage, state, version, last_leaf_index, updated_at
        FROM ${sql(kind.table)} WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`;
      if (rows.length === 0) return Option.none();
      const row = yield* decodeRow(rows[0]).pipe(
        Effect.mapError(
          (error) =>
            new ProjectionOutOfStep({
              projection: kind.projection,
              agencyId,
              streamId,
              detail: `its row fails its Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
            }),
        ),
      );
      return Option.some({
        agencyId: row.agency_id,
        streamId: row.stream_id,
        stage: row.stage,
        state: row.state,
        version: row.version,
        lastLeafIndex: row.last_leaf_index,
        updatedAt: row.updated_at,
      });
    });
  };

/** Every proceeding of a kind in an agency, oldest stream id first; rows that fail their Schema are reported. */
export const listProceedings =
  <S, I, D, E>(kind: ProceedingKind<S, I, D, E>) =>
  (
    agencyId: string,
  ): Effect.Effect<ReadonlyArray<ProceedingView<S>>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> => {
    const decodeRows = Schema.decodeUnknown(Schema.Array(rowSchema(kind.state)));
    return Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      const rows = yield* sql`SELECT agency_id, stream_id, stage, state, version, last_leaf_index, updated_at
        FROM ${sql(kind.table)} WHERE agency_id = ${agencyId} ORDER BY stream_id`;
      const decoded = yield* decodeRows(rows).pipe(
        Effect.mapError(
          (error) =>
            new ProjectionOutOfStep({
              projection: kind.projection,
              agencyId,
              streamId: "(all)",
              detail: `a row fails its Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
            }),
        ),
      );
      return decoded.map((row) => ({
        agencyId: row.agency_id,
        streamId: row.stream_id,
        stage: row.stage,
        state: row.state,
        version: row.version,
        lastLeafIndex: row.last_leaf_index,
        updatedAt: row.updated_at,
      }));
    });
  };

/**
 * The stream ids of a kind in an agency that start with `prefix`, in id order: what numbering needs (the
 * year's numbers) without reading every proceeding's state. A range on the primary key, so an index seek.
 */
export const streamIdsWithPrefix =
  <S, I, D, E>(kind: ProceedingKind<S, I, D, E>) =>
  (agencyId: string, prefix: string): Effect.Effect<ReadonlyArray<string>, SqlError, SqlClient.SqlClient> =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      if (prefix === "") return yield* Effect.dieMessage("streamIdsWithPrefix needs a prefix");
      // Every id with the prefix sorts at or after it and before the prefix with its last character raised.
      const last = prefix.charCodeAt(prefix.length - 1);
      const past = `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`;
      const rows = yield* sql<{ readonly stream_id: string }>`SELECT stream_id FROM ${sql(kind.table)}
        WHERE agency_id = ${agencyId} AND stream_id >= ${prefix} AND stream_id < ${past} ORDER BY stream_id`;
      return rows.map((row) => String(row.stream_id));
    });

/** The projection of one kind of proceeding: its row (and dependents) after each of its events. */
export const proceedingProjection = <S, I, D, E extends ProjectionError>(
  kind: ProceedingKind<S, I, D, E>,
): ProjectionDefinition => {
  const load = loadProceeding(kind);
  const { checkVersion } = projectionRows(kind.projection);
  const encodeState = Schema.encodeSync(kind.state);
  return {
    name: kind.projection,
    tables: [...kind.dependents, kind.table],
    apply: (event: RecordedEvent) =>
      kind.handles(event)
        ? Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient;
            const step = yield* kind.decode(event);
            const current = yield* load(event.agencyId, event.streamId);
            yield* checkVersion(event, current);
            const state = Option.match(current, { onNone: () => kind.initial, onSome: (row) => row.state });
            const next = yield* kind.step(event.agencyId, state, step);
            const row = {
              agency_id: event.agencyId,
              stream_id: event.streamId,
              stage: kind.stage(next),
              state: canonicalJson(encodeState(next) as JsonValue),
              version: event.streamVersion,
              last_leaf_index: event.leafIndex,
              updated_at: event.occurredAt,
            };
            yield* sql`INSERT INTO ${sql(kind.table)} ${sql.insert(row)}
              ON CONFLICT (agency_id, stream_id) DO UPDATE SET stage = excluded.stage, state = excluded.state,
                version = excluded.version, last_leaf_index = excluded.last_leaf_index,
                updated_at = excluded.updated_at`;
            yield* kind.derive(event.agencyId, event.streamId, next);
          })
        : Effect.void,
  };
};

export interface ProceedingProjectionOptions {
  /**
   * The regime each agency's periods are counted under (its period readings and holiday calendar); the
   * default is the Qianjiang regime for every agency. A rebuild counts with the regime given now.
   */
  readonly regimeOf?: ((agencyId: AgencyId) => Regime) | undefined;
}

/** WC.10: wrong-case proceedings, with the periods they run written to `deadlines`. */
export const wrongCaseProceedings = (
  options: ProceedingProjectionOptions = {},
): ProceedingKind<
  WrongCaseState,
  typeof WrongCaseState.Encoded,
  WrongCaseEvent,
  WrongCaseRefusal | CalendarOutOfRange
> => {
  const regimeOf = options.regimeOf ?? (() => qianjiangRegime);
  const clocks = new Map<Regime, PeriodClock<CalendarOutOfRange>>();
  const clockOf = (agencyId: AgencyId) => {
    const regime = regimeOf(agencyId);
    const known = clocks.get(regime);
    if (known !== undefined) return known;
    const clock = regimePeriodClock(regime);
    clocks.set(regime, clock);
    return clock;
  };
  return {
    projection: "wrong-case-proceedings",
    table: "wrong_case_proceedings",
    dependents: ["deadlines"],
    handles: isWrongCaseEvent,
    decode: decodeWrongCaseEvent,
    initial: initialWrongCase,
    step: (agencyId, state, event) => applyWrongCase(state, event, clockOf(agencyId)),
    state: WrongCaseState,
    stage: (state) => state.stage,
    derive: (agencyId, streamId, state) =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`DELETE FROM deadlines WHERE agency_id = ${agencyId} AND stream_id = ${streamId}`;
        if (state.openPeriods.length > 0) {
          yield* sql`INSERT INTO deadlines ${sql.insert(
            state.openPeriods.map((p) => ({
              agency_id: agencyId,
              stream_id: streamId,
              period: p.period,
              opened_by: p.openedBy,
              start_date: p.start,
              due_date: p.due,
            })),
          )}`;
        }
      }),
  };
};

/** IF.3–IF.12a: interference records. They run no period, so they have no dependents. */
export const interferenceRecords: ProceedingKind<
  InterferenceState,
  typeof InterferenceState.Encoded,
  InterferenceEvent,
  InterferenceRefusal
> = {
  projection: "interference-records",
  table: "interference_records",
  dependents: [],
  handles: isInterferenceEvent,
  decode: decodeInterferenceEvent,
  initial: initialInterference,
  step: (_agencyId, state, event) => applyInterference(state, event),
  state: InterferenceState,
  stage: (state) => state.stage,
  derive: () => Effect.void,
};

/** Both proceeding projections, ready for `Projections.layer`. */
export const proceedingProjections = (
  options: ProceedingProjectionOptions = {},
): ReadonlyArray<ProjectionDefinition> => [
  proceedingProjection(wrongCaseProceedings(options)),
  proceedingProjection(interferenceRecords),
];

/**
 * An agency's running periods (every agency's, for `undefined`), earliest due first; `dueOnOrBefore`
 * (YYYY-MM-DD) keeps those due by then.
 */
export const listDeadlines = (
  agencyId: AgencyId | undefined,
  options: { readonly dueOnOrBefore?: string | undefined } = {},
): Effect.Effect<ReadonlyArray<Deadline>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows =
      yield* sql`SELECT agency_id, stream_id, period, opened_by, start_date, due_date FROM deadlines
      WHERE ${agencyId === undefined ? sql`1 = 1` : sql`agency_id = ${agencyId}`}
      ${options.dueOnOrBefore === undefined ? sql`` : sql`AND due_date <= ${options.dueOnOrBefore}`}
      ORDER BY due_date, agency_id, stream_id, period`;
    return yield* Schema.decodeUnknown(Schema.Array(Deadline))(rows).pipe(
      Effect.mapError(
        (error) =>
          new ProjectionOutOfStep({
            projection: "wrong-case-proceedings",
            agencyId: agencyId ?? "(all)",
            streamId: "(deadlines)",
            detail: `a deadline row fails its Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
          }),
      ),
    );
  });
