/**
 * `liuhen assess`: one request, or a JSON array of requests, on stdin; the results (same shape, same order)
 * on stdout, as the domain's JSON contract says (CONFORMANCE.md). Exit 0 when every request was assessed,
 * 2 when any was rejected, 1 on an internal failure.
 */
import { text } from "node:stream/consumers";
import { Command, Options } from "@effect/cli";
import {
  type AssessResult,
  assess,
  contractError,
  DEFAULT_REGISTRY,
  explain,
  isContractError,
  type Language,
} from "@liuhen/domain";
import { Console, Effect, Option } from "effect";
import { ExitCode } from "../exit-code.js";

const parse = (input: string): { requests: unknown[]; many: boolean } | null => {
  try {
    const json: unknown = JSON.parse(input);
    return Array.isArray(json) ? { requests: json, many: true } : { requests: [json], many: false };
  } catch {
    return null;
  }
};

const explanation = (result: AssessResult, language: Language): string[] => {
  if (isContractError(result)) return [result.error.message];
  const regime = DEFAULT_REGISTRY.find(result.regime.split("@")[0]);
  if (regime._tag === "Left") return [];
  const officers =
    result.kind === "wrong-case"
      ? result.officers.flatMap((o) => [`· ${o.id}`, ...explain(regime.right, o.basis, language)])
      : [];
  return [...explain(regime.right, result.basis, language), ...officers];
};

export const assessCommand = Command.make(
  "assess",
  {
    explain: Options.choice("explain", ["zh", "en"]).pipe(
      Options.optional,
      Options.withDescription("also write each result's explanation, in Chinese or English, to stderr"),
    ),
  },
  ({ explain: language }) =>
    Effect.gen(function* () {
      const input = yield* Effect.promise(() => text(process.stdin));
      const parsed = parse(input);
      if (parsed === null) {
        yield* Console.log(JSON.stringify(contractError("InvalidRequest", "stdin is not JSON")));
        return ExitCode.Rejected;
      }
      const results = parsed.requests.map((r) => assess(r));
      yield* Console.log(JSON.stringify(parsed.many ? results : results[0], null, 2));
      if (Option.isSome(language)) {
        for (const [i, r] of results.entries()) {
          yield* Console.error([`#${i + 1}`, ...explanation(r, language.value)].join("\n"));
        }
      }
      return results.some(isContractError) ? ExitCode.Rejected : ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("assess requests of the domain's JSON contract read on stdin"));
