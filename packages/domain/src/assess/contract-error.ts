/**
 * The contract's error object: `{ "error": { "tag", "message", "path" } }`. Bad input names the field it
 * concerns, both in `path` and at the head of `message`.
 */
import type { ParseResult } from "effect";
import { firstIssue } from "../schema/first-issue.js";

export type ContractErrorTag =
  | "InvalidRequest"
  | "ContradictoryFacts"
  | "UnknownRegime"
  | "RegimeNotInForce"
  | "CalendarOutOfRange";

export type Path = ReadonlyArray<string | number>;

export interface ContractError {
  readonly error: { readonly tag: ContractErrorTag; readonly message: string; readonly path: Path };
}

export const contractError = (tag: ContractErrorTag, message: string, path: Path = []): ContractError => ({
  error: { tag, message, path },
});

/** `officers[0].conduct[1]`: how a path reads in a message. */
export const formatPath = (path: Path): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

/** The first issue of a failed decode (a ParseError, or the bare issue `ParseResult.decodeUnknownEither` gives). */
export const invalidRequest = (error: ParseResult.ParseError | ParseResult.ParseIssue): ContractError => {
  const first = firstIssue(error._tag === "ParseError" ? error.issue : error);
  const path = (first?.path ?? []).map((p) => (typeof p === "symbol" ? String(p) : p));
  const where = path.length > 0 ? `${formatPath(path)}: ` : "";
  return contractError(
    "InvalidRequest",
    `${where}${first?.message ?? "the request does not fit the contract"}`,
    path,
  );
};
