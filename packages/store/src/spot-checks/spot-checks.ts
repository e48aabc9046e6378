/**
 * IF.4 区局法治科应加强检查、抽查: spot checks whose sample nobody chooses.
 *
 * `commit` fixes the population and the sample sizes and logs `SHA-256(seed)` of a seed drawn here from the
 * operating system's CSPRNG; the seed itself is kept beside the log (`spot_check_seeds`), written in the same
 * transaction, and shown to no one. `draw` reveals it: the sample is the domain's `drawSample` of the seed,
 * the anchor (the log's tree root right after the commitment, which nobody knew before the commitment was
 * appended) and the population committed, and the `spot-checks` projection refuses a draw that is not.
 *
 * Why both a secret seed and an anchor: the committer never sees the seed before the draw, so they cannot
 * preview a sample and quietly commit again; and even someone who could read or plant the seed (an operator
 * at the database) cannot foresee the anchor, which hashes the commitment's own event. What remains is
 * redrawing in the open: every commitment and every draw is in the log, a second draw is a new commitment
 * with its own id, and `list` shows them all, drawn or left undrawn.
 *
 * ```ts
 * const spotChecks = yield* SpotChecks;
 * const committed = yield* spotChecks.commit({ agencyId, period: { from: "2025-09-01", to: "2025-09-30" },
 *   population: { records, handlers }, sizes: { records: 5, handlers: 2 }, committedOn: "2025-10-08",
 *   by: "staff-0001", purpose: null, actor: "account:…" });
 * const drawn = yield* spotChecks.draw({ agencyId, drawId: committed.drawId, drawnOn: "2025-10-08",
 *   by: "staff-0001", actor: "account:…" });
 * ```
 */
