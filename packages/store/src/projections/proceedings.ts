/**
 * Recording a proceeding's steps: one domain event appended to the proceeding's stream with optimistic
 * concurrency, and every projection updated in the same transaction. The step is checked by the domain's
 * state machine against the proceeding's current state (loaded from its projection row); a refusal
 * (`IllegalTransition`, `DateOutOfOrder`, `CalendarOutOfRange`) fails the append and nothing is written.
 *
 * ```ts
 * const proceedings = yield* Proceedings;
 * const { proceeding } = yield* proceedings.recordWrongCase({
 *   agencyId, proceedingId: "2025-017", expectedVersion: 1, actor: "user:legal-1",
 *   event: ReportAccepted.make({ date: "2025-09-30", by: "legal-1" }),
 * });
 * proceeding.state.openPeriods; // WC.10.1, due 2025-10-10
 * ```
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import type { InterferenceEvent, InterferenceState, WrongCaseEvent, WrongCaseState } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Ref } from "effect";
import type { NewEvent, RecordedEvent } from "../event-log/event.js";
import { EventLog } from "../event-log/event-log.js";
import type { AgencyId } from "../event-log/identifiers.js";
import type { TreeHead } from "../event-log/tree-evidence.js";
import {
  interferenceStep,
  interferenceStreamId,
  wrongCaseStep,
  wrongCaseStreamId,
} from "./proceeding-events.js";
import {
  type Deadline,
  interferenceRecords,
  listDeadlines,
  listProceedings,
  loadProceeding,
  type ProceedingKind,
  type ProceedingProjectionOptions,
  type ProceedingView,
  proceedingProjections,
  streamIdsWithPrefix,
  wrongCaseProceedings,
} from "./proceeding-projections.js";
import {
  type AppendFailure,
  type ProjectionDefinition,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "./projection.js";

/** One step of a proceeding, decided on the proceeding as it stood at `expectedVersion`. */
export interface ProceedingStep<E> {
  readonly agencyId: string;
  /** The proceeding's id; its stream is `wrong-case/<id>` or `interference-record/<id>`. */
  readonly proceedingId: string;
  /** 0 for a new proceeding, else the `version` of the proceeding the step was decided on. */
  readonly expectedVersion: number;
  /** Who records the step (the signed-in user), kept in the event's envelope. */
  readonly actor: string;
  readonly event: E;
}

export interface RecordedStep<S> {
  /** The proceeding after the step, as its projection row now holds it. */
  readonly proceeding: ProceedingView<S>;
  readonly event: RecordedEvent;
  readonly treeHead: TreeHead;
}

export type StepFailure = AppendFailure | ProjectionError;

export interface ProceedingsService {
  readonly recordWrongCase: (
    step: ProceedingStep<WrongCaseEvent>,
  ) => Effect.Effect<RecordedStep<WrongCaseState>, StepFailure>;
  readonly recordInterference: (
    step: ProceedingStep<InterferenceEvent>,
  ) => Effect.Effect<RecordedStep<InterferenceState>, StepFailure>;
  readonly wrongCase: (
    agencyId: AgencyId,
    proceedingId: string,
  ) => Effect.Effect<Option.Option<ProceedingView<WrongCaseState>>, ProjectionOutOfStep | SqlError>;
  readonly interferenceRecord: (
    agencyId: AgencyId,
    recordId: string,
  ) => Effect.Effect<Option.Option<ProceedingView<InterferenceState>>, ProjectionOutOfStep | SqlError>;
  /** Every wrong-case proceeding of the agency; callers filter by need-to-know. */
  readonly wrongCases: (
    agencyId: AgencyId,
  ) => Effect.Effect<ReadonlyArray<ProceedingView<WrongCaseState>>, ProjectionOutOfStep | SqlError>;
  /** Every interference record of the agency; callers filter by need-to-know. */
  readonly interferenceRecords: (
    agencyId: AgencyId,
  ) => Effect.Effect<ReadonlyArray<ProceedingView<InterferenceState>>, ProjectionOutOfStep | SqlError>;
  /** Stream ids of the agency's wrong-case proceedings that start with `prefix` (numbering), in id order. */
  readonly wrongCaseStreamIds: (
    agencyId: AgencyId,
    prefix: string,
  ) => Effect.Effect<ReadonlyArray<string>, SqlError>;
  /** Stream ids of the agency's interference records that start with `prefix` (numbering), in id order. */
  readonly interferenceStreamIds: (
    agencyId: AgencyId,
    prefix: string,
  ) => Effect.Effect<ReadonlyArray<string>, SqlError>;
  /**
   * The agency's running periods (every agency's for `undefined`: the deadline scheduler), earliest due
   * first; `dueOnOrBefore` keeps those due by that day.
   */
  readonly deadlines: (
    agencyId: AgencyId | undefined,
    options?: { readonly dueOnOrBefore?: string | undefined },
  ) => Effect.Effect<ReadonlyArray<Deadline>, ProjectionOutOfStep | SqlError>;
}

