/**
 * The `spot-checks` projection: one `spot_checks` row per commitment (with the draw, once made) and one
 * `spot_check_items` row per record or handler drawn (with its check, once made), derived from the
 * `SpotCheck.*` events and the records' `InterferenceRecord.RecordSpotChecked` steps alone, so a rebuild from
 * the log reproduces them row for row.
 *
 * A `SpotCheck.Drawn` event is checked before it is projected: its seed must hash to the commitment, its
 * anchor must be the tree size right after the commitment, and its sample must be the domain's `drawSample`
 * of the seed, the anchor and the population committed. A draw that fails is refused, and so is its append:
 * the log holds no sample that was not drawn by the rule.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { checkDraw, type SampleSizes, SpotCheckPopulation, StepDate } from "@liuhen/domain";
import { Effect, Match, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { InvalidEvent } from "../event-log/errors.js";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId, Sha256Hex } from "../event-log/identifiers.js";
import { canonicalJson } from "../event-log/json-value.js";
import { DbInt } from "../event-log/rows.js";
import {
  decodeInterferenceEvent,
  INTERFERENCE_EVENT_PREFIX,
  interferenceStreamId,
} from "../projections/proceeding-events.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  decodeSpotCheckEvent,
  HandlerCheckOutcome,
  isSpotCheckEvent,
  type SpotCheckEvent,
  SpotCheckId,
  spotCheckStreamId,
} from "./spot-check-events.js";

export const SPOT_CHECKS_PROJECTION = "spot-checks";

const RECORD_SPOT_CHECKED = `${INTERFERENCE_EVENT_PREFIX}RecordSpotChecked`;

const SpotCheckRow = Schema.Struct({
  agency_id: AgencyId,
  draw_id: SpotCheckId,
  sampler: Schema.String,
  seed_hash: Sha256Hex,
  period_from: StepDate,
  period_to: StepDate,
  population: Schema.parseJson(SpotCheckPopulation),
  population_digest: Sha256Hex,
  records_requested: DbInt,
  handlers_requested: DbInt,
  purpose: Schema.NullOr(Schema.String),
  committed_on: StepDate,
  committed_by: PersonId,
  committed_at: Schema.String,
  commit_leaf_index: DbInt,
  seed: Schema.NullOr(Sha256Hex),
  anchor_tree_size: Schema.NullOr(DbInt),
  anchor_root_hash: Schema.NullOr(Sha256Hex),
  drawn_on: Schema.NullOr(StepDate),
  drawn_by: Schema.NullOr(PersonId),
  drawn_at: Schema.NullOr(Schema.String),
  version: DbInt,
});
type SpotCheckRow = typeof SpotCheckRow.Type;

const ItemKind = Schema.Literal("record", "handler");
export type SpotCheckItemKind = typeof ItemKind.Type;

const ItemRow = Schema.Struct({
  draw_id: SpotCheckId,
  kind: ItemKind,
  item_id: Schema.String,
  position: DbInt,
  checked_on: Schema.NullOr(StepDate),
  checked_by: Schema.NullOr(PersonId),
  outcome: Schema.NullOr(Schema.Union(HandlerCheckOutcome, Schema.Literal("checked"))),
  note: Schema.NullOr(Schema.String),
});
type ItemRow = typeof ItemRow.Type;

/** One record or handler drawn, with its check once made. */
export interface SpotCheckItem {
  readonly kind: SpotCheckItemKind;
  readonly itemId: string;
  /** Its place in the draw, from 1. */
  readonly position: number;
  readonly check: {
    readonly checkedOn: string;
    readonly by: string;
    /** `checked` for a record (its outcome is the record's next step); a handler's finding otherwise. */
    readonly outcome: HandlerCheckOutcome | "checked";
    readonly note: string | null;
  } | null;
}

/** A spot check as its rows hold it. */
export interface SpotCheck {
  readonly agencyId: AgencyId;
  readonly drawId: SpotCheckId;
  readonly sampler: string;
  readonly seedHash: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly population: SpotCheckPopulation;
  readonly populationDigest: string;
  readonly sizes: SampleSizes;
  readonly purpose: string | null;
  readonly committedOn: string;
  readonly committedBy: string;
  /** When the log recorded the commitment, and where. */
  readonly committedAt: string;
  readonly commitLeafIndex: number;
  readonly draw: {
    readonly seed: string;
    readonly anchor: { readonly treeSize: number; readonly rootHash: string };
    readonly drawnOn: string;
    readonly by: string;
    readonly drawnAt: string;
  } | null;
  /** Drawn records first, then handlers, each in the order drawn. */
  readonly items: ReadonlyArray<SpotCheckItem>;
  /** The stream version of the last step: what the next step's `expectedVersion` must be. */
  readonly version: number;
}

const COLUMNS =
  "agency_id, draw_id, sampler, seed_hash, period_from, period_to, population, population_digest, records_requested, handlers_requested, purpose, committed_on, committed_by, committed_at, commit_leaf_index, seed, anchor_tree_size, anchor_root_hash, drawn_on, drawn_by, drawn_at, version";
