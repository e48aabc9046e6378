/**
 * The first issue of a refused decode, its path and message as `ParseResult.ArrayFormatter` gives them, without
 * running an Effect.
 *
 * Why: the formatter walks a composite issue (a struct's, an array's) with `Effect.forEach`, so formatting any
 * refusal of a request ran a fiber, and every refused request of `assess` paid for Effect's runtime in
 * profiles. Only the first issue is wanted (`assess` decodes with `errors: "first"`).
 *
 * How: the walk is the formatter's own: a pointer adds to the path, a composite, refinement or transformation
 * without a message annotation passes to the issue inside it (for a composite, the first). Every node that
 * makes a message (a leaf, or a node with a message annotation) is formatted by Effect's formatter itself, which
 * answers without a fiber there. Where that is not so (an annotation answering an Effect, an empty composite),
 * the whole issue goes to `formatIssueSync`.
 */
import { SchemaAST as AST, Either, Option, ParseResult } from "effect";

export interface FirstIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}

/** `undefined`: only Effect's formatter, run as an Effect, can tell. */
const walk = (issue: ParseResult.ParseIssue, path: ReadonlyArray<PropertyKey>): FirstIssue | undefined => {
  switch (issue._tag) {
    case "Pointer":
      return walk(issue.issue, path.concat(issue.path));
    case "Composite":
    case "Refinement":
    case "Transformation": {
      if (Option.isSome(AST.getMessageAnnotation(issue.ast))) return formatted(issue, path);
      if (issue._tag !== "Composite") return walk(issue.issue, path);
      const inner = issue.issues;
      if (!Array.isArray(inner)) return walk(inner as ParseResult.ParseIssue, path);
      const head: ParseResult.ParseIssue | undefined = inner[0];
      return head === undefined ? undefined : walk(head, path);
    }
    default:
      return formatted(issue, path);
  }
};

const formatted = (
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<PropertyKey>,
): FirstIssue | undefined => {
  const e = ParseResult.eitherOrUndefined(ParseResult.ArrayFormatter.formatIssue(issue));
  if (e === undefined || Either.isLeft(e)) return undefined;
  const first = e.right[0];
  return first === undefined ? undefined : { path: path.concat(first.path), message: first.message };
};

/** The first issue `ParseResult.ArrayFormatter.formatIssueSync(issue)` lists, or `undefined` if it lists none. */
export const firstIssue = (issue: ParseResult.ParseIssue): FirstIssue | undefined => {
  const fast = walk(issue, []);
  if (fast !== undefined) return fast;
  const first = ParseResult.ArrayFormatter.formatIssueSync(issue)[0];
  return first && { path: first.path, message: first.message };
};
