/**
 * Facts that cannot both hold for one officer. WC.9 is mandatory and WC.8 discretionary, so a silent pick
 * between them would decide the case; the contradiction is refused instead, naming both ids.
 */
import { Either, Schema } from "effect";
import type { OfficerFacts } from "./facts.js";

export class ContradictoryFacts extends Schema.TaggedError<ContradictoryFacts>()("ContradictoryFacts", {
  message: Schema.String,
  ids: Schema.Tuple(Schema.String, Schema.String),
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
}) {}

type Fact =
  | OfficerFacts["conduct"][number]
  | OfficerFacts["mitigating"][number]
  | OfficerFacts["aggravating"][number];

export const CONTRADICTIONS: ReadonlyArray<readonly [Fact, Fact, string]> = [
  // WC.8.5 发现错误后主动及时纠正，未造成后果 vs WC.9a 坚持错误 / WC.9b 放任危害后果发生
  ["WC.8.5", "WC.9a", "corrected the error on their own, yet persisted in it"],
  ["WC.8.5", "WC.9b", "corrected the error with no consequence, yet let the harm happen"],
  // WC.8.3 ……且执法人员没有过错 vs WC.6.9 索贿受贿、玩忽职守、徇私枉法
  ["WC.8.3", "WC.6.9", "had no fault, yet took bribes, neglected duty or bent the law"],
  // WC.8.4 经过批评教育后及时纠正 vs WC.9a 坚持错误
  ["WC.8.4", "WC.9a", "corrected after criticism and education, yet persisted in the error"],
];

export interface Contradiction {
  readonly message: string;
  readonly ids: readonly [string, string];
  readonly path: readonly [string, number];
}

/** The first contradiction in one officer's facts, as plain data (no error built); `undefined` if none. */
export const contradictionIn = (officer: OfficerFacts, index: number): Contradiction | undefined => {
  const holds = (fact: string) =>
    (officer.conduct as ReadonlyArray<string>).includes(fact) ||
    (officer.mitigating as ReadonlyArray<string>).includes(fact) ||
    (officer.aggravating as ReadonlyArray<string>).includes(fact);
  for (const [a, b, why] of CONTRADICTIONS) {
    if (holds(a) && holds(b))
      return {
        message: `officer ${officer.id}: ${a} and ${b} cannot both hold (${why})`,
        ids: [a, b],
        path: ["officers", index],
      };
  }
  return undefined;
};

export const checkContradictions = (
  officer: OfficerFacts,
  index: number,
): Either.Either<OfficerFacts, ContradictoryFacts> => {
  const found = contradictionIn(officer, index);
  // Built from decoded facts and this table: checking the fields again cannot fail.
  return found === undefined
    ? Either.right(officer)
    : Either.left(new ContradictoryFacts({ message: found.message, ids: found.ids, path: found.path }, true));
};
