/**
 * Official documents' files over plain HTTP beside tRPC (a file is bytes, not JSON). Who may download is the
 * API's (packages/api documents/document-files.ts: whoever may read the proceeding the document was issued
 * from); this module reads the request and writes the response.
 *
 * `GET /documents/<sha256>` — the DOCX or PDF whose SHA-256 the `Document.Issued` event recorded, as a
 *   download, to a signed-in caller who may read its proceeding; 404 to everyone else, as for a file never
 *   issued. The bytes are re-hashed as they are read: bytes that no longer match are refused with 500.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiContext, authenticate, ERROR_CODES, type ErrorTag, readDocumentFile } from "@liuhen/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { Cause, Effect, Exit, Option } from "effect";
import { presentedBy } from "./request-credentials.js";

export const DOCUMENTS_PATH = "/documents";

export const isDocumentsPath = (path: string): boolean => path.startsWith(`${DOCUMENTS_PATH}/`);

const SHA256 = /^[0-9a-f]{64}$/u;

const refuse = (res: ServerResponse, tag: ErrorTag, detail: string) => {
  const row = ERROR_CODES[tag];
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: row.code }));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(
    JSON.stringify({
      error: {
        message: `${row.zh} / ${row.en}: ${detail}`,
        data: { code: row.code, httpStatus: status, tag, zh: row.zh, en: row.en, field: null },
      },
    }),
  );
};

/** RFC 6266 with RFC 8187: the Chinese name percent-encoded, an ASCII fallback beside it. */
const contentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/gu, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const documentsEndpoint =
  ({ runtime }: { readonly runtime: ApiContext["runtime"] }) =>
  async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const sha256 = path.slice(DOCUMENTS_PATH.length + 1);
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET", "content-type": "text/plain; charset=utf-8" });
      return void res.end("GET only");
    }
    if (!SHA256.test(sha256)) return refuse(res, "InvalidInput", "a document file is named by its SHA-256");
    const signedIn = await runtime.runPromiseExit(authenticate(presentedBy(req)));
    if (Exit.isFailure(signedIn) || Option.isNone(signedIn.value)) {
      return refuse(res, "Unauthenticated", "no valid session or token");
    }
    const { caller } = signedIn.value.value;
    if (caller.mustChangePassword) return refuse(res, "PasswordChangeRequired", "change the password first");
    const exit = await runtime.runPromiseExit(readDocumentFile(caller, sha256));
    if (Exit.isFailure(exit)) {
      runtime.runFork(
        Effect.logError("document download failed").pipe(
          Effect.annotateLogs({ cause: Cause.pretty(exit.cause) }),
        ),
      );
      const failure = Cause.failureOption(exit.cause);
      const altered =
        Option.isSome(failure) && (failure.value as { _tag?: string })._tag === "AttachmentAltered";
      if (altered) return refuse(res, "AttachmentAltered", sha256);
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      return void res.end("internal error");
    }
    if (Option.isNone(exit.value)) return refuse(res, "NotFound", "no such document file");
    const { name, mediaType, content } = exit.value.value;
    res.writeHead(200, {
      "content-type": mediaType,
      "content-length": String(content.byteLength),
      "content-disposition": contentDisposition(name),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    res.end(content);
  };
