/**
 * The API's refusals as the pages show them: its message in both languages (the page picks the reader's)
 * and the form field it concerns, named by the error's `field` (tRPC's `error.data`, packages/api trpc.ts).
 */
import { fail } from "@sveltejs/kit";
import { TRPCClientError } from "@trpc/client";
import type { Refusal } from "../refusal.js";

export type { Refusal };

interface ErrorData {
  readonly tag?: unknown;
  readonly zh?: unknown;
  readonly en?: unknown;
  readonly field?: unknown;
  readonly httpStatus?: unknown;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The refusal an API call failed with, and its HTTP status; null when it is not one (a fault, say). */
export const refusalOf = (error: unknown): { readonly status: number; readonly refusal: Refusal } | null => {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as ErrorData | null | undefined;
  if (data === null || data === undefined || typeof data.httpStatus !== "number") return null;
  const field = Array.isArray(data.field) ? data.field.find((part) => typeof part === "string") : undefined;
  return {
    status: data.httpStatus,
    refusal: {
      tag: text(data.tag),
      zh: text(data.zh),
      en: text(data.en),
      field: typeof field === "string" ? field : null,
    },
  };
};

/**
 * A form action's answer to a refusal: the refusal and what the reader typed, so the form comes back as it
 * was (never a password), with `more` the page still needs. Anything that is not a refusal is thrown on,
 * for SvelteKit's error page.
 */
export const refused = <
  V extends Record<string, string>,
  X extends Record<string, unknown> = Record<string, never>,
>(
  error: unknown,
  values: V,
  more?: X,
) => {
  const found = refusalOf(error);
  if (found === null) throw error;
  // A server fault is the page's 500; a refusal is the form's business.
  if (found.status >= 500) throw error;
  return fail(found.status, { ...(more as X), values, refusal: found.refusal });
};

/** The named fields of a submitted form, as text (absent ones empty). */
export const textFields = <const K extends string>(form: FormData, names: ReadonlyArray<K>) =>
  Object.fromEntries(
    names.map((name) => {
      const value = form.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  ) as Record<K, string>;

/** An optional field: left out when only blanks were typed. */
export const optional = (value: string): string | undefined => (value.trim() === "" ? undefined : value);
