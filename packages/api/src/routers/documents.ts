/**
 * Official documents over HTTP (issue 8): `generate` numbers, renders (DOCX and PDF after GB/T 9704-2012),
 * stores and logs one document from a proceeding the caller may read, when they hold the role whose step it
 * belongs to (`DOCUMENT_ROLES`); `list` shows a readable proceeding's documents; `verify` lets anyone check a
 * verification code (and a file's SHA-256) against the log. Files are downloaded from `/documents/<sha256>`.
 */
import { DocumentKind } from "@liuhen/documents";
import { InterferenceRecordNumber, WrongCaseNumber } from "@liuhen/store";
import { Effect, Schema } from "effect";
import { Person } from "../case-files/bounded-text.js";
import { generateDocument, listDocuments, verifyDocument } from "../documents/document-files.js";
import { input, protectedProcedure, publicProcedure, router, run } from "../trpc.js";

const ProceedingRef = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("wrong-case"), id: WrongCaseNumber }),
  Schema.Struct({ kind: Schema.Literal("interference"), id: InterferenceRecordNumber }),
);

/** A code as printed (XXXX-XXXX-XXXX), typed in any case, with or without the dashes. */
const TypedCode = Schema.transform(
  Schema.String.pipe(Schema.maxLength(40, { message: () => "a verification code is 12 characters" })),
  Schema.String.pipe(
    Schema.pattern(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, {
      message: () => "a verification code is 12 letters and digits, printed XXXX-XXXX-XXXX",
    }),
  ),
  {
    strict: true,
    decode: (typed) => {
      // Crockford base 32: I and L read as 1, O as 0; spaces and dashes are only for reading.
      const plain = typed.toUpperCase().replace(/[\s-]/gu, "").replace(/[IL]/gu, "1").replace(/O/gu, "0");
      return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
    },
    encode: (code) => code,
  },
);

const Sha256 = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, { message: () => "a SHA-256 digest is 64 lower-case hex digits" }),
);

export const documentsRouter = router({
  generate: protectedProcedure
    .input(
      input(
        Schema.Struct({ proceeding: ProceedingRef, kind: DocumentKind, officer: Schema.optional(Person) }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.map(generateDocument(ctx.caller, request), (issued) => ({
          number: issued.number,
          verificationCode: issued.verificationCode,
          files: [
            { format: "pdf" as const, sha256: issued.pdfSha256, path: `/documents/${issued.pdfSha256}` },
            { format: "docx" as const, sha256: issued.docxSha256, path: `/documents/${issued.docxSha256}` },
          ],
        })),
      ),
    ),

  list: protectedProcedure
    .input(input(Schema.Struct({ proceeding: ProceedingRef })))
    .query(({ ctx, input: request }) => run(ctx, listDocuments(ctx.caller, request.proceeding))),

  /** Public: a paper copy's code, and optionally a file's SHA-256, against the log. */
  verify: publicProcedure
    .input(input(Schema.Struct({ code: TypedCode, sha256: Schema.optional(Sha256) })))
    .query(({ ctx, input: request }) => run(ctx, verifyDocument(request.code, request.sha256 ?? null))),
});
