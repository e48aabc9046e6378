/**
 * The ladder from conduct (WC.6) to a sanction kind (WC.11). The regulation lists both but maps neither to
 * the other: this is POLICY, not law, versioned and replaceable by each agency. Every proposal names the
 * policy version and the rules inside it that produced it (WC.7: 法治科……提出处理建议 — a proposal only).
 *
 * Two constraints are law and are enforced on every policy when it is decoded:
 * - WC.9 应从重处理 (mandatory): each aggravation ground raises a proposal by at least one rung;
 * - WC.8 可以从轻或免于追究 (discretionary): mitigation never raises it.
 */
import { Schema } from "effect";
import { LocalisedText } from "../i18n/localised-text.js";
import { CONDUCT_IDS, ConductId } from "./facts.js";
import { SanctionId } from "./sanction-ladder.js";

export class ConductRule extends Schema.Class<ConductRule>("ConductRule")({
  /** Stable id inside the policy, shown in every proposal it produces. */
  rule: Schema.String,
  conduct: Schema.NonEmptyArray(ConductId),
  /** The kind of sanction this conduct calls for on its own. */
  sanction: SanctionId,
  reason: LocalisedText,
}) {}

export class Accompaniment extends Schema.Class<Accompaniment>("Accompaniment")({
  rule: Schema.String,
  /** From this rung up, the proposal adds `add` beside the main kind (WC.11.3 may accompany another kind). */
  from: SanctionId,
  add: SanctionId,
}) {}

export class SanctionPolicy extends Schema.Class<SanctionPolicy>("SanctionPolicy")(
  Schema.Struct({
    /** `name@version`, e.g. `default@1`. */
    version: Schema.String.pipe(
      Schema.pattern(/^[a-z0-9-]+@\d+$/, { message: () => "a policy version looks like default@1" }),
    ),
    /** Marks the mapping as policy rather than law wherever it is shown. */
    nature: Schema.Literal("policy"),
    title: LocalisedText,
    conductRules: Schema.Array(ConductRule),
    mitigation: Schema.Struct({
      rule: Schema.String,
      rungs: Schema.Int.pipe(
        Schema.lessThanOrEqualTo(0, { message: () => "WC.8 never raises a proposal: rungs ≤ 0" }),
      ),
    }),
    aggravation: Schema.Struct({
      rule: Schema.String,
      rungs: Schema.Int.pipe(
        Schema.greaterThanOrEqualTo(1, {
          message: () => "WC.9 is mandatory: aggravation raises by ≥ 1 rung",
        }),
      ),
    }),
    accompaniments: Schema.Array(Accompaniment),
  }).pipe(
    Schema.filter((p) => {
      // Every WC.6 conduct must map to exactly one rule, so no conduct falls through the policy.
      for (const id of CONDUCT_IDS) {
        const n = p.conductRules.filter((r) => r.conduct.includes(id)).length;
        if (n !== 1)
          return { path: ["conductRules"], message: `${id} is covered by ${n} rules; it needs exactly 1` };
      }
      return undefined;
    }),
  ),
) {}

const rule = (
  id: string,
  conduct: readonly [ConductId, ...ConductId[]],
  sanction: SanctionId,
  zh: string,
  en: string,
) => ConductRule.make({ rule: id, conduct, sanction, reason: { zh, en } });

/** Liuhen's default policy. Agencies replace it with their own; its rungs follow 责罚相当 (WC.4.3). */
export const DEFAULT_POLICY = SanctionPolicy.make({
  version: "default@1",
  nature: "policy",
  title: { zh: "留痕默认处理建议政策（第1版）", en: "Liuhen default sanction policy, version 1" },
  conductRules: [
    rule(
      "legal-basis",
      ["WC.6.4"],
      "WC.11.1",
      "适用依据错误，责令作出书面检查",
      "wrong legal basis: written self-examination",
    ),
    rule(
      "other",
      ["WC.6.11"],
      "WC.11.1",
      "其它应追究责任的行为，责令作出书面检查",
      "other conduct: written self-examination",
    ),
    rule(
      "procedure-authority-evidence",
      ["WC.6.1", "WC.6.2", "WC.6.3", "WC.6.5", "WC.6.10"],
      "WC.11.2",
      "越权、无证、违反程序、证据问题或显失公正，通报批评",
      "beyond authority, no certificate, procedure, evidence or manifest unfairness: circulated criticism",
    ),
    rule(
      "unlawful-coercion",
      ["WC.6.6"],
      "WC.11.4",
      "违法实施强制措施造成损害，暂停执法",
      "unlawful coercive measure causing harm: suspension from enforcement",
    ),
    rule(
      "seized-property-and-fines",
      ["WC.6.7", "WC.6.8"],
      "WC.11.5",
      "占用暂扣物品或截留、挪用罚没款物，调离执法岗位",
      "seized property or fines misused: removal from the enforcement post",
    ),
    rule(
      "bribery-dereliction",
      ["WC.6.9"],
      "WC.11.6",
      "索贿受贿、玩忽职守、徇私枉法，行政处分",
      "bribery, dereliction or bending the law: administrative sanction",
    ),
  ],
  mitigation: { rule: "mitigation-one-rung-lighter", rungs: -1 },
  aggravation: { rule: "aggravation-one-rung-heavier-per-ground", rungs: 1 },
  accompaniments: [
    Accompaniment.make({ rule: "award-eligibility-from-suspension", from: "WC.11.4", add: "WC.11.3" }),
  ],
});
