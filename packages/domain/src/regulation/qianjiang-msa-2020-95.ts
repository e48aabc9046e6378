/**
 * 重庆市黔江区市场监督管理局 黔江市监发〔2020〕95号: the two regimes' articles, parsed from the issued text.
 */
import { parseRegulation, type RegulationLayout } from "./parse.js";
import { text } from "./texts/qianjiang-msa-2020-95.js";

export const QIANJIANG_TEXT = text;

export const QIANJIANG_LAYOUT: RegulationLayout = {
  regimes: [
    { code: "WC", title: "行政执法错案责任倒查问责制度" },
    { code: "IF", title: "行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究制度" },
  ],
  // WC.9 is one sentence naming three conducts; the rules cite each, so each gets a letter (REGIMES.md).
  parts: [
    { id: "WC.9a", of: "WC.9", excerpt: "坚持错误" },
    { id: "WC.9b", of: "WC.9", excerpt: "放任危害后果发生" },
    { id: "WC.9c", of: "WC.9", excerpt: "阻碍调查人员履行职责" },
  ],
  notes: {
    "IF.12a":
      "原文有两个“第十二条”，此为其中第一个（打击报复）；为区分，引用编号记为 IF.12a。The source has two articles numbered 12; this is the first (retaliation).",
    "IF.12b":
      "原文有两个“第十二条”，此为其中第二个（不记录或者不如实记录）；为区分，引用编号记为 IF.12b。The source has two articles numbered 12; this is the second (failure to record).",
  },
};

export const QIANJIANG_ARTICLES = parseRegulation(QIANJIANG_TEXT, QIANJIANG_LAYOUT);
