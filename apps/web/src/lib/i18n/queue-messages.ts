/**
 * The words of the legal section's queue: what waits for it across the wrong-case proceedings, the interference
 * records and the spot checks.
 */
import type { Language } from "./language.js";

const zh = {
  nav: "待办",
  title: "法治科待办",
  toAccept: "待受理的举报或投诉",
  periods: "正在计算的期限",
  toReview: "待检查的干预记录",
  awaitingApproval: "待局负责人批准通报的记录",
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
  nav: "Queue",
  title: "The legal section's queue",
  toAccept: "Reports to accept",
  periods: "Running periods",
  toReview: "Interference records to check",
  awaitingApproval: "Notifications awaiting the head's approval",
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
