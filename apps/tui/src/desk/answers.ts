/**
 * What a prompt accepts for each kind of field before anything is sent: the form of the answer only (a text
 * given, a number, one of the options offered). Whether the answer is right is the server's and the domain's
 * to say; their refusals name the field too.
 */
import { IsoDate } from "@liuhen/domain";
import { Either, Schema } from "effect";
import { listOf } from "./assessment-form.js";
import type { Option, StepField } from "./legal-steps.js";

/** An option by its value or its number in the list (1-based). */
const optionOf = (options: ReadonlyArray<Option>, answer: string): string | null => {
  const byNumber = /^\d+$/.test(answer) ? options[Number(answer) - 1] : undefined;
  if (byNumber) return byNumber.value;
  const exact = options.find((o) => o.value.toLowerCase() === answer.toLowerCase());
  return exact ? exact.value : null;
};

/** The answer as it will be sent, or the message saying what is wrong with it (naming the field). */
export const checkAnswer = (field: StepField, raw: string): Either.Either<string, string> => {
  const answer = raw.trim();
  const name = `「${field.label.zh}」(${field.name})`;
  switch (field.kind._tag) {
    case "Text":
      return answer === "" && !field.kind.optional
        ? Either.left(`${name} 不能为空 / ${field.name} is required`)
        : Either.right(answer);
    case "Person":
      if (answer === "") return Either.left(`${name} 不能为空 / ${field.name} is required`);
      return /\s/.test(answer)
        ? Either.left(`${name} 是一个人员编号，不含空格 / ${field.name} is one person id, without spaces`)
        : Either.right(answer);
    case "Count":
      return /^\d{1,4}$/.test(answer)
        ? Either.right(String(Number(answer)))
        : Either.left(`${name} 应为非负整数 / ${field.name} is a whole number from 0`);
    case "Date":
      return Either.isRight(Schema.decodeUnknownEither(IsoDate)(answer))
        ? Either.right(answer)
        : Either.left(`${name} 应为日期，如 2020-12-30 / ${field.name} is a date, e.g. 2020-12-30`);
    case "Choice": {
      const value = optionOf(field.kind.options, answer);
      return value === null
        ? Either.left(`${name} 须为所列选项之一 / ${field.name} must be one of the options listed`)
        : Either.right(value);
    }
    case "Choices": {
      const given = listOf(answer);
      if (given.length === 0) {
        return field.kind.optional
          ? Either.right("")
          : Either.left(`${name} 至少选择一项 / ${field.name} needs at least one option`);
      }
      const values: string[] = [];
      for (const g of given) {
        const value = optionOf(field.kind.options, g);
        if (value === null) {
          return Either.left(`${name} 无此选项「${g}」/ ${field.name}: ${g} is not one of the options`);
        }
        if (!values.includes(value)) values.push(value);
      }
      return Either.right(values.join(","));
    }
  }
};
