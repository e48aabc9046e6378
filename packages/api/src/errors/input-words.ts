/**
 * Input that failed its Schema, in words a reader can act on beside the field: what is wrong with the value
 * — missing, too long, not one of the choices — in Chinese and English. They are found from the first
 * issue's kind and, for a refinement, from the schema id Effect gives it (a table); "输入有误" remains only
 * where nothing more precise is known.
 */
import { SchemaAST as AST, Option, type ParseResult, Schema } from "effect";
import { ERROR_CODES } from "./error-codes.js";

export interface InputWords {
  readonly zh: string;
  readonly en: string;
}

const GENERIC: InputWords = { zh: ERROR_CODES.InvalidInput.zh, en: ERROR_CODES.InvalidInput.en };
const REQUIRED: InputWords = { zh: "请填写此项", en: "This field is required" };

/** A refinement's own figure (`maxLength: 200`), as Effect keeps it for JSON Schema. */
const figure = (ast: AST.Refinement, key: string): number | undefined =>
  Option.getOrUndefined(
    Option.flatMap(AST.getJSONSchemaAnnotation(ast), (json) => {
      const value = (json as Record<string, unknown>)[key];
      return typeof value === "number" ? Option.some(value) : Option.none();
    }),
  );

/** What each kind of refinement says when a value fails it, by Effect's schema id. */
const REFINEMENT_WORDS: ReadonlyArray<
  readonly [symbol, (ast: AST.Refinement, actual: unknown) => InputWords]
> = [
  [
    Schema.TrimmedSchemaId,
    // Blanks only are nothing typed, not text with blanks around it.
    (_, actual) =>
      typeof actual === "string" && actual.trim() === ""
        ? REQUIRED
        : { zh: "首尾不能有空格", en: "No spaces at the start or end" },
  ],
  [
    Schema.MinLengthSchemaId,
    (ast) => {
      const n = figure(ast, "minLength") ?? 1;
      return n <= 1 ? REQUIRED : { zh: `至少 ${n} 个字`, en: `At least ${n} characters` };
    },
  ],
  [
    Schema.MaxLengthSchemaId,
    (ast) => {
      const n = (figure(ast, "maxLength") ?? 0).toLocaleString("en");
      return { zh: `不能超过 ${n} 个字`, en: `At most ${n} characters` };
    },
  ],
  [
    Schema.MinItemsSchemaId,
    (ast) => {
      const n = figure(ast, "minItems") ?? 1;
      return { zh: `至少 ${n} 项`, en: `At least ${n} ${n === 1 ? "item" : "items"}` };
    },
  ],
  [
    Schema.MaxItemsSchemaId,
    (ast) => {
      const n = figure(ast, "maxItems") ?? 0;
      return { zh: `最多 ${n} 项`, en: `At most ${n} items` };
    },
  ],
  ...[Schema.PatternSchemaId, Schema.UUIDSchemaId].map(
    (id) => [id, () => ({ zh: "格式不正确", en: "Not in the expected form" })] as const,
  ),
  [Schema.IntSchemaId, () => ({ zh: "应为整数", en: "A whole number is expected" })],
  ...[
    Schema.GreaterThanSchemaId,
    Schema.GreaterThanOrEqualToSchemaId,
    Schema.LessThanSchemaId,
    Schema.LessThanOrEqualToSchemaId,
    Schema.BetweenSchemaId,
  ].map(
    (id) => [id, () => ({ zh: "数值超出允许范围", en: "The number is out of the allowed range" })] as const,
  ),
];

const isChoice = (ast: AST.AST): boolean =>
  AST.isLiteral(ast) || (AST.isUnion(ast) && ast.types.every((member: AST.AST) => AST.isLiteral(member)));

const firstOf = (
  issues: ParseResult.ParseIssue | ReadonlyArray<ParseResult.ParseIssue>,
): ParseResult.ParseIssue | undefined =>
  Array.isArray(issues)
    ? (issues as ReadonlyArray<ParseResult.ParseIssue>)[0]
    : (issues as ParseResult.ParseIssue);

/** The words for the first thing wrong in `issue`. */
export const inputWords = (issue: ParseResult.ParseIssue): InputWords => {
  switch (issue._tag) {
    case "Pointer":
    case "Transformation":
      return inputWords(issue.issue);
    case "Composite": {
      const first = firstOf(issue.issues);
      return first === undefined ? GENERIC : inputWords(first);
    }
    case "Refinement": {
      // The value was not even of the refinement's base type: what the base says.
      if (issue.kind === "From") return inputWords(issue.issue);
      const id = AST.getSchemaIdAnnotation(issue.ast);
      const words = Option.isSome(id)
        ? REFINEMENT_WORDS.find(([known]) => known === id.value)?.[1](issue.ast, issue.actual)
        : undefined;
      return words ?? GENERIC;
    }
    case "Missing":
      return REQUIRED;
    case "Type":
      return isChoice(issue.ast) ? { zh: "不是可选的值", en: "Not one of the choices" } : GENERIC;
    default:
      return GENERIC;
  }
};
