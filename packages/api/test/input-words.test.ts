/**
 * Input that fails its Schema is refused with words a reader can act on beside the field, in Chinese and
 * English: what is missing, too long, not one of the choices; "输入有误" only where nothing better is known.
 */
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Name, People, Text } from "../src/case-files/bounded-text.js";
import { input } from "../src/trpc.js";

const wordsFor = async <A, I>(schema: Schema.Schema<A, I, never>, value: unknown) => {
  const result = await input(schema)["~standard"].validate(value);
  if (!("issues" in result) || result.issues === undefined) throw new Error("the value was accepted");
  const [issue] = result.issues as unknown as ReadonlyArray<{
    path: unknown;
    words: { zh: string; en: string };
  }>;
  return { path: issue?.path, ...issue?.words };
};

const Step = Schema.Struct({
  summary: Text,
  body: Name,
  officers: People,
  method: Schema.Literal("phone", "visit"),
  count: Schema.Int.pipe(Schema.between(0, 10)),
  code: Schema.String.pipe(Schema.pattern(/^[A-Z]{4}$/)),
});
const valid = { summary: "摘要", body: "区人社局", officers: [], method: "phone", count: 1, code: "ABCD" };

describe("the words for input that fails its Schema", () => {
  it("a missing field and a blank one are to be filled in", async () => {
    const { summary: _, ...withoutSummary } = valid;
    expect(await wordsFor(Step, withoutSummary)).toEqual({
      path: ["summary"],
      zh: "请填写此项",
      en: "This field is required",
    });
    expect(await wordsFor(Step, { ...valid, summary: "   " })).toMatchObject({ zh: "请填写此项" });
  });

  it("too long says the limit, and too many people the count", async () => {
    expect(await wordsFor(Step, { ...valid, body: "字".repeat(201) })).toEqual({
      path: ["body"],
      zh: "不能超过 200 个字",
      en: "At most 200 characters",
    });
    expect(
      await wordsFor(Step, { ...valid, officers: Array.from({ length: 51 }, (_, n) => `p-${n}`) }),
    ).toMatchObject({ path: ["officers"], zh: "最多 50 项" });
  });

  it("a value not among the choices, a number out of range or not whole, text not in its form", async () => {
    expect(await wordsFor(Step, { ...valid, method: "letter" })).toMatchObject({
      path: ["method"],
      zh: "不是可选的值",
    });
    expect(await wordsFor(Step, { ...valid, count: 11 })).toMatchObject({ zh: "数值超出允许范围" });
    expect(await wordsFor(Step, { ...valid, count: 1.5 })).toMatchObject({ zh: "应为整数" });
    expect(await wordsFor(Step, { ...valid, code: "abc" })).toMatchObject({ zh: "格式不正确" });
  });

  it("a value of the wrong kind keeps the general words", async () => {
    expect(await wordsFor(Step, { ...valid, summary: 12 })).toEqual({
      path: ["summary"],
      zh: "输入有误",
      en: "Invalid input",
    });
  });
});
