/**
 * Official documents issued (DOCX and PDF after GB/T 9704-2012) as events in the agency's log: each names the
 * document's number, the proceeding it comes from, its verification code, the digest of its words and the
 * SHA-256 of each file, so a paper copy or a file can be checked against the log (全程留痕，有据可查).
 *
 * Stream: `document-numbers/<kind>/<year>`, one per agency, kind and year. Its version is the last serial
 * issued: appending `Document.Issued` with serial n at expected version n − 1 is what allocates n, so two
 * concurrent issues can never both take the same number, and no number is skipped (a try that loses the race
 * appends nothing and retries with the next).
 */
import { CitationId, StepDate } from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";

/** A document kind as the rendering package names it: `committee-decision`, `interference-notification`. */
export const IssuedDocumentKind = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z-]{1,49}$/, { message: () => "a document kind is 2-50 lower-case letters or -" }),
);

const Sha256Hex = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, { message: () => "a SHA-256 digest is 64 lower-case hex digits" }),
);

/** The code printed in the footer: 12 characters of Crockford base 32, as XXXX-XXXX-XXXX. */
export const VerificationCode = Schema.String.pipe(
  Schema.pattern(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, {
    message: () => "a verification code is written XXXX-XXXX-XXXX in digits and capital letters",
  }),
);
export type VerificationCode = typeof VerificationCode.Type;

export const IssuedFile = Schema.Struct({
  format: Schema.Literal("docx", "pdf"),
  sha256: Sha256Hex,
  size: Schema.Int.pipe(Schema.positive()),
});
export type IssuedFile = typeof IssuedFile.Type;

export const DocumentProceeding = Schema.Struct({
  kind: Schema.Literal("wrong-case", "interference"),
  id: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
});
export type DocumentProceeding = typeof DocumentProceeding.Type;

export const DocumentIssued = Schema.TaggedStruct("DocumentIssued", {
  kind: IssuedDocumentKind,
  year: Schema.Int.pipe(Schema.between(1949, 9999)),
  /** 发文顺序号: the stream's version after this event. */
  serial: Schema.Int.pipe(Schema.positive()),
  /** The number as written on the document, 黔江市监发〔2020〕95号. */
  number: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
  title: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500)),
  proceeding: DocumentProceeding,
  verificationCode: VerificationCode,
  /** SHA-256 of the document's words without white space: what a retyped paper copy is checked against. */
  textSha256: Sha256Hex,
  files: Schema.NonEmptyArray(IssuedFile),
  issuedOn: StepDate,
  by: PersonId,
  /** The articles the document rests on. */
  citations: Schema.Array(CitationId),
});
export type DocumentIssued = typeof DocumentIssued.Type;

export const DocumentEvent = Schema.Union(DocumentIssued);
export type DocumentEvent = typeof DocumentEvent.Type;

export const {
  types: documentEventTypes,
  change: documentChange,
  is: isDocumentEvent,
  decode: decodeDocumentEvent,
} = eventFamily({
  what: "document change",
  payload: DocumentEvent,
  prefix: "Document.",
  names: { DocumentIssued: "Document.Issued" },
  citations: (event) => event.citations,
});

export const documentNumberStreamId = (kind: string, year: number): string =>
  `document-numbers/${kind}/${year}`;
