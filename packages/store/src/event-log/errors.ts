/** What can go wrong with the log, as values. Storage failures themselves arrive as @effect/sql's `SqlError`. */
import { Schema } from "effect";

/** The stream moved on since the caller read it: someone else appended first. Nothing was written. */
export class StreamConflict extends Schema.TaggedError<StreamConflict>()("StreamConflict", {
  agencyId: Schema.String,
  streamId: Schema.String,
  expectedVersion: Schema.Number,
  actualVersion: Schema.Number,
}) {
  override get message(): string {
    return `stream ${this.streamId} of ${this.agencyId} is at version ${this.actualVersion}, not ${this.expectedVersion}`;
  }
}

/**
 * An event, an append request or a service's request for one failed its Schema. `field` names the place,
 * e.g. `events[0].actor` or `department`.
 */
export class InvalidEvent extends Schema.TaggedError<InvalidEvent>()("InvalidEvent", {
  field: Schema.String,
  message: Schema.String,
}) {}

export class EventNotFound extends Schema.TaggedError<EventNotFound>()("EventNotFound", {
  agencyId: Schema.String,
  eventId: Schema.String,
}) {
  override get message(): string {
    return `no event ${this.eventId} in the log of ${this.agencyId}`;
  }
}

/** A tree size the log cannot answer for: past its current size, or an impossible pair. */
export class TreeSizeOutOfRange extends Schema.TaggedError<TreeSizeOutOfRange>()("TreeSizeOutOfRange", {
  agencyId: Schema.String,
  requested: Schema.String,
  treeSize: Schema.Number,
}) {
  override get message(): string {
    return `the log of ${this.agencyId} has ${this.treeSize} events; ${this.requested} is out of range`;
  }
}

/**
 * What the database holds does not add up: a row fails its Schema, a leaf hash does not match its event,
 * a stored subtree is missing or the stored head disagrees with the tree. Someone changed the database
 * behind the log's back, or it is damaged.
 */
export class LogCorrupted extends Schema.TaggedError<LogCorrupted>()("LogCorrupted", {
  agencyId: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `the log of ${this.agencyId} is inconsistent: ${this.detail}`;
  }
}

/** The agency's checkpoint key cannot be created, read or trusted. */
export class SigningKeyUnusable extends Schema.TaggedError<SigningKeyUnusable>()("SigningKeyUnusable", {
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `signing key ${this.path}: ${this.reason}`;
  }
}
