/**
 * What the legal section establishes about a case and its officers: the inputs of the wrong-case rules
 * (WC.2, WC.5, WC.6, WC.8, WC.9). These Schemas are also the `wrong-case` request of the JSON contract.
 */
import { Schema } from "effect";

const idList = <const Ids extends readonly [string, ...string[]]>(ids: Ids, what: string) =>
  Schema.Literal(...ids).annotations({
    message: (issue) => ({
      message: `${JSON.stringify(issue.actual)} is not ${what} (${ids[0]} … ${ids[ids.length - 1]})`,
      override: true,
    }),
  });

// WC.2 本制度所称的行政执法错案责任，是指行政处罚、行政许可案件被认定为错案后……
export const CASE_KINDS = [
  "administrative-penalty",
  "administrative-licence",
  "inspection",
  "coercive-measure",
  "other",
] as const;
export const CaseKind = idList(CASE_KINDS, "a case kind");
export type CaseKind = typeof CaseKind.Type;

// WC.5 以下案件，经调查属实的，界定为错案：1.… 7.…
export const TRIGGER_IDS = ["WC.5.1", "WC.5.2", "WC.5.3", "WC.5.4", "WC.5.5", "WC.5.6", "WC.5.7"] as const;
export const TriggerId = idList(TRIGGER_IDS, "a WC.5 trigger id");
export type TriggerId = typeof TriggerId.Type;

// WC.6 行政执法人员在履行行政执法职责过程中有下列行为之一的，应追究其责任：（一）…（十一）
export const CONDUCT_IDS = [
  "WC.6.1",
  "WC.6.2",
  "WC.6.3",
  "WC.6.4",
  "WC.6.5",
  "WC.6.6",
  "WC.6.7",
  "WC.6.8",
  "WC.6.9",
  "WC.6.10",
  "WC.6.11",
] as const;
export const ConductId = idList(CONDUCT_IDS, "a WC.6 conduct id");
export type ConductId = typeof ConductId.Type;

// WC.8 有以下情形之一的，错案责任人员可以从轻或免于追究责任：（一）…（六）
export const MITIGATION_IDS = ["WC.8.1", "WC.8.2", "WC.8.3", "WC.8.4", "WC.8.5", "WC.8.6"] as const;
export const MitigationId = idList(MITIGATION_IDS, "a WC.8 mitigation id");
export type MitigationId = typeof MitigationId.Type;

// WC.9 执法人员坚持错误、放任危害后果发生或者阻碍调查人员履行职责的，应从重处理。
export const AGGRAVATION_IDS = ["WC.9a", "WC.9b", "WC.9c"] as const;
export const AggravationId = idList(AGGRAVATION_IDS, "a WC.9 aggravation id");
export type AggravationId = typeof AggravationId.Type;

const distinct = <A extends string>(ids: ReadonlyArray<A>) => new Set(ids).size === ids.length;
const Ids = <A extends string>(item: Schema.Schema<A>) =>
  Schema.Array(item).pipe(Schema.filter((ids) => distinct(ids) || "each id may appear once"));

export const OfficerFacts = Schema.Struct({
  id: Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "an officer needs an id" })),
  conduct: Ids(ConductId),
  mitigating: Schema.optionalWith(Ids(MitigationId), { default: () => [] }),
  aggravating: Schema.optionalWith(Ids(AggravationId), { default: () => [] }),
  /** WC.6.11 其它应追究责任的行为: the written reason the catch-all needs. */
  otherConductReason: Schema.optionalWith(Schema.NullOr(Schema.String), { default: () => null }),
}).pipe(
  Schema.filter((o) =>
    o.conduct.includes("WC.6.11") && (o.otherConductReason ?? "").trim() === ""
      ? { path: ["otherConductReason"], message: "WC.6.11 (其它应追究责任的行为) needs a written reason" }
      : undefined,
  ),
);
export type OfficerFacts = typeof OfficerFacts.Type;

export const WrongCaseFacts = Schema.Struct({
  case: Schema.Struct({ kind: CaseKind }),
  triggers: Ids(TriggerId),
  /** 经调查属实: the investigation confirmed the trigger. */
  confirmed: Schema.Boolean,
  officers: Schema.Array(OfficerFacts).pipe(
    Schema.filter((officers) => {
      const i = officers.findIndex((o, j) => officers.findIndex((p) => p.id === o.id) !== j);
      return i === -1
        ? undefined
        : { path: [i, "id"], message: `officer id ${officers[i]?.id} appears twice` };
    }),
  ),
});
export type WrongCaseFacts = typeof WrongCaseFacts.Type;
