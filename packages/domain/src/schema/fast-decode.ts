/**
 * A fast path in front of Effect's Schema decoder, for the schemas decoded per request (`assess`).
 *
 * Why: profiling `assess` showed about half its time in `ParseResult`: Effect's interpreter checks each
 * input key against a union of the expected keys (one union parse per key, with `onExcessProperty: "error"`),
 * and a struct with defaults (`optionalWith`) is decoded on its encoded side and again on its type side, so
 * nested structs are checked several times over.
 *
 * How: the schema's AST is compiled once into plain functions that do what `ParseResult` does for a valid
 * input, node by node (the same checks, in the same order, with the schema's own filters and
 * transformations), producing the same value. A compiled node answers a value, REJECT (Effect would refuse
 * this input) or UNSURE (it cannot tell: an effectful transformation, a union where several members accept).
 * Anything but a value goes to Effect's decoder, which remains the authority: every refusal, with its issue
 * and message, comes from it, and a schema with a node this file does not know is never compiled at all
 * (`Declaration`s such as `Schema.Class`, `Suspend`, index signatures, parse-option annotations).
 *
 * test/schema/fast-decode.test.ts holds the compiled path to Effect's result: the same value for valid inputs,
 * and REJECT exactly where Effect refuses, over the conformance examples, the suite and generated inputs.
 */
import { SchemaAST as AST, Either, Option, ParseResult, Schema } from "effect";

export const REJECT: unique symbol = Symbol("fast-decode/reject");
export const UNSURE: unique symbol = Symbol("fast-decode/unsure");
type Verdict = typeof REJECT | typeof UNSURE;

/** A compiled node: the decoded value, or a verdict. */
export type CompiledParser = (input: unknown) => unknown;

const failed = (r: unknown): r is Verdict => r === REJECT || r === UNSURE;

const hasOwn = (o: object, key: PropertyKey) => Object.hasOwn(o, key);

const isRecord = (u: unknown): u is Record<PropertyKey, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

interface Compiler {
  readonly options: AST.ParseOptions;
  readonly memo: Map<AST.AST, CompiledParser | null>;
}

/** `null`: this node (or one below it) is not one the fast path knows. */
const compile = (c: Compiler, ast: AST.AST): CompiledParser | null => {
  if (c.memo.has(ast)) return c.memo.get(ast) ?? null;
  c.memo.set(ast, null); // a cycle (only through Suspend, which is refused anyway) compiles to null
  const parser =
    Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))
      ? null
      : compileNode(c, ast);
  c.memo.set(ast, parser);
  return parser;
};

const compileNode = (c: Compiler, ast: AST.AST): CompiledParser | null => {
  switch (ast._tag) {
    case "Literal": {
      const literal = ast.literal;
      return (u) => (u === literal ? u : REJECT);
    }
    case "UndefinedKeyword":
      return (u) => (u === undefined ? u : REJECT);
    case "StringKeyword":
      return (u) => (typeof u === "string" ? u : REJECT);
    case "NumberKeyword":
      return (u) => (typeof u === "number" ? u : REJECT);
    case "BooleanKeyword":
      return (u) => (typeof u === "boolean" ? u : REJECT);
    case "UnknownKeyword":
    case "AnyKeyword":
      return (u) => u;
    case "Refinement":
      return compileRefinement(c, ast);
    case "Transformation":
      return compileTransformation(c, ast);
    case "TupleType":
      return compileTuple(c, ast);
    case "TypeLiteral":
      return compileTypeLiteral(c, ast);
    case "Union":
      return compileUnion(c, ast);
    default:
      return null;
  }
};

const compileRefinement = (c: Compiler, ast: AST.Refinement): CompiledParser | null => {
  const from = compile(c, ast.from);
  if (from === null) return null;
  const { options } = c;
  return (u) => {
    const a = from(u);
    if (failed(a)) return a;
    return Option.isNone(ast.filter(a, options, ast)) ? a : REJECT;
  };
};

