/** The words of the statistics page: the legal section's and the head's figures (IF.4, WC.10). */
import type { Language } from "./language.js";

const zh = {
  title: "统计",
  from: "起始月份",
  to: "截止月份",
  show: "查看",
  print: "打印",
  records: "干预、插手案件办理记录",
  wrongCases: "错案责任倒查",
  total: (n: number) => `共 ${n} 件。`,
  byCategory: "按记录时的情形",
  byMonth: "按月份",
  byDepartment: "按科室",
  byMethod: "按方式",
  byStage: "按办理阶段",
  category: "情形",
  month: "月份",
  department: "科室",
  method: "方式",
  stage: "阶段",
  count: "件数",
  noDepartment: "（不在名册中）",
  none: "您无权查看统计。",
  // IF.10（一）至（七）, in short.
  categoryNames: {
    "IF.10.1": "超越职权下达指示",
    "IF.10.2": "私自提出定性处理意见或批转涉案材料",
    "IF.10.3": "要求违法登记保存证据或处置涉案财物",
    "IF.10.4": "提出私下会见当事人",
    "IF.10.5": "为当事人请托、说情或打探案情、通风报信",
    "IF.10.6": "为当事人转递涉案材料及打探案情、通风报信",
    "IF.10.7": "其他干预、插手行为",
    none: "不属于第十条所列情形",
  } as Record<string, string>,
};

export type StatisticsMessages = typeof zh;

const en: StatisticsMessages = {
  title: "Statistics",
  from: "From",
  to: "To",
  show: "Show",
  print: "Print",
  records: "Interference records",
  wrongCases: "Wrong-case proceedings",
  total: (n: number) => `${n} in all.`,
  byCategory: "By category when recorded",
  byMonth: "By month",
  byDepartment: "By department",
  byMethod: "By method",
  byStage: "By stage",
  category: "Category",
  month: "Month",
  department: "Department",
  method: "Method",
  stage: "Stage",
  count: "Count",
  noDepartment: "(not in the directory)",
  none: "You may not read the statistics.",
  categoryNames: {
    "IF.10.1": "instructions beyond authority",
    "IF.10.2": "private opinions on a case or forwarding its materials",
    "IF.10.3": "unlawful preservation of evidence or disposal of property",
    "IF.10.4": "proposing a private meeting with a party",
    "IF.10.5": "pleading for a party, probing or tipping off",
    "IF.10.6": "forwarding materials for a party, probing or tipping off",
    "IF.10.7": "other interference",
    none: "none of IF.10's categories",
  },
};

const MESSAGES: Readonly<Record<Language, StatisticsMessages>> = { zh, en };

export const statisticsMessagesFor = (language: Language): StatisticsMessages => MESSAGES[language];