import { randomBytes, randomUUID } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import {
  canonicalPopulation,
  drawSample,
  PopulationItem,
  populationDigest,
  SampleSizes,
  SPOT_CHECK_SAMPLER,
  StepDate,
  seedCommitment,
} from "@liuhen/domain";
import { Context, Effect, Layer, Option, Ref, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { NothingToChange } from "../accounts/errors.js";
import type { InvalidEvent, LogCorrupted, TreeSizeOutOfRange } from "../event-log/errors.js";
import { EventLog } from "../event-log/event-log.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId, StreamId } from "../event-log/identifiers.js";
import {
  type AppendFailure,
  type ProjectionError,
  ProjectionOutOfStep,
  Projections,
} from "../projections/projection.js";
import {
  NotInSpotCheckSample,
  SpotCheckAlreadyDrawn,
  SpotCheckNotDrawn,
  SpotCheckNotFound,
  SpotCheckSeedUnavailable,
} from "./errors.js";
import {
  decodeSpotCheckEvent,
  HandlerCheckOutcome,
  type SpotCheckCommitted,
  type SpotCheckDrawn,
  type SpotCheckEvent,
  type SpotCheckHandlerChecked,
  SpotCheckId,
  SpotCheckPeriod,
  spotCheckChange,
  spotCheckStreamId,
} from "./spot-check-events.js";
import {
  listSpotChecks,
  loadSpotCheck,
  SPOT_CHECKS_PROJECTION,
  type SpotCheck,
} from "./spot-check-projection.js";

const Words = (maxLength: number) =>
  Schema.NonEmptyTrimmedString.pipe(
    Schema.maxLength(maxLength, { message: () => `at most ${maxLength.toLocaleString("en")} characters` }),
  );

export const CommitSpotCheck = Schema.Struct({
  agencyId: AgencyId,
  period: SpotCheckPeriod,
  /** The ids eligible, in any order: they are put in canonical order before they are committed. */
  population: Schema.Struct({
    records: Schema.Array(PopulationItem),
    handlers: Schema.Array(PopulationItem),
  }),
  sizes: SampleSizes,
  committedOn: StepDate,
  by: PersonId,
  purpose: Schema.NullOr(Words(500)),
  actor: Actor,
});
export type CommitSpotCheck = typeof CommitSpotCheck.Encoded;

export const DrawSpotCheck = Schema.Struct({
  agencyId: AgencyId,
  drawId: SpotCheckId,
  drawnOn: StepDate,
  by: PersonId,
  actor: Actor,
});
export type DrawSpotCheck = typeof DrawSpotCheck.Encoded;

export const CheckSampledHandler = Schema.Struct({
  agencyId: AgencyId,
  drawId: SpotCheckId,
  handler: PersonId,
  checkedOn: StepDate,
  by: PersonId,
  outcome: HandlerCheckOutcome,
  note: Words(5_000),
  actor: Actor,
});
export type CheckSampledHandler = typeof CheckSampledHandler.Encoded;

const decodeCommit = decodeRequest(CommitSpotCheck);
const decodeDraw = decodeRequest(DrawSpotCheck);
const decodeCheckHandler = decodeRequest(CheckSampledHandler);

/** A spot check's events as the log holds them, for recomputing the draw from the log alone. */
export interface LoggedSpotCheck {
  readonly committed: {
    readonly step: SpotCheckCommitted;
    readonly leafIndex: number;
    readonly occurredAt: string;
  };
  readonly drawn: { readonly step: SpotCheckDrawn; readonly leafIndex: number } | null;
  readonly handlerChecks: ReadonlyArray<{
    readonly step: SpotCheckHandlerChecked;
    readonly leafIndex: number;
  }>;
}

export type SpotCheckFailure = AppendFailure | ProjectionError;

export interface SpotChecksService {
  /** Logs a commitment with a fresh secret seed; its id is made here. */
  readonly commit: (request: CommitSpotCheck) => Effect.Effect<SpotCheck, SpotCheckFailure>;
  /** Reveals the seed and logs the sample the rule gives. */
  readonly draw: (
    request: DrawSpotCheck,
  ) => Effect.Effect<
    SpotCheck,
    | SpotCheckNotFound
    | SpotCheckAlreadyDrawn
    | SpotCheckSeedUnavailable
    | TreeSizeOutOfRange
    | Exclude<SpotCheckFailure, { readonly _tag: "StreamConflict" }>
  >;
  /** Logs the check of a handler drawn. */
  readonly checkHandler: (
    request: CheckSampledHandler,
  ) => Effect.Effect<
    SpotCheck,
    SpotCheckNotFound | SpotCheckNotDrawn | NotInSpotCheckSample | NothingToChange | SpotCheckFailure
  >;
  readonly find: (
    agencyId: string,
    drawId: string,
  ) => Effect.Effect<Option.Option<SpotCheck>, ProjectionOutOfStep | SqlError>;
  /** Every commitment of the agency in log order, drawn or not. */
  readonly list: (
    agencyId: string,
  ) => Effect.Effect<ReadonlyArray<SpotCheck>, ProjectionOutOfStep | SqlError>;
  /** The spot check's events straight from the log (not the projection). */
  readonly logged: (
    agencyId: AgencyId,
    drawId: string,
  ) => Effect.Effect<LoggedSpotCheck, SpotCheckNotFound | InvalidEvent | LogCorrupted | SqlError>;
}

export const makeSpotChecks = (
  sql: SqlClient.SqlClient,
  log: Context.Tag.Service<EventLog>,
  projections: Context.Tag.Service<Projections>,
): SpotChecksService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  /**
   * Appends one step at `expectedVersion`, runs `alsoInTransaction` after the projections, and returns the
   * spot check as that transaction left it.
   */
  const record = (
    agencyId: AgencyId,
    drawId: SpotCheckId,
    expectedVersion: number,
    step: SpotCheckEvent,
    actor: Actor,
    alsoInTransaction: Effect.Effect<void, SqlError, SqlClient.SqlClient> = Effect.void,
  ) =>
    Effect.gen(function* () {
      const after = yield* Ref.make(Option.none<SpotCheck>());
      yield* log.append(
        {
          agencyId,
          streamId: spotCheckStreamId(drawId),
          expectedVersion,
          events: [spotCheckChange(step, actor)],
        },
        (recorded) =>
          Effect.gen(function* () {
            yield* projections.project(recorded);
            yield* alsoInTransaction;
            const row = yield* loadSpotCheck(agencyId, drawId);
            if (Option.isNone(row)) {
              return yield* new ProjectionOutOfStep({
                projection: SPOT_CHECKS_PROJECTION,
                agencyId,
                streamId: spotCheckStreamId(drawId),
                detail: "no row after the step: is the spot-checks projection registered?",
              });
            }
            yield* Ref.set(after, row);
          }),
      );
      return yield* Effect.flatMap(
        Ref.get(after),
        Option.match({
          onNone: () => Effect.dieMessage("a spot-check step committed without its row"),
          onSome: Effect.succeed,
        }),
      );
    });

  const existing = (agencyId: string, drawId: string) =>
    Effect.flatMap(
      withSql(loadSpotCheck(agencyId, drawId)),
      Option.match({
        onNone: () => Effect.fail(new SpotCheckNotFound({ agencyId, drawId })),
        onSome: Effect.succeed,
      }),
    );

  const commit: SpotChecksService["commit"] = (request) =>
    Effect.gen(function* () {
      const decoded = yield* decodeCommit(request);
      const { agencyId, actor } = decoded;
      const drawId = SpotCheckId.make(randomUUID());
      const seed = randomBytes(32).toString("hex");
      const population = canonicalPopulation(decoded.population);
      const keepSeed = Effect.flatMap(
        SqlClient.SqlClient,
        (tx) => tx`INSERT INTO spot_check_seeds ${tx.insert({ agency_id: agencyId, draw_id: drawId, seed })}`,
      );
      return yield* record(
        agencyId,
        drawId,
        0,
        {
          _tag: "SpotCheckCommitted",
          drawId,
          sampler: SPOT_CHECK_SAMPLER,
          seedHash: seedCommitment(seed),
          period: decoded.period,
          population,
          populationDigest: populationDigest(population),
          sizes: decoded.sizes,
          committedOn: decoded.committedOn,
          by: decoded.by,
          purpose: decoded.purpose,
        },
        actor,
        keepSeed,
      );
    });

  const draw: SpotChecksService["draw"] = (request) =>
    Effect.gen(function* () {
      const { agencyId, drawId, drawnOn, by, actor } = yield* decodeDraw(request);
      const spotCheck = yield* existing(agencyId, drawId);
      if (spotCheck.draw !== null) return yield* new SpotCheckAlreadyDrawn({ agencyId, drawId });
      const [kept] = (yield* sql`SELECT seed FROM spot_check_seeds
        WHERE agency_id = ${agencyId} AND draw_id = ${drawId}`) as ReadonlyArray<{ readonly seed: string }>;
      if (kept === undefined) {
        // A draw racing this one reveals the seed and forgets it between the two reads: it is drawn.
        const now = yield* existing(agencyId, drawId);
        return yield* now.draw !== null
          ? new SpotCheckAlreadyDrawn({ agencyId, drawId })
          : new SpotCheckSeedUnavailable({ agencyId, drawId });
      }
      const anchor = yield* log.treeHead(agencyId, spotCheck.commitLeafIndex + 1);
      const sample = drawSample({
        seed: kept.seed,
        anchor: anchor.rootHash,
        population: spotCheck.population,
        sizes: spotCheck.sizes,
      });
      // Once revealed, the seed lives in the log; nothing secret is left to keep.
      const forgetSeed = Effect.flatMap(
        SqlClient.SqlClient,
        (tx) => tx`DELETE FROM spot_check_seeds WHERE agency_id = ${agencyId} AND draw_id = ${drawId}`,
      );
      return yield* record(
        agencyId,
        drawId,
        spotCheck.version,
        {
          _tag: "SpotCheckDrawn",
          drawId,
          seed: kept.seed,
          anchor: { treeSize: anchor.treeSize, rootHash: anchor.rootHash },
          sample,
          drawnOn,
          by,
        },
        actor,
        forgetSeed,
      ).pipe(
        // Only a draw follows a commitment: someone drew it meanwhile.
        Effect.catchTag("StreamConflict", () => new SpotCheckAlreadyDrawn({ agencyId, drawId })),
      );
    });

  const checkHandler: SpotChecksService["checkHandler"] = (request) =>
    Effect.gen(function* () {
      const decoded = yield* decodeCheckHandler(request);
      const { agencyId, drawId, handler } = decoded;
      const spotCheck = yield* existing(agencyId, drawId);
      if (spotCheck.draw === null) return yield* new SpotCheckNotDrawn({ agencyId, drawId });
      const item = spotCheck.items.find((i) => i.kind === "handler" && i.itemId === handler);
      if (item === undefined) {
        return yield* new NotInSpotCheckSample({ drawId, kind: "handler", itemId: handler });
      }
      if (item.check !== null) {
        return yield* new NothingToChange({
          detail: `${handler} was checked in spot check ${drawId} already, on ${item.check.checkedOn}`,
        });
      }
      return yield* record(
        agencyId,
        drawId,
        spotCheck.version,
        {
          _tag: "SpotCheckHandlerChecked",
          drawId,
          handler,
          checkedOn: decoded.checkedOn,
          by: decoded.by,
          outcome: decoded.outcome,
          note: decoded.note,
        },
        decoded.actor,
      );
    });

  const logged: SpotChecksService["logged"] = (agencyId, drawId) =>
    Effect.gen(function* () {
      const events = yield* log.readStream(agencyId, StreamId.make(spotCheckStreamId(drawId)));
      let committed: LoggedSpotCheck["committed"] | null = null;
      let drawn: LoggedSpotCheck["drawn"] = null;
      const handlerChecks: Array<LoggedSpotCheck["handlerChecks"][number]> = [];
      for (const event of events) {
        const step = yield* decodeSpotCheckEvent(event);
        if (step._tag === "SpotCheckCommitted") {
          committed = { step, leafIndex: event.leafIndex, occurredAt: event.occurredAt };
        } else if (step._tag === "SpotCheckDrawn") {
          drawn = { step, leafIndex: event.leafIndex };
        } else {
          handlerChecks.push({ step, leafIndex: event.leafIndex });
        }
      }
      if (committed === null) return yield* new SpotCheckNotFound({ agencyId, drawId });
      return { committed, drawn, handlerChecks };
    });

  return {
    commit,
    draw,
    checkHandler,
    find: (agencyId, drawId) => withSql(loadSpotCheck(agencyId, drawId)),
    list: (agencyId) => withSql(listSpotChecks(agencyId)),
    logged,
  };
};

export class SpotChecks extends Context.Tag("@liuhen/store/SpotChecks")<SpotChecks, SpotChecksService>() {
  static readonly layer: Layer.Layer<SpotChecks, never, EventLog | Projections | SqlClient.SqlClient> =
    Layer.effect(
      SpotChecks,
      Effect.gen(function* () {
        return makeSpotChecks(yield* SqlClient.SqlClient, yield* EventLog, yield* Projections);
      }),
    );
}
