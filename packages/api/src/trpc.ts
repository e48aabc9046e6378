/**
 * The tRPC instance, built once: procedures decode input with the domain's Schemas (through Standard Schema),
 * run an Effect program, and fail with tagged errors mapped in `errors/`.
 */
import { initTRPC, StandardSchemaV1Error, TRPCError } from "@trpc/server";
import { type Effect, Exit, Schema } from "effect";
import type { ApiContext, ApiServices } from "./context.js";
import { ERROR_CODES } from "./errors/error-codes.js";
import { fromCause, internal, TaggedTRPCError } from "./errors/to-trpc-error.js";

const inputError = (error: StandardSchemaV1Error) => {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map((p) => (typeof p === "object" && p !== null ? p.key : p)) as Array<
    string | number
  >;
  const row = ERROR_CODES.InvalidInput;
  return {
    tag: "InvalidInput",
    zh: row.zh,
    en: row.en,
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

/** A domain Schema as a tRPC input parser. */
export const input = <A, I>(schema: Schema.Schema<A, I, never>) => Schema.standardSchemaV1(schema);

/** Runs a procedure's program at the edge: its success is the result; a failure becomes a TRPCError. */
export const run = async <A, E>(ctx: ApiContext, program: Effect.Effect<A, E, ApiServices>): Promise<A> => {
  const exit = await ctx.runtime.runPromiseExit(program);
  if (Exit.isSuccess(exit)) return exit.value;
  throw fromCause(exit.cause);
};

export { TRPCError };
