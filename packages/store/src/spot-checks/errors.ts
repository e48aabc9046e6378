/** What can go wrong with a spot check (IF.4 抽查), as values. */
import { Schema } from "effect";

export class SpotCheckNotFound extends Schema.TaggedError<SpotCheckNotFound>()("SpotCheckNotFound", {
  agencyId: Schema.String,
  drawId: Schema.String,
}) {
  override get message(): string {
    return `${this.agencyId} has no spot check ${this.drawId}`;
  }
}

/** A commitment is drawn once; another draw is another commitment, with its own id. Nothing was written. */
export class SpotCheckAlreadyDrawn extends Schema.TaggedError<SpotCheckAlreadyDrawn>()(
  "SpotCheckAlreadyDrawn",
  { agencyId: Schema.String, drawId: Schema.String },
) {
  override get message(): string {
    return `spot check ${this.drawId} of ${this.agencyId} is drawn already: commit a new one to draw again`;
  }
}

/** The step needs the sample, and the commitment is not drawn yet. */
export class SpotCheckNotDrawn extends Schema.TaggedError<SpotCheckNotDrawn>()("SpotCheckNotDrawn", {
  agencyId: Schema.String,
  drawId: Schema.String,
}) {
  override get message(): string {
    return `spot check ${this.drawId} of ${this.agencyId} is not drawn yet`;
  }
}

/**
 * The commitment's secret seed is not in the database (restored from a copy without it, say): this
 * commitment can never be drawn. It stays in the log, undrawn; commit a new one.
 */
export class SpotCheckSeedUnavailable extends Schema.TaggedError<SpotCheckSeedUnavailable>()(
  "SpotCheckSeedUnavailable",
  { agencyId: Schema.String, drawId: Schema.String },
) {
  override get message(): string {
    return `the seed of spot check ${this.drawId} of ${this.agencyId} is not kept: commit a new spot check`;
  }
}

/** The record or handler was not drawn in that sample, so it cannot be checked under it. */
export class NotInSpotCheckSample extends Schema.TaggedError<NotInSpotCheckSample>()("NotInSpotCheckSample", {
  drawId: Schema.String,
  kind: Schema.Literal("record", "handler"),
  itemId: Schema.String,
}) {
  override get message(): string {
    return `${this.kind} ${this.itemId} was not drawn in spot check ${this.drawId}`;
  }
}