const compileTransformation = (c: Compiler, ast: AST.Transformation): CompiledParser | null => {
  const from = compile(c, ast.from);
  const compiledTo = compile(c, ast.to);
  if (from === null || compiledTo === null) return null;
  const to = compiledTo;
  const { options } = c;
  const t = ast.transformation;
  switch (t._tag) {
    case "FinalTransformation":
      return (u) => {
        const a = from(u);
        if (failed(a)) return a;
        const r = t.decode(a, options, ast, u);
        // An effectful transformation (a Schema.transformOrFail doing work): only Effect can run it.
        if (!Either.isEither(r)) return UNSURE;
        return Either.isLeft(r) ? REJECT : to(r.right);
      };
    case "ComposeTransformation":
      return (u) => {
        const a = from(u);
        return failed(a) ? a : to(a);
      };
    case "TypeLiteralTransformation": {
      const transformations = t.propertySignatureTransformations;
      const to = typeSide(c, ast) ?? compiledTo;
      // A struct on the type side is read key by key into an object of its own, in its own order: where the
      // decoded object's keys stand does not show, so a default can be written over its key, not deleted and
      // added again (a delete puts the object in V8's slow dictionary mode, for every struct with a default).
      const rebuilt = AST.isTypeLiteral(ast.to);
      return (u) => {
        const a = from(u);
        if (failed(a)) return a;
        // As ParseResult's getFinalTransformation does: renamed keys and defaults, on the decoded object.
        const out = a as Record<PropertyKey, unknown>;
        for (const pst of transformations) {
          const own = hasOwn(out, pst.from);
          const o = pst.decode(own ? Option.some(out[pst.from]) : Option.none());
          if (own && !(rebuilt && pst.from === pst.to && Option.isSome(o))) delete out[pst.from];
          if (Option.isSome(o)) out[pst.to] = o.value;
        }
        return to(out);
      };
    }
  }
};

const compileTuple = (c: Compiler, ast: AST.TupleType): CompiledParser | null => {
  if (ast.rest.length > 1) return null;
  const elements = ast.elements.map((e) => compile(c, e.type));
  const rest = ast.rest.map((r) => compile(c, r.type));
  if (elements.some((e) => e === null) || rest.some((r) => r === null)) return null;
  const optional = ast.elements.map((e) => e.isOptional);
  const required = optional.filter((o) => !o).length;
  const head = rest[0] ?? null;
  const parsers = elements as ReadonlyArray<CompiledParser>;
  return (u) => {
    if (!Array.isArray(u)) return REJECT;
    const len = u.length;
    if (len < required) return REJECT;
    if (head === null && len > parsers.length) return REJECT;
    const output: Array<unknown> = [];
    let i = 0;
    for (; i < parsers.length; i++) {
      if (len < i + 1) {
        if (optional[i]) continue;
        return REJECT;
      }
      const v = (parsers[i] as CompiledParser)(u[i]);
      if (failed(v)) return v;
      output.push(v);
    }
    if (head !== null) {
      for (; i < len; i++) {
        const v = head(u[i]);
        if (failed(v)) return v;
        output.push(v);
      }
    }
    return output;
  };
};

/** No transformation anywhere below: decoding only checks, so decoding a decoded value again changes nothing. */
const isPure = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "Literal":
    case "UndefinedKeyword":
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
      return true;
    case "Refinement":
      return isPure(ast.from);
    case "TupleType":
      return ast.elements.every((e) => isPure(e.type)) && ast.rest.every((r) => isPure(r.type));
    case "TypeLiteral":
      return ast.indexSignatures.length === 0 && ast.propertySignatures.every((ps) => isPure(ps.type));
    case "Union":
      return ast.types.every(isPure);
    default:
      return false;
  }
};

/**
 * Whether `to` is the type side of `from` (what `AST.typeAST(from)` builds, annotations aside): the same node,
 * or, through refinements (the same filter), transformations, structs and tuples, the same shape down to where
 * `from` is its own type side. A value the encoded side `from` decoded has passed every check of that type side
 * already: that is how Effect decodes a refinement (its filter on the decoded value) and a transformation (its
 * `to` side on the result).
 */
const isTypeSideOf = (to: AST.AST, from: AST.AST): boolean => {
  if (to === from) return true;
  switch (from._tag) {
    case "Transformation":
      return isTypeSideOf(to, from.to);
    case "Refinement":
      return AST.isRefinement(to) && to.filter === from.filter && isTypeSideOf(to.from, from.from);
    case "TupleType":
      return (
        AST.isTupleType(to) &&
        to.elements.length === from.elements.length &&
        to.elements.every((e, i) => {
          const f = from.elements[i];
          return f !== undefined && e.isOptional === f.isOptional && isTypeSideOf(e.type, f.type);
        }) &&
        to.rest.length === from.rest.length &&
        to.rest.every((r, i) => {
          const f = from.rest[i];
          return f !== undefined && isTypeSideOf(r.type, f.type);
        })
      );
    case "TypeLiteral":
      return (
        AST.isTypeLiteral(to) &&
        to.indexSignatures.length === 0 &&
        from.indexSignatures.length === 0 &&
        to.propertySignatures.length === from.propertySignatures.length &&
        to.propertySignatures.every((ps, i) => {
          const f = from.propertySignatures[i];
          return (
            f !== undefined &&
            ps.name === f.name &&
            ps.isOptional === f.isOptional &&
            isTypeSideOf(ps.type, f.type)
          );
        })
      );
    // Not a union: the member that took a value on the encoded side need not be the one to take it on the type
    // side, so only the very same node is known to take it unchanged.
    default:
      return false;
  }
};

