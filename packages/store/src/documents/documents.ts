/**
 * Issuing official documents: the next 发文顺序号 of the kind and year, the files rendered with it, their
 * bytes kept as attachments and one `Document.Issued` event in the log (document-events.ts).
 *
 * The number is taken by the append itself: the stream `document-numbers/<kind>/<year>` stands at the last
 * serial issued, the document is rendered with the next one and appended at that expected version. If another
 * issue got there first the append fails with `StreamConflict`, nothing is written, and the document is
 * rendered again with the number after theirs. So on SQLite and PostgreSQL alike, concurrent issues never
 * share a number and leave none out.
 *
 * ```ts
 * const documents = yield* Documents;
 * const issued = yield* documents.issue(
 *   { agencyId, kind: "committee-decision", year: 2025, proceeding: { kind: "wrong-case", id: "2025-001" },
 *     issuedOn: "2025-06-30", by: "staff-0005", actor: "account:…" },
 *   (serial) => renderWith(serial),
 * );
 * ```
 */
import { createHash } from "node:crypto";
import { SqlClient, type Statement } from "@effect/sql";
import { StepDate } from "@liuhen/domain";
import { Context, Effect, Layer, Option, Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { Attachments } from "../attachments/attachments.js";
import type { AttachmentAltered, InvalidAttachment } from "../attachments/errors.js";
import type { InvalidEvent } from "../event-log/errors.js";
import { decodeRequest } from "../event-log/event-validation.js";
import { Actor, AgencyId } from "../event-log/identifiers.js";
import { type AppendFailure, type ProjectionError, Projections } from "../projections/projection.js";
import {
  DocumentProceeding,
  documentChange,
  documentNumberStreamId,
  IssuedDocumentKind,
} from "./document-events.js";
import {
  decodeIssuedDocuments,
  ISSUED_DOCUMENT_COLUMNS,
  type IssuedDocument,
} from "./document-projection.js";
import { DocumentNumberContention } from "./errors.js";

export const IssueDocument = Schema.Struct({
  agencyId: AgencyId,
  kind: IssuedDocumentKind,
  year: Schema.Int.pipe(Schema.between(1949, 9999, { message: () => "year: a full four-digit year" })),
  proceeding: DocumentProceeding,
  issuedOn: StepDate,
  by: PersonId,
  actor: Actor,
});
export type IssueDocument = typeof IssueDocument.Encoded;
const decodeIssue = decodeRequest(IssueDocument);

/** What rendering with a serial gives: the document's words, code and files. */
export interface RenderedFiles {
  readonly number: string;
  readonly title: string;
  readonly verificationCode: string;
  readonly textSha256: string;
  readonly citations: ReadonlyArray<string>;
  readonly files: ReadonlyArray<{
    readonly format: "docx" | "pdf";
    readonly bytes: Uint8Array;
    readonly name: string;
    readonly mediaType: string;
  }>;
}

// Each lost race re-renders; this many losses in a row means far more issues at once than a bureau makes.
const MAX_ATTEMPTS = 50;

export type IssueFailure =
  | AppendFailure
  | ProjectionError
  | InvalidEvent
  | InvalidAttachment
  | AttachmentAltered
  | DocumentNumberContention;

export interface DocumentsService {
  readonly issue: <E, R>(
    request: IssueDocument,
    render: (serial: number) => Effect.Effect<RenderedFiles, E, R>,
  ) => Effect.Effect<IssuedDocument, IssueFailure | E, R>;
  /** The documents issued from one proceeding, in the order issued. */
  readonly forProceeding: (
    agencyId: string,
    proceeding: DocumentProceeding,
  ) => Effect.Effect<ReadonlyArray<IssuedDocument>, ProjectionError>;
  /** The documents a verification code names, in any agency (a code is printed for anyone to check). */
  readonly byCode: (code: string) => Effect.Effect<ReadonlyArray<IssuedDocument>, ProjectionError>;
  /** The document a file (DOCX or PDF) of the agency belongs to, by the file's SHA-256. */
  readonly byFile: (
    agencyId: string,
    sha256: string,
  ) => Effect.Effect<ReadonlyArray<IssuedDocument>, ProjectionError>;
  /** The documents of a kind and year, by serial. */
  readonly numbered: (
    agencyId: string,
    kind: string,
    year: number,
  ) => Effect.Effect<ReadonlyArray<IssuedDocument>, ProjectionError>;
}

export const makeDocuments = (
  sql: SqlClient.SqlClient,
  projections: Context.Tag.Service<Projections>,
  attachments: Context.Tag.Service<Attachments>,
): DocumentsService => {
  const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
    Effect.provideService(effect, SqlClient.SqlClient, sql);

  const select = (where: Statement.Fragment, label: { agencyId: string; streamId: string }) =>
    withSql(
      Effect.flatMap(
        sql`SELECT ${sql.literal(ISSUED_DOCUMENT_COLUMNS)} FROM issued_documents WHERE ${where} ORDER BY leaf_index`,
        decodeIssuedDocuments(label.agencyId, label.streamId),
      ),
    );

  const lastSerial = (agencyId: string, kind: string, year: number) =>
    Effect.map(
      sql<{ last: number | string | null }>`SELECT MAX(serial) AS last FROM issued_documents
        WHERE agency_id = ${agencyId} AND kind = ${kind} AND year = ${year}`,
      (rows) => Number(rows[0]?.last ?? 0),
    );

  const issue: DocumentsService["issue"] = (raw, render) =>
    Effect.gen(function* () {
      const request = yield* decodeIssue(raw);
      const streamId = documentNumberStreamId(request.kind, request.year);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const last = yield* lastSerial(request.agencyId, request.kind, request.year);
        const rendered = yield* render(last + 1);
        for (const file of rendered.files) {
          yield* attachments.put({
            agencyId: request.agencyId,
            content: file.bytes,
            name: file.name,
            mediaType: file.mediaType,
            uploadedBy: request.actor,
          });
        }
        const change = documentChange(
          {
            _tag: "DocumentIssued",
            kind: request.kind,
            year: request.year,
            serial: last + 1,
            number: rendered.number,
            title: rendered.title,
            proceeding: request.proceeding,
            verificationCode: rendered.verificationCode,
            textSha256: rendered.textSha256,
            files: rendered.files.map((f) => ({
              format: f.format,
              sha256: sha256Of(f.bytes),
              size: f.bytes.byteLength,
            })) as never,
            issuedOn: request.issuedOn,
            by: request.by,
            citations: rendered.citations as never,
          },
          request.actor,
        );
        const appended = yield* projections
          .append({ agencyId: request.agencyId, streamId, expectedVersion: last, events: [change] })
          .pipe(
            Effect.map(Option.some),
            Effect.catchTag("StreamConflict", () => Effect.succeed(Option.none())),
          );
        if (Option.isSome(appended)) {
          const [issued] = yield* select(
            sql`agency_id = ${request.agencyId} AND kind = ${request.kind} AND year = ${request.year} AND serial = ${last + 1}`,
            { agencyId: request.agencyId, streamId },
          );
          if (issued !== undefined) return issued;
        }
      }
      return yield* new DocumentNumberContention({
        agencyId: request.agencyId,
        kind: request.kind,
        year: request.year,
        attempts: MAX_ATTEMPTS,
      });
    });

  return {
    issue,
    forProceeding: (agencyId, proceeding) =>
      select(
        sql`agency_id = ${agencyId} AND proceeding_kind = ${proceeding.kind} AND proceeding_id = ${proceeding.id}`,
        { agencyId, streamId: `(documents of ${proceeding.kind}/${proceeding.id})` },
      ),
    byCode: (code) => select(sql`verification_code = ${code}`, { agencyId: "*", streamId: `(code ${code})` }),
    byFile: (agencyId, sha256) =>
      select(sql`agency_id = ${agencyId} AND (pdf_sha256 = ${sha256} OR docx_sha256 = ${sha256})`, {
        agencyId,
        streamId: `(file ${sha256})`,
      }),
    numbered: (agencyId, kind, year) =>
      select(sql`agency_id = ${agencyId} AND kind = ${kind} AND year = ${year}`, {
        agencyId,
        streamId: documentNumberStreamId(kind, year),
      }),
  };
};

const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export class Documents extends Context.Tag("@liuhen/store/Documents")<Documents, DocumentsService>() {
  static readonly layer: Layer.Layer<Documents, never, Projections | SqlClient.SqlClient> = Layer.effect(
    Documents,
    Effect.gen(function* () {
      return makeDocuments(yield* SqlClient.SqlClient, yield* Projections, yield* Attachments);
    }),
  ).pipe(Layer.provide(Attachments.layer));
}
