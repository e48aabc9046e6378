/**
 * The seven official documents in the order a proceeding reaches them, with their names in Chinese and
 * English and the articles behind each. Whether one may be generated now is the API's to say.
 */
import type { Language } from "@liuhen/domain";

export interface KindEntry {
  readonly kind: string;
  readonly proceeding: "wrong-case" | "interference";
  readonly label: Readonly<Record<Language, string>>;
  readonly citations: ReadonlyArray<string>;
}

export const DOCUMENT_KINDS: ReadonlyArray<KindEntry> = [
  {
    kind: "reporter-reply",
    proceeding: "wrong-case",
    label: { zh: "举报（投诉）答复书", en: "Reply to the reporter" },
    citations: ["WC.10.1"],
  },
  {
    kind: "transfer-letter",
    proceeding: "wrong-case",
    label: { zh: "转送函", en: "Transfer letter" },
    citations: ["WC.10.1"],
  },
  {
    kind: "handling-proposal",
    proceeding: "wrong-case",
    label: { zh: "处理建议", en: "Handling proposal" },
    citations: ["WC.7"],
  },
  {
    kind: "committee-decision",
    proceeding: "wrong-case",
    label: { zh: "处理决定", en: "Committee decision" },
    citations: ["WC.10.3"],
  },
  {
    kind: "statement-notice",
    proceeding: "wrong-case",
    label: { zh: "陈述申辩权利告知书", en: "Notice of the right to state and defend" },
    citations: ["WC.12"],
  },
  {
    kind: "referral-letter",
    proceeding: "wrong-case",
    label: { zh: "移送函", en: "Referral letter" },
    citations: ["WC.10.3"],
  },
  {
    kind: "referral-letter",
    proceeding: "interference",
    label: { zh: "移送函", en: "Referral letter" },
    citations: ["IF.11"],
  },
  {
    kind: "interference-notification",
    proceeding: "interference",
    label: { zh: "通报", en: "Notification" },
    citations: ["IF.10"],
  },
];

export const PAGE_TEXT = {
  zh: {
    title: "公文",
    intro:
      "按 GB/T 9704-2012 版式生成本案各步骤的公文（PDF 与 DOCX），文号自动编排，文件摘要值与核验码记入日志。",
    issued: "已制发的公文",
    none: "尚未制发公文。",
    generate: "生成",
    officer: "告知对象（人员编号，决定涉及多人时填写）",
    code: "核验码",
    back: "返回案件",
    verify: "公文核验",
  },
  en: {
    title: "Official documents",
    intro:
      "Generate the documents of this proceeding's steps (PDF and DOCX laid out after GB/T 9704-2012); numbers are allocated and each file's digest and verification code go into the log.",
    issued: "Documents issued",
    none: "No document issued yet.",
    generate: "Generate",
    officer: "Officer notified (person id, when the decision concerns several)",
    code: "Verification code",
    back: "Back to the case",
    verify: "Check a document",
  },
} as const;
