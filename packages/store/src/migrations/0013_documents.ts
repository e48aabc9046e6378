/**
 * Official documents issued (GB/T 9704-2012 DOCX and PDF). Every row carries agency_id.
 *
 * `issued_documents` is the `issued-documents` projection (src/documents/document-projection.ts), derived from
 * the `Document.Issued` events. The primary key is the number itself (agency, kind, year, serial): a number
 * cannot be issued twice. The files' bytes are kept as attachments (`0012_attachments`), by their SHA-256.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  yield* sql`CREATE TABLE issued_documents (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    kind TEXT NOT NULL,
    year BIGINT NOT NULL CHECK (year >= 1949),
    serial BIGINT NOT NULL CHECK (serial >= 1),
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    proceeding_kind TEXT NOT NULL CHECK (proceeding_kind IN ('wrong-case', 'interference')),
    proceeding_id TEXT NOT NULL,
    verification_code TEXT NOT NULL,
    text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
    docx_sha256 TEXT CHECK (docx_sha256 IS NULL OR length(docx_sha256) = 64),
    pdf_sha256 TEXT CHECK (pdf_sha256 IS NULL OR length(pdf_sha256) = 64),
    issued_on TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    PRIMARY KEY (agency_id, kind, year, serial)
  )`;
  yield* sql`CREATE INDEX issued_documents_by_code ON issued_documents (verification_code)`;
  yield* sql`CREATE INDEX issued_documents_by_proceeding ON issued_documents (agency_id, proceeding_kind, proceeding_id)`;
});
