/** Every conformance example (a copy of ../shared/conformance/examples.json) through the library's `assess`. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/index.js";
import { checkExpectation, type Expectation } from "./expectation.js";

interface Example extends Expectation {
  readonly name: string;
  readonly request: unknown;
}

const examples: ReadonlyArray<Example> = JSON.parse(
  readFileSync(new URL("./examples.json", import.meta.url), "utf8"),
);

describe("conformance examples through assess()", () => {
  it("has the examples to run", () => expect(examples.length).toBeGreaterThanOrEqual(12));
  it.each(examples.map((e) => [e.name, e] as const))("%s", (_, example) => {
    expect(checkExpectation(example, assess(example.request))).toBeNull();
  });
});
