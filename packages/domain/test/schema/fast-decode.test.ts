/**
 * The compiled fast path in front of Effect's decoder (src/schema/fast-decode.ts) must agree with Effect:
 * where it answers a value, Effect decodes the input to that same value (same keys, same order); where it
 * answers REJECT, Effect refuses the input. UNSURE (handing over to Effect) is always allowed. And it must
 * actually be taken: every valid request of the suite goes through it.
 */
import { readFileSync } from "node:fs";
import { Effect, Either, ParseResult, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTS,
  AGGRAVATION_IDS,
  AssessRequest,
  CONDUCT_IDS,
  Contact,
  MITIGATION_IDS,
  NonRecordingFacts,
  TRIGGER_IDS,
  WrongCaseFacts,
} from "../../src/index.js";
import { compileFastPath, decodeUnknownEitherFast, REJECT, UNSURE } from "../../src/schema/fast-decode.js";
import { QIANJIANG_SUITE } from "../suite/cases.js";

const OPTIONS = { onExcessProperty: "error", errors: "first" } as const;

/** JSON text with keys in insertion order: equal texts mean equal values with keys in the same order. */
const ordered = (value: unknown) => JSON.stringify(value, (_, v) => (v === undefined ? "<undefined>" : v));

/** Where the fast path and Effect disagree on `input`, or null. */
const disagreement = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown): string | null => {
  const fast = compileFastPath(schema.ast, OPTIONS);
  if (fast === null) return "the schema did not compile";
  const v = fast(structuredClone(input));
  let slow: Either.Either<A, ParseResult.ParseIssue>;
  try {
    slow = ParseResult.decodeUnknownEither(schema, OPTIONS)(input);
  } catch (e) {
    // Effect's decoder itself throws on a few exotic inputs (a discriminator that is an object without a
    // prototype: String() of it throws). The fast path must then hand over, so the same happens.
    return v === REJECT || v === UNSURE
      ? null
      : `fast path accepted what Effect throws on (${e}): ${ordered(input)}`;
  }
  if (v === UNSURE) return null;
  if (v === REJECT)
    return Either.isLeft(slow) ? null : `fast path refused what Effect accepts: ${ordered(input)}`;
  if (Either.isLeft(slow)) return `fast path accepted what Effect refuses: ${ordered(input)}`;
  return ordered(v) === ordered(slow.right)
    ? null
    : `values differ for ${ordered(input)}: ${ordered(v)} vs ${ordered(slow.right)}`;
};

const examples: ReadonlyArray<{ readonly request: unknown }> = JSON.parse(
  readFileSync(new URL("../conformance/examples.json", import.meta.url), "utf8"),
);
const requests: ReadonlyArray<unknown> = [...QIANJIANG_SUITE, ...examples].map((c) => c.request);

// Valid requests of every kind, then mutated anywhere: a value replaced, a key dropped, a key added.
const subset = <A>(xs: ReadonlyArray<A>, max = xs.length) =>
  fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });
const common = {
  regime: fc.constantFrom("qianjiang-msa-2020", "other"),
  asOf: fc.constantFrom("2024-01-02", "2019-01-01"),
};
const validArb = fc.oneof(
  fc.record(
    {
      kind: fc.constant("wrong-case"),
      ...common,
      case: fc.record({ kind: fc.constantFrom("administrative-penalty", "inspection", "other") }),
      triggers: subset(TRIGGER_IDS, 3),
      confirmed: fc.boolean(),
      officers: fc.array(
        fc.record(
          {
            id: fc.constantFrom("o1", " o2 ", "o3"),
            conduct: subset(CONDUCT_IDS, 3),
            mitigating: subset(MITIGATION_IDS, 2),
            aggravating: subset(AGGRAVATION_IDS, 2),
            otherConductReason: fc.constantFrom(null, "理由", " "),
          },
          { requiredKeys: ["id", "conduct"] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ["kind", "case", "triggers", "confirmed", "officers"] },
  ),
  fc.record(
    {
      kind: fc.constant("interference"),
      ...common,
      person: fc.record(
        {
          relation: fc.constantFrom("current", "former", "none"),
          employment: fc.constantFrom("established", "contract", "retired"),
          role: fc.constantFrom("leader", "colleague", "other-agency"),
        },
        { requiredKeys: ["relation", "role"] },
      ),
      acts: fc.array(
        fc.record(
          {
            act: fc.constantFrom(...ACTS),
            withinAuthority: fc.boolean(),
            description: fc.constantFrom("说明", ""),
          },
          { requiredKeys: ["act"] },
        ),
        { maxLength: 3 },
      ),
      method: fc.constantFrom("oral", "written"),
      viaProcedure: fc.boolean(),
      recorded: fc.boolean(),
      onBehalfOfParty: fc.boolean(),
    },
    { requiredKeys: ["kind", "person", "acts", "method", "viaProcedure", "recorded"] },
  ),
  fc.record(
    {
      kind: fc.constant("non-recording"),
      ...common,
      violations: fc.integer({ min: -2, max: 4 }),
      instructedBySupervisor: fc.boolean(),
    },
    { requiredKeys: ["kind", "violations"] },
  ),
  fc.record(
    {
      kind: fc.constant("period"),
      ...common,
      period: fc.constantFrom("WC.10.1", "WC.10.3"),
      start: fc.constantFrom("2024-09-27", "2024-02-30", "2024/01/01"),
    },
    { requiredKeys: ["kind", "period", "start"] },
  ),
);

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom("WC.6.3", "guidance", "current", "2024-01-01", "wrong-case"),
  fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.boolean(), { maxKeys: 2 }),
);

/** Every path to a value inside a JSON-like value. */
const paths = (
  value: unknown,
  at: ReadonlyArray<string | number> = [],
): Array<ReadonlyArray<string | number>> =>
  value !== null && typeof value === "object"
    ? [
        at,
        ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, Array.isArray(value) ? Number(k) : k])),
      ]
    : [at];

