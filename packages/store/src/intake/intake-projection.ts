/**
 * The `public-intake` projection: a receipt row per public report (`public_receipts`, found by the hash of its
 * code) and its message thread (`intake_messages`), derived from the `Intake.*` events alone (times are the
 * log's `occurred_at`, `seq` the event's stream version), so a rebuild from the log reproduces both row for
 * row. The receipt row's `version` is the intake stream's version: what the next message must expect.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { StepDate } from "@liuhen/domain";
import { Effect, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import type { RecordedEvent } from "../event-log/event.js";
import { AgencyId, Sha256Hex } from "../event-log/identifiers.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  decodeIntakeEvent,
  type IntakeEvent,
  intakeStreamId,
  isIntakeEvent,
  MessageSender,
} from "./intake-events.js";

export const INTAKE_PROJECTION = "public-intake";

/** A public report's receipt as its row holds it. */
export const PublicReceipt = Schema.Struct({
  agencyId: Schema.propertySignature(AgencyId).pipe(Schema.fromKey("agency_id")),
  proceedingId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("proceeding_id")),
  receiptHash: Schema.propertySignature(Sha256Hex).pipe(Schema.fromKey("receipt_hash")),
  issuedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("issued_at")),
  /** The intake stream's version: 1 after the receipt, one more for each message. */
  version: DbInt,
});
export type PublicReceipt = typeof PublicReceipt.Type;

/** One message of a thread, oldest first by `seq`. */
export const IntakeMessage = Schema.Struct({
  seq: DbInt,
  from: Schema.propertySignature(MessageSender).pipe(Schema.fromKey("sender")),
  by: Schema.propertySignature(Schema.NullOr(PersonId)).pipe(Schema.fromKey("by_person")),
  text: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("body")),
  date: Schema.propertySignature(StepDate).pipe(Schema.fromKey("posted_on")),
  postedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("posted_at")),
});
export type IntakeMessage = typeof IntakeMessage.Type;

const RECEIPT_COLUMNS = "agency_id, proceeding_id, receipt_hash, issued_at, version";
const MESSAGE_COLUMNS = "seq, sender, by_person, body, posted_on, posted_at";

const { outOfStep, decodeRows, checkStream, checkVersion } = projectionRows(INTAKE_PROJECTION);
const decodeReceipts = decodeRows(PublicReceipt, "a receipt row");
const decodeMessages = decodeRows(IntakeMessage, "a message row");

type ReceiptLookup =
  | { readonly by: "proceeding"; readonly proceedingId: string }
  | { readonly by: "hash"; readonly receiptHash: string };

/** A receipt of an agency, by its proceeding or by the hash of its code. */
export const loadReceipt = (
  agencyId: string,
  lookup: ReceiptLookup,
): Effect.Effect<Option.Option<PublicReceipt>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows =
      lookup.by === "proceeding"
        ? yield* sql`SELECT ${sql.literal(RECEIPT_COLUMNS)} FROM public_receipts
            WHERE agency_id = ${agencyId} AND proceeding_id = ${lookup.proceedingId}`
        : yield* sql`SELECT ${sql.literal(RECEIPT_COLUMNS)} FROM public_receipts
            WHERE agency_id = ${agencyId} AND receipt_hash = ${lookup.receiptHash}`;
    const [receipt] = yield* decodeReceipts(agencyId, "(public receipts)")(rows);
    return Option.fromNullable(receipt);
  });

/** The thread of a public report, oldest message first. */
export const listMessages = (
  agencyId: string,
  proceedingId: string,
): Effect.Effect<ReadonlyArray<IntakeMessage>, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql`SELECT ${sql.literal(MESSAGE_COLUMNS)} FROM intake_messages
      WHERE agency_id = ${agencyId} AND proceeding_id = ${proceedingId} ORDER BY seq`;
    return yield* decodeMessages(agencyId, intakeStreamId(proceedingId))(rows);
  });

/** Brings the receipt and thread of a public report up to date with one of its events. */
const applyIntakeEvent = (
  event: RecordedEvent,
  change: IntakeEvent,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      intakeStreamId(change.proceedingId),
      `concerns proceeding ${change.proceedingId} from another proceeding's stream`,
    );
    const current = yield* loadReceipt(event.agencyId, {
      by: "proceeding",
      proceedingId: change.proceedingId,
    });
    yield* checkVersion(event, current, "its receipt row");
    if (change._tag === "ReceiptIssued") {
      if (Option.isSome(current)) {
        return yield* outOfStep(
          event.agencyId,
          event.streamId,
          `proceeding ${change.proceedingId} has a receipt already`,
        );
      }
      yield* sql`INSERT INTO public_receipts ${sql.insert({
        agency_id: event.agencyId,
        proceeding_id: change.proceedingId,
        receipt_hash: change.receiptHash,
        issued_at: event.occurredAt,
        version: event.streamVersion,
      })}`;
      return;
    }
    if (Option.isNone(current)) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} posts to proceeding ${change.proceedingId}, which has no receipt`,
      );
    }
    yield* sql`INSERT INTO intake_messages ${sql.insert({
      agency_id: event.agencyId,
      proceeding_id: change.proceedingId,
      seq: event.streamVersion,
      sender: change.from,
      by_person: change.by,
      body: change.text,
      posted_on: change.date,
      posted_at: event.occurredAt,
      leaf_index: event.leafIndex,
    })}`;
    yield* sql`UPDATE public_receipts SET version = ${event.streamVersion}
      WHERE agency_id = ${event.agencyId} AND proceeding_id = ${change.proceedingId}`;
  });

/** The public-intake projection, ready for `Projections.layer` (`withAccounts` registers it). */
export const intakeProjection: ProjectionDefinition = {
  name: INTAKE_PROJECTION,
  tables: ["intake_messages", "public_receipts"],
  apply: (event) =>
    isIntakeEvent(event)
      ? Effect.flatMap(decodeIntakeEvent(event), (change) => applyIntakeEvent(event, change))
      : Effect.void,
};
