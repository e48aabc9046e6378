/**
 * The words of the legal section's spot checks (IF.4 抽查): committing a check (the population and sizes fixed,
 * the seed's hash logged), drawing it (the seed revealed, the sample the rule gives), checking what was drawn.
 */
import type { Language } from "./language.js";

const zh = {
  list: {
    title: "抽查",
    intro: "先确定抽查范围和数量并登记种子摘要，再公开种子抽取样本；抽取结果任何人均可依留痕记录复核。",
    empty: "尚无抽查。",
    drawId: "抽查编号",
    period: "记录期间",
    committedOn: "登记日期",
    sizes: "抽取数量",
    state: "状态",
    drawn: "已抽取",
    undrawn: "待抽取",
    sizesOf: (records: number, handlers: number) => `记录 ${records} 件，办案人员 ${handlers} 人`,
  },
  commit: {
    title: "登记新的抽查",
    from: "记录期间自",
    to: "至",
    records: "抽取记录数",
    handlers: "抽取办案人员数",
    purpose: "抽查目的（可不填）",
    submit: "登记抽查",
  },
  check: {
    title: (id: string) => `抽查 ${id}`,
    population: "抽查范围",
    populationOf: (records: number, handlers: number) => `记录 ${records} 件，办案人员 ${handlers} 人`,
    seedHash: "种子摘要（SHA-256）",
    draw: "抽取样本",
    notDrawn: "尚未抽取：抽取时公开种子，按规则得出样本。",
    drawnOn: "抽取日期",
    sampledRecords: "抽中的记录",
    sampledHandlers: "抽中的办案人员",
    none: "无。",
    checked: (date: string) => `已于 ${date} 检查`,
    checkRecord: "记为已检查",
    checkHandler: (name: string) => `检查 ${name}`,
    outcome: "检查结论",
    outcomes: {
      "no-issue": "未发现问题",
      "non-recording-suspected": "疑似不记录或者不如实记录",
    },
    note: "检查情况",
    noteHint: "写明查阅了哪些案件、发现了什么。",
    saveHandlerCheck: "记录检查结果",
    reproduced: "按留痕记录复核：样本可重现。",
    notReproduced: "按留痕记录复核：样本不能重现！",
    print: "打印",
  },
};

export type SpotCheckMessages = typeof zh;

const en: SpotCheckMessages = {
  list: {
    title: "Spot checks",
    intro:
      "First fix the population and the sizes and log the seed's hash; then reveal the seed to draw the sample. Anyone can recompute a draw from the log.",
    empty: "No spot checks yet.",
    drawId: "Spot check",
    period: "Records made",
    committedOn: "Committed on",
    sizes: "Sizes",
    state: "State",
    drawn: "drawn",
    undrawn: "to be drawn",
    sizesOf: (records: number, handlers: number) => `${records} records, ${handlers} handlers`,
  },
  commit: {
    title: "Commit a new spot check",
    from: "Records made from",
    to: "to",
    records: "Records to draw",
    handlers: "Handlers to draw",
    purpose: "Purpose (optional)",
    submit: "Commit the spot check",
  },
  check: {
    title: (id: string) => `Spot check ${id}`,
    population: "Population",
    populationOf: (records: number, handlers: number) => `${records} records, ${handlers} handlers`,
    seedHash: "Seed hash (SHA-256)",
    draw: "Draw the sample",
    notDrawn: "Not drawn yet: drawing reveals the seed, and the rule gives the sample.",
    drawnOn: "Drawn on",
    sampledRecords: "Records drawn",
    sampledHandlers: "Handlers drawn",
    none: "None.",
    checked: (date: string) => `checked on ${date}`,
    checkRecord: "Mark as checked",
    checkHandler: (name: string) => `Check ${name}`,
    outcome: "Finding",
    outcomes: {
      "no-issue": "No issue found",
      "non-recording-suspected": "Failure to record (or to record truthfully) suspected",
    },
    note: "What the check found",
    noteHint: "Say which cases were looked at and what was found.",
    saveHandlerCheck: "Record the check",
    reproduced: "Recomputed from the log: the sample is reproduced.",
    notReproduced: "Recomputed from the log: the sample is NOT reproduced!",
    print: "Print",
  },
};

const MESSAGES: Readonly<Record<Language, SpotCheckMessages>> = { zh, en };

export const spotCheckMessagesFor = (language: Language): SpotCheckMessages => MESSAGES[language];
