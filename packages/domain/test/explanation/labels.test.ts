/**
 * Every stage and every step of both proceedings has its words in Chinese and English, so no screen falls
 * back to a raw key: the stages (WC.10, IF.3–IF.11) and the event tags the state machines accept.
 */
import { SchemaAST } from "effect";
import { describe, expect, it } from "vitest";
import {
  INTERFERENCE_STAGE_LABELS,
  InterferenceEvent,
  InterferenceStage,
  PROCEEDING_EVENT_LABELS,
  WRONG_CASE_STAGE_LABELS,
  WrongCaseEvent,
  WrongCaseStage,
} from "../../src/index.js";

/** The `_tag` literal of every member of a union of tagged structs. */
const tagsOf = (union: { readonly members: ReadonlyArray<{ readonly ast: SchemaAST.AST }> }) =>
  union.members.flatMap((m) =>
    SchemaAST.getPropertySignatures(m.ast)
      .filter((p) => p.name === "_tag" && SchemaAST.isLiteral(p.type))
      .map((p) => String((p.type as SchemaAST.Literal).literal)),
  );

const hasWords = (text: { zh: string; en: string } | undefined) =>
  text !== undefined && /\p{Script=Han}/u.test(text.zh) && /[a-z]/.test(text.en);

describe("labels for the proceedings", () => {
  it("WC.10 IF.3: every stage of both proceedings has Chinese and English words", () => {
    for (const stage of WrongCaseStage.literals)
      expect([stage, hasWords(WRONG_CASE_STAGE_LABELS[stage])]).toEqual([stage, true]);
    for (const stage of InterferenceStage.literals)
      expect([stage, hasWords(INTERFERENCE_STAGE_LABELS[stage])]).toEqual([stage, true]);
  });

  it("every step either state machine accepts is named, by its event's tag", () => {
    const tags = [...tagsOf(WrongCaseEvent), ...tagsOf(InterferenceEvent)];
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags)
      expect([
        tag,
        hasWords((PROCEEDING_EVENT_LABELS as Record<string, { zh: string; en: string }>)[tag]),
      ]).toEqual([tag, true]);
  });
});
