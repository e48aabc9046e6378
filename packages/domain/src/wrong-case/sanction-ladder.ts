/**
 * WC.11 行政责任追究的种类和方式：1.责令作出书面检查；2.通报批评；3.取消当年评先资格和晋升资格；
 * 4.暂停执法（暂扣行政执法证）；5.责令调离执法岗位或者调离执法队伍；6.行政处分。
 * The article lists the kinds mildest first; that order is the ladder a proposal climbs.
 */
import { Schema } from "effect";

export const SANCTION_IDS = ["WC.11.1", "WC.11.2", "WC.11.3", "WC.11.4", "WC.11.5", "WC.11.6"] as const;
export const SanctionId = Schema.Literal(...SANCTION_IDS);
export type SanctionId = typeof SanctionId.Type;

export const TOP_RUNG = SANCTION_IDS.length - 1;

export const rungOf = (id: SanctionId): number => SANCTION_IDS.indexOf(id);

export const sanctionAt = (rung: number): SanctionId =>
  SANCTION_IDS[Math.max(0, Math.min(TOP_RUNG, rung))] ?? "WC.11.1";
