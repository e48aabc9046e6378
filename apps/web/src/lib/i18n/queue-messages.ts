/**
 * The words of the legal section's queue: what waits for it across the wrong-case proceedings, the interference
 * records and the spot checks, and the day the API judged the periods on (the queue and deadlines at a glance).
 */
import type { Language } from "./language.js";

const zh = {
  title: "法治科待办",
  judgedOn: (date: string) => `今天：${date}（期限据此判断）`,
  toAccept: "待受理或转送的举报或投诉",
  periods: "正在计算的期限",
  proceedings: "办理中的错案程序",
  toReview: "待检查、调查或移交的干预记录",
  awaitingApproval: "待批准或待通报的干预记录",
  spotChecks: "待完成的抽查",
  received: "收到日期",
  recorded: "记录日期",
  committed: "登记日期",
  toDraw: "待抽取",
  toCheck: "待检查抽中的记录",
  nothing: "暂无。",
  print: "打印",
};

export type QueueMessages = typeof zh;

const en: QueueMessages = {
  title: "The legal section's queue",
  judgedOn: (date: string) => `Today: ${date} (the periods are judged on this day)`,
  toAccept: "Reports to accept or send on",
  periods: "Running periods",
  proceedings: "Proceedings under way",
  toReview: "Interference records to check, investigate or refer",
  awaitingApproval: "Notifications awaiting approval or circulation",
  spotChecks: "Spot checks to finish",
  received: "Received",
  recorded: "Recorded",
  committed: "Committed",
  toDraw: "to be drawn",
  toCheck: "records drawn to check",
  nothing: "Nothing.",
  print: "Print",
};

const MESSAGES: Readonly<Record<Language, QueueMessages>> = { zh, en };

export const queueMessagesFor = (language: Language): QueueMessages => MESSAGES[language];