// Reading a row needs the table and the state Schema only, not the regime.
const wrongCaseRows = wrongCaseProceedings();

export const makeProceedings = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): ProceedingsService => {
  const record =
    <S, I, D, E>(
      kind: ProceedingKind<S, I, D, E>,
      toEvent: (event: D, actor: string) => NewEvent<D>,
      streamIdOf: (id: string) => string,
    ) =>
    (step: ProceedingStep<D>): Effect.Effect<RecordedStep<S>, StepFailure> =>
      Effect.gen(function* () {
        const streamId = streamIdOf(step.proceedingId);
        const load = loadProceeding(kind);
        const after = yield* Ref.make(Option.none<ProceedingView<S>>());
        const appended = yield* log.append(
          {
            agencyId: step.agencyId,
            streamId,
            expectedVersion: step.expectedVersion,
            events: [toEvent(step.event, step.actor)],
          },
          (events) =>
            Effect.gen(function* () {
              yield* projections.project(events);
              // Read inside the transaction, so it is this step's row and no later one.
              const row = yield* load(step.agencyId, streamId);
              if (Option.isNone(row)) {
                return yield* new ProjectionOutOfStep({
                  projection: kind.projection,
                  agencyId: step.agencyId,
                  streamId,
                  detail: `no row after the step: is the ${kind.projection} projection registered?`,
                });
              }
              yield* Ref.set(after, row);
            }),
        );
        const proceeding = yield* Ref.get(after);
        const event = appended.events[0];
        if (Option.isNone(proceeding) || event === undefined) {
          return yield* Effect.dieMessage("an append without a projected row or an event committed");
        }
        return { proceeding: proceeding.value, event, treeHead: appended.treeHead };
      });

  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  return {
    recordWrongCase: record(wrongCaseRows, wrongCaseStep, wrongCaseStreamId),
    recordInterference: record(interferenceRecords, interferenceStep, interferenceStreamId),
    wrongCase: (agencyId, proceedingId) =>
      withSql(loadProceeding(wrongCaseRows)(agencyId, wrongCaseStreamId(proceedingId))),
    interferenceRecord: (agencyId, recordId) =>
      withSql(loadProceeding(interferenceRecords)(agencyId, interferenceStreamId(recordId))),
    wrongCases: (agencyId) => withSql(listProceedings(wrongCaseRows)(agencyId)),
    interferenceRecords: (agencyId) => withSql(listProceedings(interferenceRecords)(agencyId)),
    wrongCaseStreamIds: (agencyId, prefix) => withSql(streamIdsWithPrefix(wrongCaseRows)(agencyId, prefix)),
    interferenceStreamIds: (agencyId, prefix) =>
      withSql(streamIdsWithPrefix(interferenceRecords)(agencyId, prefix)),
    deadlines: (agencyId, options) => withSql(listDeadlines(agencyId, options)),
  };
};

export class Proceedings extends Context.Tag("@liuhen/store/Proceedings")<Proceedings, ProceedingsService>() {
  static readonly layer: Layer.Layer<Proceedings, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      Proceedings,
      Effect.gen(function* () {
        return makeProceedings(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}

export interface ProceedingsLayerOptions extends ProceedingProjectionOptions {
  /** Further projections run on every append (the server's people and notifications, say). */
  readonly projections?: ReadonlyArray<ProjectionDefinition> | undefined;
}

/** Proceedings over the store, with both proceeding projections (and any further ones) registered. */
export const proceedingsLayer = (
  options: ProceedingsLayerOptions = {},
): Layer.Layer<Proceedings | Projections, never, EventLog | SqlClient.SqlClient> =>
  Proceedings.layer.pipe(
    Layer.provideMerge(
      Projections.layer([...proceedingProjections(options), ...(options.projections ?? [])]),
    ),
  );
