/**
 * Files attached to steps (src/attachments/): content-addressed blobs per agency. Every row carries agency_id.
 *
 * `attachments` is not a projection: it is not derived from the log, and a rebuild leaves it alone. The log
 * commits to each file through the SHA-256 the referencing event records, so a blob changed here no longer
 * matches (the store re-hashes on every read). A row is never rewritten — the same content is the same row,
 * other content another row — so UPDATE is refused; DELETE stays possible for an operator who must remove a
 * file (the log keeps its hash, and the file then reads as gone).
 *
 * `attachment_uploads` keeps each account that stored the bytes, with the name and media type it gave: the
 * same bytes stored by a second person are one blob, but that person gets back (and may use) their own name,
 * never learning the first uploader's. Neither table is derived from the log.
 */
import { SqlClient } from "@effect/sql";
import { Effect } from "effect";

const REFUSAL =
  "liuhen: UPDATE on attachments refused: a file is addressed by its content, new content is a new attachment";

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const bytes = sql.onDialectOrElse({ pg: () => "BYTEA", orElse: () => "BLOB" });

  yield* sql`CREATE TABLE attachments (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL CHECK (size >= 0),
    content ${sql.literal(bytes)} NOT NULL,
    name TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, sha256)
  )`;

  yield* sql`CREATE TABLE attachment_uploads (
    agency_id TEXT NOT NULL REFERENCES log_heads (agency_id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    uploaded_by TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, sha256, uploaded_by)
  )`;

  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* sql`CREATE FUNCTION liuhen_refuse_attachment_update() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION ${sql.literal(`'${REFUSAL}'`)} USING ERRCODE = 'insufficient_privilege';
          END
        $$`;
        yield* sql`CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
          FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_attachment_update()`;
      }),
    orElse: () =>
      sql`CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
        BEGIN ${sql.literal(`SELECT RAISE(ABORT, '${REFUSAL}')`)}; END`,
  });
});
