/**
 * Official documents from a case file: who may generate which kind, the model built from the proceeding's
 * state with the directory's names, the number taken from the store, and who may download the files. The
 * rendering is @liuhen/documents'; the rules of access are the same as for reading the file (need-to-know).
 */
import {
  agencyAbbreviationOf,
  buildDocument,
  DOCUMENT_KIND_INFO,
  type DocumentKind,
  DocumentNotAvailable,
  type DocumentSource,
  formatDocumentNumber,
  renderDocument,
} from "@liuhen/documents";
import { Regimes, type Role, readAccess } from "@liuhen/domain";
import { Attachments, Directory, Documents, type IssuedDocument, Proceedings } from "@liuhen/store";
import { Effect, Either, Option } from "effect";
import { personOf, viewerOf } from "../case-files/case-actor.js";
import { today } from "../case-files/case-clock.js";
import {
  interferenceFileFacts,
  interferenceSubjectRoute,
  interferenceSubjects,
} from "../case-files/interference-file.js";
import { wrongCaseFileFacts } from "../case-files/wrong-case-file.js";
import type { Caller } from "../context.js";
import { Forbidden, NotFound } from "../errors/api-errors.js";

/**
 * Who issues each kind: the role whose step the document belongs to. WC.10.1 answers and transfers, WC.7
 * proposals and the WC.12 notice are the legal section's (WC.3 法治科具体承担……); the WC.10.3 decision is the
 * party committee's; the referral is the committee's or the legal section's (WC.10.3, IF.11); the IF.10
 * notification is prepared by the legal section once the head has approved it.
 */
export const DOCUMENT_ROLES: Readonly<Record<DocumentKind, readonly [Role, ...Array<Role>]>> = {
  "reporter-reply": ["legal-officer"],
  "transfer-letter": ["legal-officer"],
  "handling-proposal": ["legal-officer"],
  "committee-decision": ["committee"],
  "statement-notice": ["legal-officer"],
  "referral-letter": ["committee", "legal-officer"],
  "interference-notification": ["legal-officer", "head"],
};

export type ProceedingRef = { readonly kind: "wrong-case" | "interference"; readonly id: string };

/** The proceeding's state as a document source, if the caller may read the file. */
export const readableSource = (caller: Caller, proceeding: ProceedingRef) =>
  Effect.gen(function* () {
    const person = yield* personOf(caller);
    const proceedings = yield* Proceedings;
    const viewer = viewerOf(caller, person);
    if (proceeding.kind === "wrong-case") {
      const found = yield* proceedings.wrongCase(caller.agencyId, proceeding.id);
      if (Option.isNone(found)) {
        return yield* new NotFound({
          message: `no wrong-case proceeding ${proceeding.id}`,
          what: "proceeding",
        });
      }
      if (!readAccess(viewer, wrongCaseFileFacts(found.value.state)).read) {
        return yield* new Forbidden({ message: `you may not read proceeding ${proceeding.id}` });
      }
      return { proceeding: "wrong-case", state: found.value.state } as const;
    }
    const found = yield* proceedings.interferenceRecord(caller.agencyId, proceeding.id);
    if (Option.isNone(found)) {
      return yield* new NotFound({
        message: `no interference record ${proceeding.id}`,
        what: "interference record",
      });
    }
    const route = yield* interferenceSubjectRoute(caller.agencyId, interferenceSubjects(found.value.state));
    if (!readAccess(viewer, interferenceFileFacts(found.value.state, route)).read) {
      return yield* new Forbidden({ message: `you may not read interference record ${proceeding.id}` });
    }
    return { proceeding: "interference", state: found.value.state } as const;
  });

const MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** Generates a document from a readable proceeding: numbered, rendered, stored and logged. */
export const generateDocument = (
  caller: Caller,
  request: {
    readonly proceeding: ProceedingRef;
    readonly kind: DocumentKind;
    readonly officer?: string | undefined;
  },
) =>
  Effect.gen(function* () {
    if (!DOCUMENT_ROLES[request.kind].some((role) => caller.roles.includes(role))) {
      return yield* new Forbidden({
        message: `kind: a ${request.kind} is issued by the role ${DOCUMENT_ROLES[request.kind].join(" or ")}`,
      });
    }
    const person = yield* personOf(caller);
    const readable = yield* readableSource(caller, request.proceeding);
    const source: DocumentSource =
      readable.proceeding === "wrong-case"
        ? { proceeding: "wrong-case", state: readable.state, officer: request.officer ?? null }
        : { proceeding: "interference", state: readable.state };
    const regime = Either.getOrThrow((yield* Regimes).find());
    const people = yield* Effect.flatMap(Directory, (directory) => directory.list(caller.agencyId));
    const names = new Map(people.map((p) => [p.personId as string, p.name as string]));
    const issuedOn = yield* today;
    const context = (serial: number) => ({
      regime,
      nameOf: (id: string) => names.get(id) ?? id,
      agencyAbbreviation: agencyAbbreviationOf(regime),
      issuedOn,
      serial,
    });
    // Refused before a number is taken: a document the proceeding has not reached uses up no number.
    const check = buildDocument(request.kind, source, context(1));
    if (Either.isLeft(check)) return yield* check.left;
    const documents = yield* Documents;
    return yield* documents.issue(
      {
        agencyId: caller.agencyId,
        kind: request.kind,
        year: Number(issuedOn.slice(0, 4)),
        proceeding: request.proceeding,
        issuedOn,
        by: person,
        actor: `account:${caller.accountId}`,
      },
      (serial) =>
        Effect.gen(function* () {
          const model = buildDocument(request.kind, source, context(serial));
          if (Either.isLeft(model)) return yield* model.left;
          const rendered = yield* Effect.promise(() => renderDocument(model.right));
          const number = formatDocumentNumber(model.right.number);
          const base = `${number}${DOCUMENT_KIND_INFO[request.kind].label.zh}`;
          return {
            number,
            title: model.right.title,
            verificationCode: rendered.verificationCode,
            textSha256: rendered.textSha256,
            citations: model.right.citations,
            files: [
              {
                format: "pdf" as const,
                bytes: rendered.pdf.bytes,
                name: `${base}.pdf`,
                mediaType: MEDIA_TYPES.pdf,
              },
              {
                format: "docx" as const,
                bytes: rendered.docx.bytes,
                name: `${base}.docx`,
                mediaType: MEDIA_TYPES.docx,
              },
            ],
          };
        }),
    );
  });

/** A document as the API answers it: its number, code and the files' hashes and download paths. */
export const documentView = (d: IssuedDocument) => ({
  kind: d.kind,
  number: d.number,
  title: d.title,
  proceeding: { kind: d.proceedingKind, id: d.proceedingId },
  verificationCode: d.verificationCode,
  issuedOn: d.issuedOn,
  textSha256: d.textSha256,
  files: [
    { format: "pdf" as const, sha256: d.pdfSha256, path: `/documents/${d.pdfSha256}` },
    { format: "docx" as const, sha256: d.docxSha256, path: `/documents/${d.docxSha256}` },
  ],
});

/** The documents issued from a proceeding the caller may read. */
export const listDocuments = (caller: Caller, proceeding: ProceedingRef) =>
  Effect.gen(function* () {
    yield* readableSource(caller, proceeding);
    const issued = yield* Effect.flatMap(Documents, (documents) =>
      documents.forProceeding(caller.agencyId, proceeding),
    );
    return issued.map(documentView);
  });

/**
 * A document's file, to whoever may read the proceeding it was issued from; to anyone else `None`, as for a
 * file never issued. The bytes are re-hashed as they are read (`Attachments.get`).
 */
export const readDocumentFile = (caller: Caller, sha256: string) =>
  Effect.gen(function* () {
    const documents = yield* Documents;
    const [issued] = yield* documents.byFile(caller.agencyId, sha256);
    if (issued === undefined) return Option.none();
    const readable = yield* Effect.either(
      readableSource(caller, { kind: issued.proceedingKind, id: issued.proceedingId }),
    );
    if (Either.isLeft(readable)) return Option.none();
    const stored = yield* Effect.flatMap(Attachments, (attachments) =>
      attachments.get(caller.agencyId, sha256),
    );
    return Option.map(stored, ({ attachment, content }) => ({
      name: attachment.name,
      mediaType: attachment.mediaType,
      content,
    }));
  });

/**
 * Anyone may check a code: what the log recorded for it (number, title, date, digests), and, given a file's
 * SHA-256, whether it is one of the files issued. Nothing of the proceeding beyond the document's own heading.
 */
export const verifyDocument = (code: string, sha256: string | null) =>
  Effect.gen(function* () {
    const issued = yield* Effect.flatMap(Documents, (documents) => documents.byCode(code));
    return {
      code,
      found: issued.length > 0,
      documents: issued.map((d) => ({
        number: d.number,
        title: d.title,
        kind: d.kind,
        issuedOn: d.issuedOn,
        textSha256: d.textSha256,
        files: [
          { format: "pdf" as const, sha256: d.pdfSha256 },
          { format: "docx" as const, sha256: d.docxSha256 },
        ],
        fileMatches: sha256 === null ? null : d.pdfSha256 === sha256 || d.docxSha256 === sha256,
      })),
    };
  });

export { DocumentNotAvailable };
