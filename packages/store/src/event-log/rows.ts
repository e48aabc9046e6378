/**
 * What the store reads back from its tables, decoded with a Schema like every other input: a row that fails
 * its Schema means the database was changed behind the log's back (`LogCorrupted`).
 */
import { Effect, ParseResult, Schema } from "effect";
import { encodedRecordedEvent } from "./canonical-encoding.js";
import { LogCorrupted } from "./errors.js";
import { RecordedEvent } from "./event.js";
import { Sha256Hex, Timestamp } from "./identifiers.js";
import { canonicalJson } from "./json-value.js";

/** An integer column: PostgreSQL returns BIGINT as text, SQLite as a number. */
export const DbInt = Schema.Union(Schema.Int, Schema.compose(Schema.NumberFromString, Schema.Int));

export const CheckpointRow = Schema.Struct({
  tree_size: DbInt,
  root_hash: Sha256Hex,
  signed_at: Timestamp,
  note: Schema.String,
});

export const SizeRow = Schema.Struct({ tree_size: DbInt });

/** An event as stored: the encoded envelope with citations and payload as canonical JSON text. */
export const EventRow = Schema.Struct({
  id: Schema.String,
  agency_id: Schema.String,
  stream_id: Schema.String,
  stream_version: DbInt,
  type: Schema.String,
  actor: Schema.String,
  occurred_at: Schema.String,
  citations: Schema.parseJson(),
  payload: Schema.parseJson(),
  leaf_index: DbInt,
  leaf_hash: Schema.String,
});
export const RecordedEventFromRow = Schema.compose(EventRow, RecordedEvent, { strict: false });

/**
 * The row of an event: its encoded envelope, with citations and payload as canonical JSON text (`texts`, when
 * the caller has them already from `canonicalEvent`).
 */
export const eventRow = (
  event: RecordedEvent,
  texts: { readonly citations: string; readonly payload: string } = {
    citations: canonicalJson(event.citations),
    payload: canonicalJson(event.payload),
  },
) => ({ ...encodedRecordedEvent(event), citations: texts.citations, payload: texts.payload });

export const EVENT_COLUMNS =
  "id, agency_id, stream_id, stream_version, type, actor, occurred_at, citations, payload, leaf_index, leaf_hash";

export const NodeRow = Schema.Struct({ level: DbInt, node_index: DbInt, hash: Sha256Hex });

// One compiled decoder per row Schema, not one per query: building `Schema.Array(schema)` afresh makes
// Effect compile a new parser each time.
const decoders = new WeakMap<
  object,
  (rows: unknown) => Effect.Effect<ReadonlyArray<unknown>, ParseResult.ParseError>
>();

/** Decodes rows with a Schema; a row that fails it is `LogCorrupted`, naming the agency and what it was. */
export const decodeRows =
  <A, I>(schema: Schema.Schema<A, I>, agencyId: string, what: string) =>
  (rows: ReadonlyArray<unknown>): Effect.Effect<ReadonlyArray<A>, LogCorrupted> => {
    let decode = decoders.get(schema);
    if (decode === undefined) {
      decode = Schema.decodeUnknown(Schema.Array(schema)) as (
        rows: unknown,
      ) => Effect.Effect<ReadonlyArray<unknown>, ParseResult.ParseError>;
      decoders.set(schema, decode);
    }
    return (decode(rows) as Effect.Effect<ReadonlyArray<A>, ParseResult.ParseError>).pipe(
      Effect.mapError(
        (error) =>
          new LogCorrupted({
            agencyId,
            detail: `a ${what} row fails its Schema: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
          }),
      ),
    );
  };