/**
 * The type side of a struct with defaults or renamed keys, as Effect decodes it after the encoded side: a field
 * whose type is the type side of the node the encoded side just decoded, with no transformation in it, was
 * checked there and is taken as it is (Effect checks it a second time). Every other field is checked again.
 */
const typeSide = (c: Compiler, ast: AST.Transformation): CompiledParser | null => {
  if (!AST.isTypeLiteral(ast.from) || !AST.isTypeLiteral(ast.to)) return null;
  if (ast.transformation._tag !== "TypeLiteralTransformation") return null;
  const moved = new Set<PropertyKey>(
    ast.transformation.propertySignatureTransformations.flatMap((pst) => [pst.from, pst.to]),
  );
  const fromTypes = new Map(ast.from.propertySignatures.map((ps) => [ps.name, ps.type]));
  const checked = new Set(
    ast.to.propertySignatures
      .filter((ps) => {
        const from = fromTypes.get(ps.name);
        return !moved.has(ps.name) && from !== undefined && isPure(ps.type) && isTypeSideOf(ps.type, from);
      })
      .map((ps) => ps.name),
  );
  return checked.size === 0 ? null : compileTypeLiteral(c, ast.to, checked);
};

const compileTypeLiteral = (
  c: Compiler,
  ast: AST.TypeLiteral,
  alreadyChecked: ReadonlySet<PropertyKey> = new Set(),
): CompiledParser | null => {
  if (ast.indexSignatures.length > 0) return null;
  const names = ast.propertySignatures.map((ps) => ps.name);
  const optional = ast.propertySignatures.map((ps) => ps.isOptional);
  const trusted = names.map((name) => alreadyChecked.has(name));
  const parsers = ast.propertySignatures.map((ps) => compile(c, ps.type));
  if (parsers.some((p) => p === null)) return null;
  const excessIsError = c.options.onExcessProperty === "error";
  const exact = c.options.exact === true;
  const n = names.length;
  return (u) => {
    if (!isRecord(u)) return REJECT;
    const output: Record<PropertyKey, unknown> = {};
    let present = 0;
    for (let i = 0; i < n; i++) {
      const name = names[i] as PropertyKey;
      const own = hasOwn(u, name);
      if (own) present++;
      else if (optional[i] || exact) {
        if (optional[i]) continue;
        return REJECT;
      }
      if (own && trusted[i]) {
        output[name] = u[name];
        continue;
      }
      const v = (parsers[i] as CompiledParser)(u[name]);
      if (failed(v)) return v;
      output[name] = v;
    }
    // Effect refuses any own key it does not expect (Reflect.ownKeys(u)). Every expected key the input has is
    // counted above, so one own key more is one it does not expect: counted, not looked up key by key, and in two
    // parts, as getOwnPropertyNames is several times faster than Reflect.ownKeys. Refusing after the values
    // rather than before changes nothing: a refusal's issue is Effect's to find.
    if (
      excessIsError &&
      Object.getOwnPropertyNames(u).length + Object.getOwnPropertySymbols(u).length !== present
    )
      return REJECT;
    return output;
  };
};

/** The literals a member requires on its encoded side, key by key in order, as Effect's union looks them up. */
const requiredLiterals = (ast: AST.AST): ReadonlyArray<readonly [PropertyKey, AST.LiteralValue]> | null => {
  switch (ast._tag) {
    case "Refinement":
      return requiredLiterals(ast.from);
    case "Transformation":
      return requiredLiterals(ast.from);
    case "TypeLiteral":
      return ast.propertySignatures.flatMap((ps) => {
        const type = AST.encodedAST(ps.type);
        return AST.isLiteral(type) && !ps.isOptional ? [[ps.name, type.literal] as const] : [];
      });
    default:
      return null;
  }
};

interface LiteralTag {
  readonly key: PropertyKey;
  /** Each member's literal under `key`, in the members' order. */
  readonly literals: ReadonlyArray<AST.LiteralValue>;
}

