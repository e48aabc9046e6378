/**
 * A union of structs told apart by a literal (the assess request's `kind`): the compiled fast path
 * (src/schema/fast-decode.ts) and Effect's decoder behind it go straight to the member the input's literal
 * names, as Effect's union does, and answer as Effect does, refusals included; a union without such a literal
 * is tried member by member.
 */
import { Effect, Either, ParseResult, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { compileFastPath, decodeUnknownEitherFast, REJECT, UNSURE } from "../../src/schema/fast-decode.js";

const OPTIONS = { onExcessProperty: "error", errors: "first" } as const;

/** Computed by an Effect: only Effect's decoder can run it, so the fast path answers UNSURE on it. */
const Later = Schema.transformOrFail(Schema.String, Schema.String, {
  strict: true,
  decode: (s) => Effect.sync(() => s.toUpperCase()),
  encode: ParseResult.succeed,
});

const answersAsEffect = (schema: Schema.Schema.AnyNoContext, inputs: ReadonlyArray<unknown>) => {
  for (const input of inputs)
    expect(decodeUnknownEitherFast(schema, OPTIONS)(input)).toEqual(
      ParseResult.decodeUnknownEither(schema, OPTIONS)(input),
    );
};

describe("a union told apart by a literal, in the compiled fast path", () => {
  const Tagged = Schema.Union(
    Schema.Struct({ later: Later, kind: Schema.Literal("a") }),
    Schema.Struct({ kind: Schema.Literal("b"), n: Schema.optionalWith(Schema.Number, { default: () => 0 }) }),
  );
  const fast = compileFastPath(Tagged.ast, OPTIONS);

  it("decodes with the member the literal names only", () => {
    expect(fast?.({ kind: "b", n: 1 })).toEqual({ kind: "b", n: 1 });
    expect(fast?.({ kind: "b" })).toEqual({ kind: "b", n: 0 });
    // The other member would hand over (its first field needs Effect); it is not the one named.
    expect(fast?.({ later: "x", kind: "b" })).toBe(REJECT);
    expect(fast?.({ later: "x", kind: "a" })).toBe(UNSURE);
    expect(fast?.({ kind: "c" })).toBe(REJECT);
  });

  it("answers as Effect's decoder does, refusals included, with or without a literal it knows", () => {
    answersAsEffect(Tagged, [
      { kind: "b", n: 1 },
      { kind: "b" },
      { later: "x", kind: "b" },
      { later: "x", kind: "a" },
      { kind: "a" },
      { kind: "c" },
      { kind: 1 },
      {},
      [],
      null,
    ]);
  });

  it("tries each member where no literal tells them apart", () => {
    const Untagged = Schema.Union(
      Schema.Struct({ kind: Schema.Literal("a") }),
      Schema.Struct({ type: Schema.Literal("b") }),
    );
    const SameText = Schema.Union(
      Schema.Struct({ k: Schema.Literal(1) }),
      Schema.Struct({ k: Schema.Literal("1") }),
    );
    expect(compileFastPath(SameText.ast, OPTIONS)?.({ k: "1" })).toEqual({ k: "1" });
    answersAsEffect(Untagged, [{ kind: "a" }, { type: "b" }, { kind: "b" }, {}]);
    answersAsEffect(SameText, [{ k: 1 }, { k: "1" }, { k: 2 }]);
    expect(Either.isRight(decodeUnknownEitherFast(SameText, OPTIONS)({ k: "1" }))).toBe(true);
  });
});
