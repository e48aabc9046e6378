/**
 * `firstIssue` (src/schema/first-issue.ts) must say what Effect's `ArrayFormatter` says first: the same path
 * and the same message, for every request `assess` refuses and for the kinds of annotation it walks past or
 * hands to Effect.
 */
import { readFileSync } from "node:fs";
import { Effect, Either, ParseResult, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { AssessRequest } from "../../src/index.js";
import { firstIssue } from "../../src/schema/first-issue.js";
import { QIANJIANG_SUITE } from "../suite/cases.js";

const OPTIONS = { onExcessProperty: "error", errors: "first" } as const;

const effectFirst = (issue: ParseResult.ParseIssue) => {
  const first = ParseResult.ArrayFormatter.formatIssueSync(issue)[0];
  return first && { path: first.path, message: first.message };
};

/** The refusal of `input` by `schema`, or null when it is accepted. */
const refusal = <A, I>(
  schema: Schema.Schema<A, I, never>,
  input: unknown,
  options: typeof OPTIONS | { readonly errors: "all" } = OPTIONS,
) => {
  const r = ParseResult.decodeUnknownEither(schema, options)(input);
  return Either.isLeft(r) ? r.left : null;
};

const examples: ReadonlyArray<{ readonly request: unknown }> = JSON.parse(
  readFileSync(new URL("../conformance/examples.json", import.meta.url), "utf8"),
);
const requests: ReadonlyArray<unknown> = [...QIANJIANG_SUITE, ...examples].map((c) => c.request);

type Path = ReadonlyArray<string | number>;
const paths = (value: unknown, at: Path = []): Array<Path> =>
  value !== null && typeof value === "object"
    ? [
        at,
        ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k])),
      ]
    : [at];

/** `value` with the value at `path` replaced by `to`, removed (`to` undefined), or given an extra key. */
const mutated = (value: unknown, path: Path, how: "set" | "delete" | "add", to: unknown): unknown => {
  if (path.length === 0) return how === "set" ? to : value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (how === "set") parent[last] = to;
  else if (how === "delete") delete parent[last];
  else parent[last] = { ...(parent[last] as object), extra: to };
  return copy;
};

const JUNK: ReadonlyArray<unknown> = [
  null,
  true,
  1.5,
  -1,
  "",
  " ",
  "x",
  "WC.6.12",
  "2024-02-30",
  [],
  {},
  [1],
];

describe("the first issue of a refused decode, without running an Effect", () => {
  it("is Effect's first issue for every request of the suite and the examples broken at every place", () => {
    let refused = 0;
    for (const request of requests) {
      const broken = paths(request).flatMap((path) => [
        mutated(request, path, "delete", undefined),
        ...JUNK.map((to) => mutated(request, path, "set", to)),
        ...(path.length === 0 ? [] : [mutated(request, path, "add", 1)]),
      ]);
      for (const input of [request, ...broken]) {
        const issue = refusal(AssessRequest, input);
        if (issue === null) continue;
        refused += 1;
        expect(firstIssue(issue)).toEqual(effectFirst(issue));
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });

  it("is Effect's first issue when every issue is collected (errors: all)", () => {
    for (const request of requests.slice(0, 40)) {
      const issue = refusal(
        AssessRequest,
        { ...(request as object), extra: 1, kind: "x" },
        { errors: "all" },
      );
      if (issue !== null) expect(firstIssue(issue)).toEqual(effectFirst(issue));
    }
  });

  it("takes the message of an annotated struct, array, refinement or transformation as Effect does", () => {
    const Inner = Schema.Struct({ a: Schema.Number });
    const cases: ReadonlyArray<readonly [Schema.Schema.AnyNoContext, unknown]> = [
      [Inner.annotations({ message: () => "a struct's own message" }), { a: "x" }],
      [Inner.annotations({ message: () => ({ message: "overrides", override: true }) }), { a: "x" }],
      [Schema.Array(Schema.Number).annotations({ message: () => "an array's message" }), [1, "x"]],
      [Inner.pipe(Schema.filter(() => false, { message: () => "a refinement's message" })), { a: "x" }],
      [Inner.pipe(Schema.filter(() => false, { message: () => "and its predicate" })), { a: 1 }],
      [Schema.Trim.annotations({ message: () => "a transformation's message" }), 1],
      [Schema.Struct({ n: Schema.NumberFromString }), { n: "x" }],
    ];
    for (const [schema, input] of cases) {
      const issue = refusal(schema, input);
      expect(issue).not.toBeNull();
      if (issue !== null) expect(firstIssue(issue)).toEqual(effectFirst(issue));
    }
  });

  it("hands a message that is an Effect to Effect's formatter", () => {
    const Lazy = Schema.Struct({ a: Schema.Number }).annotations({
      message: () => ({ message: Effect.succeed("computed by an Effect"), override: true }),
    });
    const issue = refusal(Lazy, { a: "x" });
    expect(issue).not.toBeNull();
    if (issue !== null) expect(firstIssue(issue)).toEqual({ path: [], message: "computed by an Effect" });
  });
});
