/**
 * The seven documents the two regimes call for, with the step each belongs to, the articles it rests on and
 * the word of its document number (机关代字), which numbers each kind on its own from 1 every year.
 */
import type { LocalisedText } from "@liuhen/domain";
import { Schema } from "effect";

export const DocumentKind = Schema.Literal(
  /** WC.10.1 区局法治科应当及时受理，并负责答复. */
  "reporter-reply",
  /** WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理. */
  "transfer-letter",
  /** WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议. */
  "handling-proposal",
  /** WC.10.3 经区局党委集体讨论后及时做出处理决定. */
  "committee-decision",
  /** WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩. */
  "statement-notice",
  /** WC.10.3 及时向区纪委监委驻发改委纪检组报告; IF.11 移交区纪委监委驻发改委纪检组. */
  "referral-letter",
  /** IF.10 应按人事管理权限并报经批准后予以通报. */
  "interference-notification",
);
export type DocumentKind = typeof DocumentKind.Type;

export const DOCUMENT_KINDS: ReadonlyArray<DocumentKind> = DocumentKind.literals;

export interface DocumentKindInfo {
  readonly label: LocalisedText;
  readonly citations: ReadonlyArray<string>;
  /** The word after the agency's abbreviation in the document number: 黔江市监 + 法复 + 〔2025〕1号. */
  readonly numberWord: string;
}

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  "reporter-reply": {
    label: { zh: "举报（投诉）答复书", en: "Reply to the reporter" },
    citations: ["WC.10.1"],
    numberWord: "法复",
  },
  "transfer-letter": {
    label: { zh: "转送函", en: "Transfer letter to the competent body" },
    citations: ["WC.10.1"],
    numberWord: "法转",
  },
  "handling-proposal": {
    label: { zh: "处理建议", en: "Handling proposal of the legal section" },
    citations: ["WC.7"],
    numberWord: "法建",
  },
  "committee-decision": {
    label: { zh: "处理决定", en: "Decision of the party committee" },
    citations: ["WC.10.3", "WC.12"],
    numberWord: "党决",
  },
  "statement-notice": {
    label: { zh: "陈述申辩权利告知书", en: "Notice of the right to state and defend" },
    citations: ["WC.12"],
    numberWord: "法告",
  },
  "referral-letter": {
    label: { zh: "移送函", en: "Referral letter to the discipline inspection group" },
    citations: ["WC.10.3", "IF.11"],
    numberWord: "移",
  },
  "interference-notification": {
    label: { zh: "通报", en: "Notification of interference" },
    citations: ["IF.10"],
    numberWord: "通",
  },
};