const ITEM_COLUMNS = "draw_id, kind, item_id, position, checked_on, checked_by, outcome, note";

const { outOfStep, decodeRows, checkStream, checkVersion } = projectionRows(SPOT_CHECKS_PROJECTION);
const decodeSpotCheckRows = decodeRows(SpotCheckRow, "a row");
const decodeItemRows = decodeRows(ItemRow, "a row");

const toView = (row: SpotCheckRow, items: ReadonlyArray<ItemRow>): SpotCheck => ({
  agencyId: row.agency_id,
  drawId: row.draw_id,
  sampler: row.sampler,
  seedHash: row.seed_hash,
  period: { from: row.period_from, to: row.period_to },
  population: row.population,
  populationDigest: row.population_digest,
  sizes: { records: row.records_requested, handlers: row.handlers_requested },
  purpose: row.purpose,
  committedOn: row.committed_on,
  committedBy: row.committed_by,
  committedAt: row.committed_at,
  commitLeafIndex: row.commit_leaf_index,
  draw:
    row.seed === null ||
    row.anchor_tree_size === null ||
    row.anchor_root_hash === null ||
    row.drawn_on === null ||
    row.drawn_by === null ||
    row.drawn_at === null
      ? null
      : {
          seed: row.seed,
          anchor: { treeSize: row.anchor_tree_size, rootHash: row.anchor_root_hash },
          drawnOn: row.drawn_on,
          by: row.drawn_by,
          drawnAt: row.drawn_at,
        },
  items: [...items]
    .filter((item) => item.draw_id === row.draw_id)
    .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === "record" ? -1 : 1))
    .map((item) => ({
      kind: item.kind,
      itemId: item.item_id,
      position: item.position,
      check:
        item.checked_on === null || item.checked_by === null || item.outcome === null
          ? null
          : { checkedOn: item.checked_on, by: item.checked_by, outcome: item.outcome, note: item.note },
    })),
  version: row.version,
});

const loadRow = (agencyId: string, drawId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM spot_checks
      WHERE agency_id = ${agencyId} AND draw_id = ${drawId}`;
    const [row] = yield* decodeSpotCheckRows(agencyId, spotCheckStreamId(drawId))(rows);
    return Option.fromNullable(row);
  });

/** One spot check of an agency, with its items. */
export const loadSpotCheck = (
  agencyId: string,
  drawId: string,
): Effect.Effect<Option.Option<SpotCheck>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const row = yield* loadRow(agencyId, drawId);
    if (Option.isNone(row)) return Option.none();
    const items = yield* sql`SELECT ${sql.literal(ITEM_COLUMNS)} FROM spot_check_items
      WHERE agency_id = ${agencyId} AND draw_id = ${drawId}`.pipe(
      Effect.flatMap(decodeItemRows(agencyId, spotCheckStreamId(drawId))),
    );
    return Option.some(toView(row.value, items));
  });

/** Every spot check of an agency, in the order committed (retries and all). */
export const listSpotChecks = (
  agencyId: string,
): Effect.Effect<ReadonlyArray<SpotCheck>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(COLUMNS)} FROM spot_checks
      WHERE agency_id = ${agencyId} ORDER BY commit_leaf_index`.pipe(
      Effect.flatMap(decodeSpotCheckRows(agencyId, "(spot checks)")),
    );
    const items = yield* sql`SELECT ${sql.literal(ITEM_COLUMNS)} FROM spot_check_items
      WHERE agency_id = ${agencyId}`.pipe(Effect.flatMap(decodeItemRows(agencyId, "(spot check items)")));
    return rows.map((row) => toView(row, items));
  });

const refuse = (field: string, message: string) => new InvalidEvent({ field, message });

