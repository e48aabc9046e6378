/**
 * From an Effect's failure to a TRPCError: a tagged failure keeps its tag, gets its code from the one map
 * (`error-codes.ts`) and a message in Chinese and English; anything else (a defect) becomes a plain
 * internal error whose details stay in the server's log. No stack trace leaves the server.
 */
import { TRPCError } from "@trpc/server";
import { Cause, Option } from "effect";
import { ERROR_CODES, isErrorTag } from "./error-codes.js";

/** What a client reads in `error.data` besides tRPC's own fields. */
export interface ErrorData {
  readonly tag: string;
  readonly zh: string;
  readonly en: string;
  /** The input field the error concerns, when it concerns one. */
  readonly field: ReadonlyArray<string | number> | null;
}

export class TaggedTRPCError extends TRPCError {
  constructor(
    readonly data: ErrorData,
    code: TRPCError["code"],
    message: string,
    /** For the server's log only; never sent. */
    cause?: unknown,
  ) {
    super({ code, message, cause });
  }
}

const fieldOf = (error: object): ReadonlyArray<string | number> | null => {
  const path = (error as { path?: unknown }).path ?? (error as { field?: unknown }).field;
  if (Array.isArray(path))
    return path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  if (typeof path === "string") return path.split(/[.[\]]/).filter(Boolean);
  return null;
};

export const fromTagged = (error: {
  readonly _tag: string;
  readonly message?: string;
  readonly path?: ReadonlyArray<string | number>;
}): TaggedTRPCError => {
  const tag = isErrorTag(error._tag) ? error._tag : null;
  if (tag === null) return internal();
  const row = ERROR_CODES[tag];
  const detail = error.message ?? "";
  return new TaggedTRPCError(
    { tag, zh: row.zh, en: row.en, field: fieldOf(error) },
    row.code,
    // A detail that only repeats the English message adds nothing.
    detail === "" || detail.toLowerCase() === row.en.toLowerCase()
      ? `${row.zh} / ${row.en}`
      : `${row.zh} / ${row.en}: ${detail}`,
  );
};

export const internal = (cause?: unknown): TaggedTRPCError =>
  new TaggedTRPCError(
    { tag: "Internal", zh: "服务器内部错误", en: "Internal server error", field: null },
    "INTERNAL_SERVER_ERROR",
    "服务器内部错误 / Internal server error",
    cause,
  );

export const fromCause = <E>(cause: Cause.Cause<E>): TaggedTRPCError => {
  const error = Option.match(Cause.failureOption(cause), {
    onNone: () => internal(new Error(Cause.pretty(cause))),
    onSome: (e) =>
      typeof e === "object" && e !== null && "_tag" in e && typeof e._tag === "string"
        ? fromTagged(e as { _tag: string; message?: string })
        : internal(new Error(Cause.pretty(cause))),
  });
  // An internal error keeps what happened for the server's log.
  return error.code === "INTERNAL_SERVER_ERROR" && error.cause === undefined
    ? new TaggedTRPCError(error.data, error.code, error.message, new Error(Cause.pretty(cause)))
    : error;
};
