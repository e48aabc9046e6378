/**
 * A verifier decodes event lines by plain checks when they accept the line, and by the `ExportEvent` Schema
 * otherwise: the plain checks accept nothing the Schema refuses, give exactly the Schema's value, and accept
 * the lines an export writes (so verification takes the fast path).
 */
import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { ExportEvent, plainExportEvent } from "../../src/export/export-format.js";

const decodeWithSchema = Schema.decodeUnknownEither(ExportEvent, {
  errors: "first",
  onExcessProperty: "error",
});

const envelope = {
  id: "0193f0a2-7c1e-7d4a-9b2e-5f0c1d2e3f40",
  agency_id: "qianjiang-msa",
  stream_id: "wrong-case/WC-2025-001",
  stream_version: 3,
  type: "ReportAccepted",
  actor: "account:李法治",
  occurred_at: "2025-09-30T08:00:00.000Z",
  citations: ["WC.10.1"],
  payload: { date: "2025-09-30", by: "person-li", notes: [1, 2.5, null, true, "二"] },
};
const line = {
  kind: "event",
  leaf_index: 5,
  leaf_hash: "a".repeat(64),
  subtrees: ["b".repeat(64), null],
  event: envelope,
};

const withLine = (change: Record<string, unknown>) => ({ ...line, ...change });
const withEnvelope = (change: Record<string, unknown>) => ({ ...line, event: { ...envelope, ...change } });
const { payload: _payload, ...envelopeWithoutPayload } = envelope;

const CASES: ReadonlyArray<readonly [string, unknown]> = [
  ["a line as an export writes it", line],
  ["a first event (no subtrees)", withLine({ leaf_index: 0, subtrees: [] })],
  ["a null payload", withEnvelope({ payload: null })],
  ["another kind", withLine({ kind: "checkpoint" })],
  ["an extra field on the line", withLine({ extra: 1 })],
  ["an extra field in the envelope", withEnvelope({ extra: 1 })],
  ["no payload", { ...line, event: envelopeWithoutPayload }],
  ["a negative leaf index", withLine({ leaf_index: -1 })],
  ["a leaf index as text", withLine({ leaf_index: "5" })],
  ["an upper-case leaf hash", withLine({ leaf_hash: "A".repeat(64) })],
  ["a short subtree hash", withLine({ subtrees: ["b".repeat(63)] })],
  ["an event id that is no UUID", withEnvelope({ id: "event-1" })],
  ["an agency id in capitals", withEnvelope({ agency_id: "Qianjiang" })],
  ["a stream id with a space", withEnvelope({ stream_id: "wrong case/1" })],
  ["stream version 0", withEnvelope({ stream_version: 0 })],
  ["a fractional stream version", withEnvelope({ stream_version: 1.5 })],
  ["a type starting with a digit", withEnvelope({ type: "9Accepted" })],
  ["an actor with a trailing space", withEnvelope({ actor: "李法治 " })],
  ["an actor with a control character", withEnvelope({ actor: "李\u0000法治" })],
  ["a time without milliseconds", withEnvelope({ occurred_at: "2025-09-30T08:00:00Z" })],
  ["a citation with a space", withEnvelope({ citations: ["WC 10"] })],
  ["a payload with a nested null in a list", withEnvelope({ payload: [[null]] })],
  ["an envelope that is a list", withLine({ event: [] })],
  ["a line that is null", null],
];

describe("an export's event lines, decoded without the Schema", () => {
  it.each(CASES)("%s: the plain checks give the Schema's value or leave the line to it", (_, json) => {
    const plain = plainExportEvent(json);
    const schema = decodeWithSchema(json);
    if (plain !== undefined) expect(Either.getOrUndefined(schema)).toStrictEqual(plain);
    // Every line the Schema accepts here is plain JSON, as JSON.parse gives it: the fast path takes it.
    if (Either.isRight(schema)) expect(plain).toBeDefined();
  });
});
