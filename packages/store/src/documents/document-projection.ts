/**
 * The `issued-documents` projection: one row per document issued, derived from its `Document.Issued` event
 * alone (`issued_at` the log's `occurred_at`, `leaf_index` its position), so a rebuild reproduces it. The
 * serial must be the event's stream version: a number repeated or skipped means the table is out of step.
 */
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import { Effect, Schema } from "effect";
import type { RecordedEvent } from "../event-log/event.js";
import { DbInt } from "../event-log/rows.js";
import type { ProjectionDefinition, ProjectionOutOfStep } from "../projections/projection.js";
import { projectionRows } from "../projections/projection-rows.js";
import {
  type DocumentIssued,
  decodeDocumentEvent,
  documentNumberStreamId,
  isDocumentEvent,
} from "./document-events.js";

export const ISSUED_DOCUMENTS_PROJECTION = "issued-documents";

/** A document issued, as its row holds it. */
export class IssuedDocument extends Schema.Class<IssuedDocument>("IssuedDocument")({
  agencyId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("agency_id")),
  kind: Schema.String,
  year: DbInt,
  serial: DbInt,
  number: Schema.String,
  title: Schema.String,
  proceedingKind: Schema.propertySignature(Schema.Literal("wrong-case", "interference")).pipe(
    Schema.fromKey("proceeding_kind"),
  ),
  proceedingId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("proceeding_id")),
  verificationCode: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("verification_code")),
  textSha256: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("text_sha256")),
  docxSha256: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("docx_sha256")),
  pdfSha256: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("pdf_sha256")),
  issuedOn: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("issued_on")),
  issuedBy: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("issued_by")),
  issuedAt: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("issued_at")),
  leafIndex: Schema.propertySignature(DbInt).pipe(Schema.fromKey("leaf_index")),
}) {}

export const ISSUED_DOCUMENT_COLUMNS =
  "agency_id, kind, year, serial, number, title, proceeding_kind, proceeding_id, verification_code, text_sha256, docx_sha256, pdf_sha256, issued_on, issued_by, issued_at, leaf_index";

const { outOfStep, decodeRows, checkStream } = projectionRows(ISSUED_DOCUMENTS_PROJECTION);
export const decodeIssuedDocuments = decodeRows(IssuedDocument, "an issued document row");

const fileHash = (change: DocumentIssued, format: "docx" | "pdf") =>
  change.files.find((f) => f.format === format)?.sha256 ?? null;

const applyIssued = (
  event: RecordedEvent,
  change: DocumentIssued,
): Effect.Effect<void, ProjectionOutOfStep | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* checkStream(
      event,
      documentNumberStreamId(change.kind, change.year),
      `issues a ${change.kind} of ${change.year} from another numbering stream`,
    );
    // GB/T 9704-2012 7.2.3 发文顺序号: consecutive from 1 in the year, the stream's version.
    if (change.serial !== event.streamVersion) {
      return yield* outOfStep(
        event.agencyId,
        event.streamId,
        `event ${event.id} issues serial ${change.serial} as version ${event.streamVersion}`,
      );
    }
    yield* sql`INSERT INTO issued_documents ${sql.insert({
      agency_id: event.agencyId,
      kind: change.kind,
      year: change.year,
      serial: change.serial,
      number: change.number,
      title: change.title,
      proceeding_kind: change.proceeding.kind,
      proceeding_id: change.proceeding.id,
      verification_code: change.verificationCode,
      text_sha256: change.textSha256,
      docx_sha256: fileHash(change, "docx"),
      pdf_sha256: fileHash(change, "pdf"),
      issued_on: change.issuedOn,
      issued_by: change.by,
      issued_at: event.occurredAt,
      leaf_index: event.leafIndex,
    })}`;
  });

/** The issued-documents projection, ready for `Projections.layer`. */
export const issuedDocumentsProjection: ProjectionDefinition = {
  name: ISSUED_DOCUMENTS_PROJECTION,
  tables: ["issued_documents"],
  apply: (event) =>
    isDocumentEvent(event)
      ? Effect.flatMap(decodeDocumentEvent(event), (change) => applyIssued(event, change))
      : Effect.void,
};