const mutate = (
  value: unknown,
  path: ReadonlyArray<string | number>,
  how: "set" | "delete" | "add",
  to: unknown,
) => {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return how === "set" ? to : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (how === "set") parent[last] = to;
  else if (how === "delete") delete parent[last];
  else if (parent[last] !== null && typeof parent[last] === "object" && !Array.isArray(parent[last]))
    (parent[last] as Record<string, unknown>).extra = to;
  return copy;
};

const mutatedArb = validArb.chain((valid) =>
  fc
    .tuple(
      fc.constantFrom(...paths(valid)),
      fc.constantFrom("set", "delete", "add") as fc.Arbitrary<"set" | "delete" | "add">,
      junk,
    )
    .map(([path, how, to]) => mutate(valid, path, how, to)),
);

describe("the compiled fast path of decoding", () => {
  it("compiles the assess request and the schemas it is made of", () => {
    for (const schema of [
      AssessRequest,
      WrongCaseFacts,
      Contact,
      NonRecordingFacts,
    ] as ReadonlyArray<Schema.Schema.Any>)
      expect(compileFastPath(schema.ast, OPTIONS)).not.toBeNull();
  });

  it("decodes every valid request of the suite and the conformance examples itself, to Effect's value", () => {
    const fast = compileFastPath(AssessRequest.ast, OPTIONS);
    let valid = 0;
    for (const request of requests) {
      expect(disagreement(AssessRequest, request)).toBeNull();
      const refused = Either.isLeft(ParseResult.decodeUnknownEither(AssessRequest, OPTIONS)(request));
      if (!refused) {
        valid += 1;
        const v = fast?.(structuredClone(request));
        expect(v === REJECT || v === UNSURE).toBe(false);
      }
    }
    expect(valid).toBeGreaterThan(100);
  });

  it("agrees with Effect on generated requests", () => {
    fc.assert(
      fc.property(validArb, (request) => {
        expect(disagreement(AssessRequest, request)).toBeNull();
      }),
      {
        numRuns: 1000,
      },
    );
  });

  it("agrees with Effect on requests broken anywhere", () => {
    fc.assert(
      fc.property(mutatedArb, (request) => {
        expect(disagreement(AssessRequest, request)).toBeNull();
      }),
      {
        numRuns: 3000,
      },
    );
  });

  it("answers as Effect's decoder does, refusals included", () => {
    fc.assert(
      fc.property(fc.oneof(validArb, mutatedArb), (request) => {
        const outcome = <A>(decode: () => A): A | string => {
          try {
            return decode();
          } catch (e) {
            return `throws ${e}`;
          }
        };
        const slow = outcome(() => ParseResult.decodeUnknownEither(AssessRequest, OPTIONS)(request));
        const fast = outcome(() => decodeUnknownEitherFast(AssessRequest, OPTIONS)(request));
        if (typeof slow === "string" || typeof fast === "string") {
          expect(fast).toEqual(slow);
          return;
        }
        expect(Either.isRight(fast)).toBe(Either.isRight(slow));
        if (Either.isRight(fast) && Either.isRight(slow))
          expect(ordered(fast.right)).toBe(ordered(slow.right));
        if (Either.isLeft(fast) && Either.isLeft(slow)) expect(fast.left).toEqual(slow.left);
      }),
      { numRuns: 500 },
    );
  });

  it("renames keys and fills defaults as Effect does", () => {
    const Renamed = Schema.Struct({
      agencyId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("agency_id")),
      n: Schema.optionalWith(Schema.Number, { default: () => 0 }),
    });
    for (const input of [
      { agency_id: "x" },
      { agency_id: "x", n: 2 },
      { n: 2, agency_id: "x" },
      { agencyId: "x" },
      {},
    ])
      expect(disagreement(Renamed, input)).toBeNull();
    expect(compileFastPath(Renamed.ast, OPTIONS)?.({ agency_id: "x" })).toEqual({ agencyId: "x", n: 0 });
  });

  it("hands a union where several members accept to Effect", () => {
    const Both = Schema.Union(
      Schema.Struct({ a: Schema.String }),
      Schema.Struct({ a: Schema.String, b: Schema.optional(Schema.Number) }),
    );
    expect(compileFastPath(Both.ast, OPTIONS)?.({ a: "x" })).toBe(UNSURE);
    expect(decodeUnknownEitherFast(Both, OPTIONS)({ a: "x" })).toEqual(
      ParseResult.decodeUnknownEither(Both, OPTIONS)({ a: "x" }),
    );
  });

  it("does not compile what it does not know, and then is Effect's decoder", () => {
    class Point extends Schema.Class<Point>("Point")({ x: Schema.Number }) {}
    const WithClass = Schema.Struct({ p: Point });
    expect(compileFastPath(WithClass.ast, OPTIONS)).toBeNull();
    const input = { p: { x: 1 } };
    expect(decodeUnknownEitherFast(WithClass, OPTIONS)(input)).toEqual(
      ParseResult.decodeUnknownEither(WithClass, OPTIONS)(input),
    );
  });

  it("leaves an effectful transformation to Effect", () => {
    const Later = Schema.transformOrFail(Schema.String, Schema.String, {
      strict: true,
      decode: (s) => Effect.sync(() => s.toUpperCase()),
      encode: ParseResult.succeed,
    });
    expect(compileFastPath(Later.ast, OPTIONS)?.("abc")).toBe(UNSURE);
    expect(decodeUnknownEitherFast(Later, OPTIONS)("abc")).toEqual(Either.right("ABC"));
  });
});
