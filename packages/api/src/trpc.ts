/**
 * The tRPC instance, built once: procedures decode input with the domain's Schemas (through Standard Schema),
 * run an Effect program, and fail with tagged errors mapped in `errors/`. Who may call what is decided here
 * too, once: `publicProcedure` for anyone, `protectedProcedure` for a signed-in caller (and, for a change
 * asked with the session cookie, the session's CSRF token) who need not change their password first,
 * `requireRole(...)` for holders of a role. `signedInProcedure` is the narrow door a caller who must change
 * their password still passes: `auth.me`, `auth.changePassword` and `auth.logout` only.
 */
import { firstIssue, type Role } from "@liuhen/domain";
import { initTRPC, StandardSchemaV1Error, TRPCError } from "@trpc/server";
import { type Effect, Either, Exit, ParseResult, Schema } from "effect";
import { CsrfMismatch } from "./auth/errors.js";
import { inCallersRegimes } from "./calendar/callers-regimes.js";
import type { ApiContext, ApiServices, Caller, Credential } from "./context.js";
import { Forbidden, PasswordChangeRequired, Unauthenticated } from "./errors/api-errors.js";
import { ERROR_CODES, type ErrorTag } from "./errors/error-codes.js";
import { type InputWords, inputWords } from "./errors/input-words.js";
import { fromCause, fromTagged, internal, TaggedTRPCError } from "./errors/to-trpc-error.js";

/** A Standard Schema issue as `input` makes it: with the words for it. */
interface WordedIssue {
  readonly message: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly words: InputWords;
}

const inputError = (error: StandardSchemaV1Error) => {
  const issue = error.issues[0] as Partial<WordedIssue> | undefined;
  const field = (issue?.path ?? []).filter(
    (p): p is string | number => typeof p === "string" || typeof p === "number",
  );
  const words = issue?.words ?? ERROR_CODES.InvalidInput;
  return {
    tag: "InvalidInput",
    zh: words.zh,
    en: words.en,
    field,
    message: `${field.join(".")}: ${issue?.message ?? ""}`,
  };
};

const t = initTRPC.context<ApiContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const data =
      error instanceof TaggedTRPCError
        ? error.data
        : cause instanceof StandardSchemaV1Error
          ? inputError(cause)
          : error.code === "INTERNAL_SERVER_ERROR"
            ? internal().data
            : { tag: error.code, zh: "", en: "", field: null };
    const message =
      cause instanceof StandardSchemaV1Error
        ? `${ERROR_CODES.InvalidInput.zh} / ${ERROR_CODES.InvalidInput.en}: ${inputError(cause).message}`
        : error.code === "INTERNAL_SERVER_ERROR" && !(error instanceof TaggedTRPCError)
          ? internal().message
          : shape.message;
    // tRPC's own `stack` is dropped: no stack trace leaves the server.
    const { stack: _stack, ...rest } = shape.data as typeof shape.data & { stack?: string };
    return { ...shape, message, data: { ...rest, ...data } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

/** What a procedure behind `protectedProcedure` knows: there is a caller, and how they proved it. */
export interface AuthenticatedContext extends ApiContext {
  readonly caller: Caller;
  readonly credential: Credential;
}

/**
 * A signed-in caller, or UNAUTHORIZED. A mutation authenticated by the session cookie must also carry the
 * session's CSRF token in `x-liuhen-csrf` (FORBIDDEN, `CsrfMismatch`, otherwise): a browser attaches the
 * cookie to requests another site makes, never that header. Queries change nothing and need no token; a
 * bearer token is never attached by a browser, so it needs none either. Runs before the input is decoded, so
 * an anonymous caller learns nothing from a procedure's input errors.
 *
 * It lets in a caller who must still change their password: use it only for what such a caller needs (to see
 * who they are, change the password, sign out); everything else is behind `protectedProcedure`.
 */
export const signedInProcedure = t.procedure.use(({ ctx, type, next }) => {
  const { caller, credential } = ctx;
  if (caller === null || credential === null) {
    throw fromTagged(new Unauthenticated({ message: "no valid session or token" }));
  }
  if (type === "mutation" && credential.kind === "session" && credential.csrf !== "matches") {
    throw fromTagged(
      new CsrfMismatch({
        message:
          credential.csrf === "missing"
            ? "a change needs the x-liuhen-csrf header"
            : "the x-liuhen-csrf header is not this session's token",
      }),
    );
  }
  return next({ ctx: { caller, credential } satisfies Partial<AuthenticatedContext> });
});

/**
 * A signed-in caller as `signedInProcedure` admits them, and FORBIDDEN (`PasswordChangeRequired`) while their
 * password is one someone else set (an administrator or the operator, who saw it): the holder must change it
 * before any other procedure, whether they came with a session or a token. Runs before the input is decoded.
 */
export const protectedProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.caller.mustChangePassword) {
    throw fromTagged(
      new PasswordChangeRequired({
        message: "the password was set by someone else: change it with auth.changePassword first",
      }),
    );
  }
  return next();
});

/**
 * A signed-in caller holding at least one of `roles`, or FORBIDDEN. Roles only open doors: procedures that
 * read case content still ask need-to-know (the domain's `readAccess`) about each file.
 */
export const requireRole = (...roles: readonly [Role, ...Array<Role>]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.some((role) => ctx.caller.roles.includes(role))) {
      throw fromTagged(new Forbidden({ message: `this needs the role ${roles.join(" or ")}` }));
    }
    return next();
  });

/**
 * A domain Schema as a tRPC input parser (Standard Schema): its first issue carries, beside Effect's message,
 * the words for it in Chinese and English (`inputWords`), which the error formatter gives the client.
 */
export const input = <A, I>(schema: Schema.Schema<A, I, never>) => {
  const parser = Schema.standardSchemaV1(schema);
  const decode = ParseResult.decodeUnknownEither(schema, { errors: "first" });
  const standard: (typeof parser)["~standard"] = {
    version: 1,
    vendor: "liuhen",
    validate: (value) =>
      Either.match(decode(value), {
        onRight: (decoded) => ({ value: decoded }),
        onLeft: (issue) => {
          const first = firstIssue(issue);
          const worded: WordedIssue = {
            message: first?.message ?? "",
            path: first?.path ?? [],
            words: inputWords(issue),
          };
          return { issues: [worded] };
        },
      }),
  };
  return Object.assign(parser, { "~standard": standard });
};

/**
 * Runs a procedure's program at the edge, under the caller's agency's regimes (their calendars with the
 * holiday years the agency added): its success is the result; a failure becomes a TRPCError. A program
 * that can fail with a tag `error-codes.ts` has no row for does not compile.
 */
export const run = async <A, E extends { readonly _tag: ErrorTag }>(
  ctx: ApiContext,
  program: Effect.Effect<A, E, ApiServices>,
): Promise<A> => {
  const exit = await ctx.runtime.runPromiseExit(inCallersRegimes(ctx, program));
  if (Exit.isSuccess(exit)) return exit.value;
  throw fromCause(exit.cause);
};

export { TRPCError };
