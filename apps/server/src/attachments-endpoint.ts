/**
 * Files attached to steps, over plain HTTP beside tRPC (a file is bytes, not JSON). Who may do what is the
 * API's (packages/api case-files/attachment-access.ts); this module reads requests and writes responses.
 *
 * `POST /attachments` — the body is the file, `content-type` its media type (application/octet-stream when
 *   absent), `x-liuhen-filename` its name as percent-encoded UTF-8 (`encodeURIComponent("现场照片.jpg")`).
 *   Signed in as for a tRPC change: the session cookie with its CSRF token in `x-liuhen-csrf`, or a bearer
 *   token; not while the password must still be changed. A file over `maxAttachmentBytes` is refused with
 *   413: at once when its Content-Length says so, else as soon as that many bytes have come; never more is
 *   held. Answers 201 (stored now) or 200 (these bytes were stored before) with
 *   `{ sha256, size, mediaType, name }`: the reference `wrongCase.logInvestigation` takes the sha256 of.
 * `GET /attachments/<sha256>` — the file, to whoever stored it or may read a case file that references it;
 *   to everyone else 404, as for a file never stored. Sent as a download (`content-disposition: attachment`)
 *   that the browser must not sniff or cache. Bytes that no longer match their hash are refused with 500
 *   `AttachmentAltered`: the file cannot be trusted, and the server's log says which.
 *
 * Refusals have tRPC's error shape (`error.data.tag`, `zh`, `en`, `field`), as the rest of the server's.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ApiContext,
  authenticate,
  type Caller,
  ERROR_CODES,
  type ErrorTag,
  readAttachment,
  storeAttachment,
} from "@liuhen/api";
import { AttachmentName, MediaType } from "@liuhen/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { Cause, Effect, Either, Exit, Option, ParseResult, Schema } from "effect";
import { CSRF_HEADER, presentedBy } from "./request-credentials.js";

export const ATTACHMENTS_PATH = "/attachments";
export const FILENAME_HEADER = "x-liuhen-filename";

/** Whether a request is this endpoint's. */
export const isAttachmentsPath = (path: string): boolean =>
  path === ATTACHMENTS_PATH || path.startsWith(`${ATTACHMENTS_PATH}/`);

export interface AttachmentsEndpointOptions {
  readonly runtime: ApiContext["runtime"];
  /** The largest file taken, in bytes. */
  readonly maxAttachmentBytes: number;
}

type CodeKey = keyof typeof TRPC_ERROR_CODES_BY_KEY;

interface Refusal {
  readonly code: CodeKey;
  readonly tag: string;
  readonly zh: string;
  readonly en: string;
  readonly detail?: string | undefined;
  readonly field?: ReadonlyArray<string | number> | undefined;
}

const tagged = (tag: ErrorTag, detail?: string, field?: ReadonlyArray<string | number>): Refusal => ({
  ...ERROR_CODES[tag],
  tag,
  detail,
  field,
});

const INTERNAL: Refusal = {
  code: "INTERNAL_SERVER_ERROR",
  tag: "Internal",
  zh: "服务器内部错误",
  en: "Internal server error",
};

const tooLarge = (limit: number): Refusal => ({
  code: "PAYLOAD_TOO_LARGE",
  tag: "PAYLOAD_TOO_LARGE",
  zh: "文件过大",
  en: "The file is too large",
  detail: `at most ${limit} bytes`,
});

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? null) : null;
};

/**
 * Writes a refusal. `close` drops the connection after it, for a request whose body is left unread: the
 * server would otherwise read all of it, however large, to keep the connection.
 */
