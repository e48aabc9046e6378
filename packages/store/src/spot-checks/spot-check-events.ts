/**
 * IF.4 区局法治科应加强检查、抽查: a spot check's draw as events in the agency's log.
 *
 * `SpotCheck.Committed` comes first: the population eligible (record and handler ids, canonical order) with
 * its digest, the sample sizes, and `SHA-256(seed)`, never the seed. `SpotCheck.Drawn` follows: the seed
 * revealed, the anchor (the log's tree head just after the commitment, which nobody could know before it was
 * appended) and the sample, which must be the domain's `drawSample` of them. `SpotCheck.HandlerChecked`
 * records the check of a handler drawn; a record drawn is checked on its own stream
 * (`InterferenceRecord.RecordSpotChecked`, `sampleRef` = the draw's id).
 *
 * Every commitment stays in the log, drawn or not, and a second draw is a new draw id: so retrying until a
 * sample pleases leaves each try in the record for anyone to count.
 *
 * Stream: `spot-check/<drawId>`.
 */
import {
  citation,
  PopulationItem,
  SampleSizes,
  Sha256Digest,
  SPOT_CHECK_SAMPLER,
  SpotCheckPopulation,
  SpotCheckSeed,
  StepDate,
} from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";
import { TreeSize } from "../event-log/identifiers.js";

const STREAM_PREFIX = "spot-check/";

/** A draw's id; the server makes one per commitment. */
export const SpotCheckId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
    message: () => "a spot check id is 1-100 letters, digits or . _ : - and starts with a letter or digit",
  }),
  Schema.brand("SpotCheckId"),
);
export type SpotCheckId = typeof SpotCheckId.Type;

/** Bounded words: why a draw is made, what a check found. */
const Words = (maxLength: number) =>
  Schema.NonEmptyTrimmedString.pipe(
    Schema.maxLength(maxLength, { message: () => `at most ${maxLength.toLocaleString("en")} characters` }),
  );

/** The most ids a population may list, so one commitment stays a reasonable event. */
export const MAX_POPULATION = 5_000;

/** The population as the log keeps it: the domain's canonical lists, bounded. */
export const LoggedPopulation = SpotCheckPopulation.pipe(
  Schema.filter((p) =>
    p.records.length <= MAX_POPULATION && p.handlers.length <= MAX_POPULATION
      ? true
      : `a population lists at most ${MAX_POPULATION.toLocaleString("en")} records and as many handlers`,
  ),
);

/** The period the records eligible were made in, both days included. */
export const SpotCheckPeriod = Schema.Struct({ from: StepDate, to: StepDate }).pipe(
  Schema.filter((p) => p.from <= p.to || { path: ["to"], message: "the period ends on or after it starts" }),
);
export type SpotCheckPeriod = typeof SpotCheckPeriod.Type;

export const SpotCheckCommitted = Schema.TaggedStruct("SpotCheckCommitted", {
  drawId: SpotCheckId,
  /** The sampling algorithm and its version (the domain's `SPOT_CHECK_SAMPLER`). */
  sampler: Schema.Literal(SPOT_CHECK_SAMPLER),
  /** SHA-256 of the secret seed's bytes. */
  seedHash: Sha256Digest,
  period: SpotCheckPeriod,
  population: LoggedPopulation,
  /** SHA-256 of the population's canonical JSON (the domain's `populationDigest`). */
  populationDigest: Sha256Digest,
  sizes: SampleSizes,
  committedOn: StepDate,
  /** The legal officer who commits. */
  by: PersonId,
  purpose: Schema.NullOr(Words(500)),
});
export type SpotCheckCommitted = typeof SpotCheckCommitted.Type;

/** The log's tree head right after the commitment: size = the commitment's leaf index + 1. */
export const SpotCheckAnchor = Schema.Struct({
  treeSize: TreeSize.pipe(Schema.positive()),
  rootHash: Sha256Digest,
});
export type SpotCheckAnchor = typeof SpotCheckAnchor.Type;

export const SpotCheckDrawn = Schema.TaggedStruct("SpotCheckDrawn", {
  drawId: SpotCheckId,
  /** The seed, revealed: SHA-256 of it is the commitment's `seedHash`. */
  seed: SpotCheckSeed,
  anchor: SpotCheckAnchor,
  /** The ids drawn, in the order drawn. */
  sample: Schema.Struct({
    records: Schema.Array(PopulationItem),
    handlers: Schema.Array(PopulationItem),
  }),
  drawnOn: StepDate,
  by: PersonId,
});
export type SpotCheckDrawn = typeof SpotCheckDrawn.Type;

/** What checking a handler drawn found. */
export const HandlerCheckOutcome = Schema.Literal("no-issue", "non-recording-suspected");
export type HandlerCheckOutcome = typeof HandlerCheckOutcome.Type;

export const SpotCheckHandlerChecked = Schema.TaggedStruct("SpotCheckHandlerChecked", {
  drawId: SpotCheckId,
  handler: PersonId,
  checkedOn: StepDate,
  by: PersonId,
  outcome: HandlerCheckOutcome,
  note: Words(5_000),
});
export type SpotCheckHandlerChecked = typeof SpotCheckHandlerChecked.Type;

export const SpotCheckEvent = Schema.Union(SpotCheckCommitted, SpotCheckDrawn, SpotCheckHandlerChecked);
export type SpotCheckEvent = typeof SpotCheckEvent.Type;
export type SpotCheckEventTag = SpotCheckEvent["_tag"];

export const SPOT_CHECK_EVENT_PREFIX = "SpotCheck.";

const spotCheckEvents = eventFamily({
  what: "spot-check step",
  payload: SpotCheckEvent,
  prefix: SPOT_CHECK_EVENT_PREFIX,
  names: {
    SpotCheckCommitted: "SpotCheck.Committed",
    SpotCheckDrawn: "SpotCheck.Drawn",
    SpotCheckHandlerChecked: "SpotCheck.HandlerChecked",
  },
  // Each step rests on IF.4 (检查、抽查).
  citations: [citation("IF.4")],
});

export const {
  types: spotCheckEventTypes,
  change: spotCheckChange,
  is: isSpotCheckEvent,
  decode: decodeSpotCheckEvent,
} = spotCheckEvents;

export const spotCheckStreamId = (drawId: string): string => `${STREAM_PREFIX}${drawId}`;
