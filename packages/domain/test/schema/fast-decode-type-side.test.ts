/**
 * The type side of a struct with defaults (src/schema/fast-decode.ts): a field whose value the encoded side
 * decoded through a refinement, a transformation, a struct or a tuple has passed the type side's checks there,
 * so the fast path takes it as it is, where Effect checks it again; the value is the same.
 */
import { Either, ParseResult, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { compileFastPath } from "../../src/schema/fast-decode.js";

const OPTIONS = { onExcessProperty: "error", errors: "first" } as const;

describe("the type side of a struct with defaults, in the compiled fast path", () => {
  it("checks a decoded field once, to the value Effect gives", () => {
    let checks = 0;
    const Item = Schema.Struct({
      name: Schema.Trim,
      n: Schema.optionalWith(Schema.Number, { default: () => 0 }),
    }).pipe(
      Schema.filter((i) => {
        checks += 1;
        return i.n >= 0;
      }),
    );
    const Order = Schema.Struct({
      items: Schema.NonEmptyArray(Item),
      urgent: Schema.optionalWith(Schema.Boolean, { default: () => false }),
    });
    const fast = compileFastPath(Order.ast, OPTIONS);
    for (const input of [
      { items: [{ name: " a " }, { name: "b", n: 2 }] },
      { items: [{ name: "c", n: 1 }], urgent: true },
    ]) {
      checks = 0;
      const value = fast?.(input);
      expect(checks).toBe(input.items.length);
      const effect = ParseResult.decodeUnknownEither(Order, OPTIONS)(input);
      expect(Either.isRight(effect) && JSON.stringify(effect.right)).toBe(JSON.stringify(value));
    }
  });
});