const refuse = (
  res: ServerResponse,
  refusal: Refusal,
  close: boolean,
  extra: Record<string, string> = {},
) => {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: refusal.code }));
  const message = `${refusal.zh} / ${refusal.en}${refusal.detail ? `: ${refusal.detail}` : ""}`;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...(close ? { connection: "close" } : {}),
    ...extra,
  });
  res.end(
    JSON.stringify({
      error: {
        message,
        code: TRPC_ERROR_CODES_BY_KEY[refusal.code],
        data: {
          code: refusal.code,
          httpStatus: status,
          tag: refusal.tag,
          zh: refusal.zh,
          en: refusal.en,
          field: refusal.field ?? null,
        },
      },
    }),
  );
};

const firstIssue = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)[0]?.message ?? "invalid";

const decodeName = Schema.decodeUnknownEither(AttachmentName);
const decodeMediaType = Schema.decodeUnknownEither(MediaType);

/** The file's name and media type from the headers, or what is wrong with them. */
const describedFile = (
  req: IncomingMessage,
): Either.Either<{ readonly name: string; readonly mediaType: string }, Refusal> => {
  const encoded = header(req, FILENAME_HEADER);
  if (encoded === null || encoded === "") {
    return Either.left(
      tagged("InvalidInput", `${FILENAME_HEADER}: name the file (percent-encoded UTF-8)`, [FILENAME_HEADER]),
    );
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return Either.left(
      tagged("InvalidInput", `${FILENAME_HEADER}: not percent-encoded UTF-8`, [FILENAME_HEADER]),
    );
  }
  const name = decodeName(decoded);
  if (Either.isLeft(name)) {
    return Either.left(
      tagged("InvalidInput", `${FILENAME_HEADER}: ${firstIssue(name.left)}`, [FILENAME_HEADER]),
    );
  }
  // The essence only: parameters such as charset say nothing a download needs.
  const given = (header(req, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const mediaType = decodeMediaType(given === "" ? "application/octet-stream" : given);
  if (Either.isLeft(mediaType)) {
    return Either.left(
      tagged("InvalidInput", `content-type: ${firstIssue(mediaType.left)}`, ["content-type"]),
    );
  }
  return Either.right({ name: name.right, mediaType: mediaType.right });
};

type Body =
  | { readonly _tag: "Read"; readonly content: Buffer }
  | { readonly _tag: "TooLarge" }
  | { readonly _tag: "Aborted" };

/** The request's body, as it streams in, up to `limit` bytes; past that it is left unread. */
const readBody = (req: IncomingMessage, limit: number): Promise<Body> =>
  new Promise((resolve) => {
    const chunks: Array<Buffer> = [];
    let size = 0;
    let settled = false;
    const settle = (body: Body) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        settle({ _tag: "TooLarge" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => settle({ _tag: "Read", content: Buffer.concat(chunks, size) }));
    req.once("error", () => settle({ _tag: "Aborted" }));
    req.once("close", () => settle({ _tag: "Aborted" }));
  });

/** RFC 8187 ext-value: what is not an attr-char is percent-encoded (encodeURIComponent leaves ' ( ) *). */
const extValue = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 6266: the UTF-8 name, with a plain-ASCII one for clients that read only `filename`. */
const contentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${extValue(name)}`;

export const attachmentsEndpoint = (options: AttachmentsEndpointOptions) => {
  const { runtime, maxAttachmentBytes } = options;

  const logError = (message: string, fields: Record<string, unknown>) =>
    runtime.runFork(Effect.logError(message).pipe(Effect.annotateLogs(fields)));

  /** A tagged failure of the API as a refusal; anything else is internal, its details logged. */
  const failed = <E>(cause: Cause.Cause<E>, what: string): Refusal => {
    const failure = Cause.failureOption(cause);
    if (Option.isSome(failure)) {
      const error = failure.value as { readonly _tag?: unknown; readonly message?: unknown };
      if (error._tag === "AttachmentAltered") {
        logError("attachment altered", { what, cause: Cause.pretty(cause) });
        return tagged("AttachmentAltered");
      }
      if (error._tag === "InvalidAttachment") {
        return tagged("InvalidAttachment", typeof error.message === "string" ? error.message : undefined);
      }
    }
    logError("attachment request failed", { what, cause: Cause.pretty(cause) });
    return INTERNAL;
  };

  /** Who asks, or the refusal: as tRPC's `protectedProcedure`, a change needing the session's CSRF token. */
  const callerOf = async (req: IncomingMessage, change: boolean): Promise<Either.Either<Caller, Refusal>> => {
    const exit = await runtime.runPromiseExit(authenticate(presentedBy(req)));
    if (Exit.isFailure(exit)) return Either.left(failed(exit.cause, "authenticate"));
    if (Option.isNone(exit.value)) return Either.left(tagged("Unauthenticated", "no valid session or token"));
    const { caller, credential } = exit.value.value;
    if (change && credential.kind === "session" && credential.csrf !== "matches") {
      return Either.left(
        tagged(
          "CsrfMismatch",
          credential.csrf === "missing"
            ? `a change needs the ${CSRF_HEADER} header`
            : `the ${CSRF_HEADER} header is not this session's token`,
        ),
      );
    }
    if (caller.mustChangePassword) {
      return Either.left(
        tagged("PasswordChangeRequired", "the password was set by someone else: change it first"),
      );
    }
    return Either.right(caller);
  };

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(header(req, "content-length") ?? 0);
    if (Number.isFinite(declared) && declared > maxAttachmentBytes) {
      return refuse(res, tooLarge(maxAttachmentBytes), true);
    }
    const caller = await callerOf(req, true);
    if (Either.isLeft(caller)) return refuse(res, caller.left, true);
    const file = describedFile(req);
    if (Either.isLeft(file)) return refuse(res, file.left, true);
    const body = await readBody(req, maxAttachmentBytes);
    if (body._tag === "Aborted") return;
    if (body._tag === "TooLarge") return refuse(res, tooLarge(maxAttachmentBytes), true);
    const exit = await runtime.runPromiseExit(
      storeAttachment(caller.right, { content: body.content, ...file.right }),
    );
    if (Exit.isFailure(exit)) return refuse(res, failed(exit.cause, "store"), false);
    const { ref, stored } = exit.value;
    res.writeHead(stored ? 201 : 200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
    });
    res.end(JSON.stringify({ sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType, name: ref.name }));
  };

  const download = async (req: IncomingMessage, res: ServerResponse, sha256: string) => {
    const caller = await callerOf(req, false);
    if (Either.isLeft(caller)) return refuse(res, caller.left, false);
    const exit = await runtime.runPromiseExit(readAttachment(caller.right, sha256));
    if (Exit.isFailure(exit)) return refuse(res, failed(exit.cause, `read ${sha256}`), false);
    if (Option.isNone(exit.value)) return refuse(res, tagged("NotFound", "no such file"), false);
    const { ref, content } = exit.value.value;
    res.writeHead(200, {
      "content-type": ref.mediaType,
      "content-length": String(content.byteLength),
      "content-disposition": contentDisposition(ref.name),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      // Should it be opened in place after all, it runs nothing and loads nothing.
      "content-security-policy": "default-src 'none'; sandbox",
    });
    res.end(content);
  };

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    try {
      const rest = path.slice(ATTACHMENTS_PATH.length);
      if (rest === "" || rest === "/") {
        if (req.method === "POST") return await upload(req, res);
        return refuse(res, methodNotAllowed, true, { allow: "POST" });
      }
      if (req.method === "GET") return await download(req, res, rest.slice(1));
      return refuse(res, methodNotAllowed, true, { allow: "GET" });
    } catch (error) {
      logError("attachment request failed", { path, cause: String(error) });
      if (!res.headersSent) refuse(res, INTERNAL, true);
      else res.destroy();
    }
  };
};

const methodNotAllowed: Refusal = {
  code: "METHOD_NOT_SUPPORTED",
  tag: "METHOD_NOT_SUPPORTED",
  zh: "不支持该请求方法",
  en: "Method not allowed",
};
