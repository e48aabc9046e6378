/**
 * The names the log keeps. Every text a column stores on its own is checked here, narrowly, so that what is
 * written reads back byte for byte on SQLite and PostgreSQL alike (no control characters, no lone UTF-16
 * surrogates, which UTF-8 cannot carry) and the leaf hash still matches.
 */
import { Schema } from "effect";
import {
  ACTOR_MAX_LENGTH,
  AGENCY_ID,
  CITATION_REF,
  EVENT_TYPE,
  isStorable,
  SHA256_HEX,
  STREAM_ID,
  TIMESTAMP,
} from "./plain-checks.js";

const StorableText = (maxLength: number) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => "must not be empty" }),
    Schema.maxLength(maxLength, { message: () => `must be at most ${maxLength} characters` }),
    Schema.filter((s) => isStorable(s) || "must not contain control characters or lone surrogates"),
    Schema.filter((s) => s.trim() === s || "must not start or end with white space"),
  );

/** An agency's id, also the name of its key file: lower-case letters, digits and inner hyphens. */
export const AgencyId = Schema.String.pipe(
  Schema.pattern(AGENCY_ID, {
    message: () => "an agency id is 1-64 lower-case letters, digits or inner hyphens, e.g. qianjiang-msa",
  }),
  Schema.brand("AgencyId"),
);
export type AgencyId = typeof AgencyId.Type;

/** A stream: the events of one record or proceeding, e.g. `interference-record/0193f0…`. */
export const StreamId = Schema.String.pipe(
  Schema.pattern(STREAM_ID, {
    message: () => "a stream id is 1-200 letters, digits or . _ : / - and starts with a letter or digit",
  }),
  Schema.brand("StreamId"),
);
export type StreamId = typeof StreamId.Type;

export const EventId = Schema.UUID.pipe(Schema.brand("EventId"));
export type EventId = typeof EventId.Type;

/** What happened, e.g. `InterferenceRecorded`. */
export const EventTypeName = Schema.String.pipe(
  Schema.pattern(EVENT_TYPE, {
    message: () => "an event type is 1-100 letters, digits or . _ - and starts with a letter",
  }),
);

/** Who made the change: an opaque user or system id. */
export const Actor = StorableText(ACTOR_MAX_LENGTH).pipe(Schema.brand("Actor"));
export type Actor = typeof Actor.Type;

/**
 * A citation id the change rests on, e.g. `WC.6.9`. Its shape and existence are the domain's business
 * (packages/domain `CitationId`); the log keeps what it is given, within these bounds.
 */
export const CitationRef = Schema.String.pipe(
  Schema.pattern(CITATION_REF, {
    message: () => "a citation id is 1-64 letters, digits or . _ - , e.g. WC.6.9",
  }),
);

/** The number of events in a stream; the first event of a stream has version 1. */
export const StreamVersion = Schema.Int.pipe(
  Schema.nonNegative(),
  Schema.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER),
);

export const TreeSize = Schema.Int.pipe(
  Schema.nonNegative(),
  Schema.lessThanOrEqualTo(Number.MAX_SAFE_INTEGER),
);

/** Milliseconds, UTC, as `Date.prototype.toISOString` writes them; hashed as this exact text. */
export const Timestamp = Schema.String.pipe(
  Schema.pattern(TIMESTAMP, {
    message: () => "a timestamp looks like 2025-01-31T08:00:00.000Z",
  }),
);

/** A SHA-256 digest as 64 lower-case hex digits. */
export const Sha256Hex = Schema.String.pipe(
  Schema.pattern(SHA256_HEX, { message: () => "a SHA-256 digest is 64 lower-case hex digits" }),
);
