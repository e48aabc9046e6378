/** The bodies a regime names: who investigates, decides, supervises. Another agency names its own. */
import { Schema } from "effect";
import { LocalisedText } from "../i18n/localised-text.js";

export const Bodies = Schema.Struct({
  /** WC.3 行政执法错案责任追究机关 — the accountability body itself. */
  agency: LocalisedText,
  /** WC.3, WC.7 法治科: investigates, determines and proposes. */
  legalSection: LocalisedText,
  /** WC.10.2 局主要负责人. */
  head: LocalisedText,
  /** WC.10.2 机关纪委: forms the investigation team. */
  disciplineCommittee: LocalisedText,
  /** WC.10.3 党委: decides after collective discussion. */
  partyCommittee: LocalisedText,
  /** WC.10.3, IF.11 区纪委监委驻发改委纪检组: referrals for discipline. */
  disciplineGroup: LocalisedText,
  /** IF.3, IF.4 区司法行政部门行政执法协调监督机构. */
  judicialSupervision: LocalisedText,
});
export type Bodies = typeof Bodies.Type;