/** Brings a spot check's rows up to date with one of its events. */
const applySpotCheckEvent = (
  event: RecordedEvent,
  step: SpotCheckEvent,
): Effect.Effect<void, ProjectionOutOfStep | InvalidEvent | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      spotCheckStreamId(step.drawId),
      `is about spot check ${step.drawId} but sits in another stream`,
    );
    const current = yield* loadRow(event.agencyId, step.drawId);
    yield* checkVersion(event, current);
    if (step._tag === "SpotCheckCommitted") {
      yield* sql`INSERT INTO spot_checks ${sql.insert({
        agency_id: event.agencyId,
        draw_id: step.drawId,
        sampler: step.sampler,
        seed_hash: step.seedHash,
        period_from: step.period.from,
        period_to: step.period.to,
        population: canonicalJson({
          records: [...step.population.records],
          handlers: [...step.population.handlers],
        }),
        population_digest: step.populationDigest,
        records_requested: step.sizes.records,
        handlers_requested: step.sizes.handlers,
        purpose: step.purpose,
        committed_on: step.committedOn,
        committed_by: step.by,
        committed_at: event.occurredAt,
        commit_leaf_index: event.leafIndex,
        seed: null,
        anchor_tree_size: null,
        anchor_root_hash: null,
        drawn_on: null,
        drawn_by: null,
        drawn_at: null,
        version: event.streamVersion,
      })}`;
      return;
    }
    if (Option.isNone(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} follows a commitment the projection does not hold`,
      );
    }
    const row = current.value;
    yield* Match.value(step).pipe(
      Match.tagsExhaustive({
        SpotCheckDrawn: (drawn) =>
          Effect.gen(function* () {
            if (row.seed !== null) {
              return yield* refuse("payload.drawId", `spot check ${row.draw_id} is drawn already`);
            }
            if (drawn.anchor.treeSize !== row.commit_leaf_index + 1) {
              return yield* refuse(
                "payload.anchor.treeSize",
                `the anchor is the tree of ${row.commit_leaf_index + 1} events, right after the commitment`,
              );
            }
            if (drawn.drawnOn < row.committed_on) {
              return yield* refuse("payload.drawnOn", "a draw is not dated before its commitment");
            }
            const check = checkDraw({
              seed: drawn.seed,
              anchor: drawn.anchor.rootHash,
              population: row.population,
              sizes: { records: row.records_requested, handlers: row.handlers_requested },
              seedHash: row.seed_hash,
              populationDigest: row.population_digest,
              sample: drawn.sample,
            });
            if (!check.seedMatches) {
              return yield* refuse("payload.seed", "the seed does not hash to the commitment");
            }
            if (!check.populationMatches) {
              return yield* refuse("payload.drawId", "the committed population does not match its digest");
            }
            if (!check.sampleMatches) {
              return yield* refuse(
                "payload.sample",
                "the sample is not the one the seed, the anchor and the population give",
              );
            }
            yield* sql`UPDATE spot_checks SET ${sql.update({
              seed: drawn.seed,
              anchor_tree_size: drawn.anchor.treeSize,
              anchor_root_hash: drawn.anchor.rootHash,
              drawn_on: drawn.drawnOn,
              drawn_by: drawn.by,
              drawn_at: event.occurredAt,
              version: event.streamVersion,
            })} WHERE agency_id = ${event.agencyId} AND draw_id = ${row.draw_id}`;
            const items = [
              ...drawn.sample.records.map((id, i) => ["record", id, i + 1] as const),
              ...drawn.sample.handlers.map((id, i) => ["handler", id, i + 1] as const),
            ].map(([kind, id, position]) => ({
              agency_id: event.agencyId,
              draw_id: row.draw_id,
              kind,
              item_id: id,
              position,
              checked_on: null,
              checked_by: null,
              outcome: null,
              note: null,
            }));
            if (items.length > 0) yield* sql`INSERT INTO spot_check_items ${sql.insert(items)}`;
          }),
        SpotCheckHandlerChecked: (checked) =>
          Effect.gen(function* () {
            const found = yield* sql`SELECT checked_on FROM spot_check_items
              WHERE agency_id = ${event.agencyId} AND draw_id = ${row.draw_id} AND kind = 'handler'
                AND item_id = ${checked.handler}`;
            const [item] = found as ReadonlyArray<{ readonly checked_on: string | null }>;
            if (item === undefined) {
              return yield* refuse("payload.handler", `${checked.handler} was not drawn in ${row.draw_id}`);
            }
            if (item.checked_on !== null) {
              return yield* refuse("payload.handler", `${checked.handler} was checked already`);
            }
            yield* sql`UPDATE spot_check_items SET ${sql.update({
              checked_on: checked.checkedOn,
              checked_by: checked.by,
              outcome: checked.outcome,
              note: checked.note,
            })} WHERE agency_id = ${event.agencyId} AND draw_id = ${row.draw_id} AND kind = 'handler'
              AND item_id = ${checked.handler}`;
            yield* sql`UPDATE spot_checks SET version = ${event.streamVersion}
              WHERE agency_id = ${event.agencyId} AND draw_id = ${row.draw_id}`;
          }),
      }),
    );
  });

/**
 * A record's `RecordSpotChecked` step marks it checked in the draw its `sampleRef` names, if that draw drew
 * it; a step that names no draw of this agency, or a record the draw did not draw, changes nothing here.
 */
const applyRecordSpotChecked = (
  event: RecordedEvent,
): Effect.Effect<void, InvalidEvent | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const step = yield* decodeInterferenceEvent(event);
    if (step._tag !== "RecordSpotChecked") return;
    const recordId = event.streamId.slice(interferenceStreamId("").length);
    yield* sql`UPDATE spot_check_items SET ${sql.update({
      checked_on: step.date,
      checked_by: step.by,
      outcome: "checked",
      note: null,
    })} WHERE agency_id = ${event.agencyId} AND draw_id = ${step.sampleRef} AND kind = 'record'
      AND item_id = ${recordId} AND checked_on IS NULL`;
  });

/** The spot-checks projection, ready for `Projections.layer`. */
export const spotChecksProjection: ProjectionDefinition = {
  name: SPOT_CHECKS_PROJECTION,
  tables: ["spot_check_items", "spot_checks"],
  apply: (event) =>
    isSpotCheckEvent(event)
      ? Effect.flatMap(decodeSpotCheckEvent(event), (step) => applySpotCheckEvent(event, step))
      : event.type === RECORD_SPOT_CHECKED
        ? applyRecordSpotChecked(event)
        : Effect.void,
};