/**
 * A union of structs each of which requires a literal of its own under the same key, first of its literals
 * (`kind` in the assess request). Effect's decoder then tries only the member whose literal the input's value
 * names, never the others, and so can the fast path and the fallback.
 */
const literalTag = (types: ReadonlyArray<AST.AST>): LiteralTag | null => {
  const firsts = types.map((t) => requiredLiterals(t)?.[0]);
  const key = firsts[0]?.[0];
  if (key === undefined || firsts.some((f) => f === undefined || f[0] !== key)) return null;
  const literals = firsts.map((f) => f?.[1] as AST.LiteralValue);
  // Effect files each member under its literal's text: two members under one text are not this case.
  return new Set(literals.map(String)).size === types.length ? { key, literals } : null;
};

const compileUnion = (c: Compiler, ast: AST.Union): CompiledParser | null => {
  const types = ast.types;
  const literalTypes = types.filter(AST.isLiteral);
  if (literalTypes.length === types.length) {
    const literals = new Set(literalTypes.map((t) => t.literal));
    return (u) => (literals.has(u as AST.LiteralValue) ? u : REJECT);
  }
  const members = types.map((t) => compile(c, t));
  if (members.some((m) => m === null)) return null;
  const parsers = members as ReadonlyArray<CompiledParser>;
  const tag = literalTag(types);
  const byLiteral = tag && new Map(tag.literals.map((literal, i) => [literal, parsers[i] as CompiledParser]));
  return (u) => {
    if (tag !== null && byLiteral !== null && isRecord(u) && hasOwn(u, tag.key)) {
      const member = byLiteral.get(u[tag.key] as AST.LiteralValue);
      return member === undefined ? REJECT : member(u);
    }
    // Effect takes the first member that accepts, in an order of its own; when exactly one accepts the order
    // does not matter, and when several do, Effect decides.
    let found: unknown = REJECT;
    for (const p of parsers) {
      const v = p(u);
      if (v === UNSURE) return UNSURE;
      if (v === REJECT) continue;
      if (found !== REJECT) return UNSURE;
      found = v;
    }
    return found;
  };
};

/** The compiled fast path alone, without the fallback: `null` when the schema has a node it does not know. */
export const compileFastPath = (ast: AST.AST, options: AST.ParseOptions): CompiledParser | null =>
  options.onExcessProperty === "preserve" || options.propertyOrder === "original"
    ? null
    : compile({ options, memo: new Map() }, ast);

/**
 * Effect's decoder, for what the fast path refuses or cannot tell. For a union told apart by a literal, the
 * decoder of the member the input names, its refusal wrapped as Effect's union wraps it: the union's own decoder
 * looks the member up the same way, after more work on every call (every refused request in `assess`).
 */
const slowDecoder = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options: AST.ParseOptions,
): ((input: unknown) => Either.Either<A, ParseResult.ParseIssue>) => {
  const whole = ParseResult.decodeUnknownEither(schema, options);
  const union = schema.ast;
  if (!AST.isUnion(union)) return whole;
  const tag = literalTag(union.types);
  if (tag === null) return whole;
  const members = new Map(
    tag.literals.map((literal, i) => [
      String(literal),
      ParseResult.decodeUnknownEither(Schema.make(union.types[i] as AST.AST), options),
    ]),
  );
  return (input) => {
    if (typeof input !== "object" || input === null || !hasOwn(input, tag.key)) return whole(input);
    const member = members.get(String((input as Record<PropertyKey, unknown>)[tag.key]));
    if (member === undefined) return whole(input);
    const r = member(input) as Either.Either<A, ParseResult.ParseIssue>;
    return Either.isRight(r) || r.left._tag === "Type"
      ? r
      : Either.left(new ParseResult.Composite(union, input, [r.left]));
  };
};

/**
 * `ParseResult.decodeUnknownEither(schema, options)`, with the compiled fast path tried first: the same
 * results, with every refusal (and its issue) from Effect's decoder.
 */
export const decodeUnknownEitherFast = <A, I>(
  schema: Schema.Schema<A, I, never>,
  options: AST.ParseOptions,
): ((input: unknown) => Either.Either<A, ParseResult.ParseIssue>) => {
  const slow = slowDecoder(schema, options);
  const fast = compileFastPath(schema.ast, options);
  if (fast === null) return slow;
  return (input) => {
    const v = fast(input);
    return failed(v) ? slow(input) : Either.right(v as A);
  };
};
