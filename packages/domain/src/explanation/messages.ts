/**
 * The sentence for each rule key a basis step can carry, in Chinese and English. A message gets the
 * step's inputs and whether the rule held; `explanation/prose.ts` puts the citation in front.
 */
import { formatDate } from "../i18n/dates.js";
import type { Language } from "../i18n/localised-text.js";
import type { BasisInput } from "./basis.js";

type Inputs = Readonly<Record<string, BasisInput>>;
export type Message = (inputs: Inputs, holds: boolean) => string;

const list = (v: BasisInput | undefined, sep: string) => (Array.isArray(v) ? v.join(sep) : String(v ?? ""));
// Joined in a loop rather than mapped into an array and joined: periods explain several lists of dates each.
const dates = (v: BasisInput | undefined, language: Language, sep: string): string => {
  if (!Array.isArray(v)) return v === undefined || v === null ? "" : formatDate(String(v), language);
  let out = "";
  for (let i = 0; i < v.length; i++) out += (i === 0 ? "" : sep) + formatDate(v[i] as string, language);
  return out;
};
const zhDate = (v: BasisInput | undefined) => dates(v, "zh", "、");
const enDate = (v: BasisInput | undefined) => dates(v, "en", ", ");
const yesNo = (holds: boolean, yes: string, no: string) => (holds ? yes : no);

export const MESSAGES: Readonly<Record<string, Readonly<Record<Language, Message>>>> = {
  "wc.scope": {
    zh: (_, h) =>
      yesNo(h, "行政处罚、行政许可案件，适用本制度。", "该案件不是行政处罚或行政许可案件，不适用本制度。"),
    en: (_, h) =>
      yesNo(
        h,
        "A penalty or licensing case: the regime applies.",
        "Not a penalty or licensing case: outside the regime.",
      ),
  },
  "wc.trigger": {
    zh: () => "存在认定错案的情形。",
    en: () => "A wrong-case trigger is present.",
  },
  "wc.trigger.none": {
    zh: () => "不存在第五条所列任何情形，不界定为错案。",
    en: () => "None of the WC.5 triggers holds: not a wrong case.",
  },
  "wc.confirmed": {
    zh: (_, h) => yesNo(h, "经调查属实，界定为错案。", "尚未经调查属实，暂不界定为错案。"),
    en: (_, h) =>
      yesNo(h, "Confirmed by investigation: a wrong case.", "Not yet confirmed by investigation: pending."),
  },
  "wc.conduct": {
    zh: (i) => `该执法人员有此行为，应追究其责任${i.reason ? `（理由：${i.reason}）` : ""}。`,
    en: (i) =>
      `The officer engaged in this conduct and is liable${i.reason ? ` (reason: ${i.reason})` : ""}.`,
  },
  "wc.conduct.none": {
    zh: () => "未发现第六条所列行为，不追究该执法人员责任。",
    en: () => "No WC.6 conduct found: the officer is not liable.",
  },
  "wc.mitigation": {
    zh: () => "有此情形，可以从轻或免于追究责任，由决定机关选择。",
    en: () => "This ground applies: liability may be lighter or waived; the decider chooses.",
  },
  "wc.mitigation.none": {
    zh: () => "无第八条所列从轻或免于追究的情形。",
    en: () => "No WC.8 ground applies.",
  },
  "wc.aggravation": {
    zh: () => "有此情形，应从重处理。",
    en: () => "This applies: the officer must be dealt with more heavily.",
  },
  "wc.aggravation.none": {
    zh: () => "无第九条所列应从重处理的情形。",
    en: () => "No WC.9 ground applies.",
  },
  "wc.referral.discipline": {
    zh: (_, h) =>
      yesNo(h, "涉嫌违纪违法，应及时向纪检组报告。", "未见涉嫌违纪违法的行为，无需向纪检组报告。"),
    en: (_, h) =>
      yesNo(
        h,
        "Suspected discipline or law violation: report to the discipline group.",
        "No suspected discipline violation.",
      ),
  },
  "wc.referral.criminal": {
    zh: () => "涉嫌犯罪，应移交有关部门追究刑事责任。",
    en: () => "Suspected crime: refer for criminal liability.",
  },
  "wc.proposal": {
    zh: (i) =>
      `法治科提出处理建议：${list(i.sanctions, "、")}（依据政策 ${i.policy}，规则 ${i.rule}；此为政策，非法规本身）。`,
    en: (i) =>
      `The legal section proposes ${list(i.sanctions, ", ")} (policy ${i.policy}, rule ${i.rule}; policy, not law).`,
  },
  "if.internal": {
    zh: (_, h) => yesNo(h, "属于本机关内部人员。", "不属于本机关内部人员。"),
    en: (_, h) => yesNo(h, "Internal staff of the body.", "Not internal staff of the body."),
  },
  "if.other-agency-procedure": {
    zh: (_, h) =>
      yesNo(
        h,
        "其他执法机关人员依照程序了解案件情况。",
        "其他执法机关人员未依照程序了解案件情况，应记录在案。",
      ),
    en: (_, h) =>
      yesNo(h, "Another agency asked through procedure.", "Another agency asked off procedure: record it."),
  },
  "if.instruction": {
    zh: () => "超越职权下达指示，属于违反规定干预办案。",
    en: () => "An instruction beyond authority: interference.",
  },
  "if.private-opinion": {
    zh: () => "超越职权私自提出案件定性处理意见或批转涉案材料，属于违反规定干预办案。",
    en: () => "A private opinion or forwarded materials beyond authority: interference.",
  },
  "if.unlawful-demand": {
    zh: () => "要求违法登记保存证据或者违法处置涉案财物，属于违反规定干预办案。",
    en: () => "A demand for unlawful preservation of evidence or disposal of property: interference.",
  },
  "if.private-meeting": {
    zh: () => "提出私下会见案件当事人或利害关系人，属于违反规定干预办案。",
    en: () => "Proposing a private meeting with a party: interference.",
  },
  "if.plead": {
    zh: () => "为当事人请托、说情，属于违反规定干预办案。",
    en: () => "Pleading for a party: interference.",
  },
  "if.tip-off": {
    zh: () => "通风报信，属于违反规定干预办案。",
    en: () => "Tipping off: interference.",
  },
  "if.forward-for-party": {
    zh: () => "为当事人转递涉案材料，属于违反规定干预办案。",
    en: () => "Forwarding materials for a party: interference.",
  },
  "if.probe": {
    zh: () => "不依程序打探案情，属于其他干预、插手案件办理的行为。",
    en: () => "Probing case details off procedure: other interference.",
  },
  "if.probe-for-party": {
    zh: () => "为当事人打探案情，属于违反规定干预办案。",
    en: () => "Probing case details for a party: interference.",
  },
  "if.inquiry-via-procedure": {
    zh: () => "因履行职责需要按正常工作程序了解案件情况，且已记录，不认定为干预。",
    en: () => "An inquiry for one's duties, through procedure and recorded: not interference.",
  },
  "if.inquiry-unrecorded": {
    zh: () => "按程序了解案件情况，但须由办案人员记录在案。",
    en: () => "An inquiry through procedure that the handler must record.",
  },
  "if.written-guidance": {
    zh: () => "具有指导、监督职能者依职责书面提出指导性意见，不认定为干预。",
    en: () => "Written guidance within supervisory duties: not interference.",
  },
  "if.oral-guidance": {
    zh: () => "领导或上级依职责口头提出指导性意见，应由办案人员记录在案。",
    en: () => "Oral guidance within supervisory duties: the handler records it.",
  },
  "if.other": {
    zh: () => "其他影响依法公正处理案件的行为，属于违反规定干预办案。",
    en: () => "Other conduct affecting fair handling: interference.",
  },
  "if.no-interference": {
    zh: () => "不属于第十条所列违反规定干预办案的行为。",
    en: () => "None of the IF.10 categories holds.",
  },
  "if.recorded": {
    zh: (_, h) => yesNo(h, "办案人员已如实记录。", "办案人员未记录。"),
    en: (_, h) => yesNo(h, "The handler recorded it.", "The handler did not record it."),
  },
  "if.not-recorded": {
    zh: () => "办案人员不记录的，予以警告、通报批评。",
    en: () => "A handler who does not record is warned and criticised in a circular.",
  },
  "if.non-recording.sanction": {
    zh: (i, h) =>
      yesNo(h, `第${i.violations}次不记录或者不如实记录，予以警告、通报批评。`, "没有不记录的情形。"),
    en: (i, h) =>
      yesNo(
        h,
        `Failure to record no. ${i.violations}: warning and circulated criticism.`,
        "No failure to record.",
      ),
  },
  "if.non-recording.discipline": {
    zh: (_, h) => yesNo(h, "两次以上不记录，移交纪检组给予纪律处分。", "未达两次，不移交纪律处分。"),
    en: (_, h) =>
      yesNo(
        h,
        "Two or more failures: refer for discipline.",
        "Fewer than two failures: no discipline referral.",
      ),
  },
  "if.non-recording.supervisor": {
    zh: (_, h) => yesNo(h, "主管领导授意不记录，追究主管领导责任。", "无主管领导授意不记录的情形。"),
    en: (_, h) => yesNo(h, "The supervisor instructed it and is liable.", "No supervisor instructed it."),
  },
  "if.protection.recorder": {
    zh: (_, h) =>
      yesNo(
        h,
        "该人事处理针对如实记录干预情况的办案人员，应向法治科发出保护提示。",
        "该人事处理不针对记录人。",
      ),
    en: (_, h) =>
      yesNo(
        h,
        "The action concerns a handler who recorded interference: alert the legal section.",
        "Not against a recorder.",
      ),
  },
  "if.protection.statutory": {
    zh: (i, h) =>
      yesNo(
        h,
        "已载明法定事由和法定程序。",
        `缺少${list(i.missing, "、").replace("statutoryCause", "法定事由").replace("statutoryProcedure", "法定程序")}，不得作出该处理。`,
      ),
    en: (i, h) =>
      yesNo(
        h,
        "Statutory cause and procedure are stated.",
        `Missing ${list(i.missing, ", ")}: the action may not proceed.`,
      ),
  },
  "if.protection.retaliation-suspected": {
    zh: () => "无法定事由或未经法定程序处理记录人，涉嫌打击报复，应移交纪检组。",
    en: () =>
      "Acting against a recorder without statutory cause or procedure suggests retaliation: refer for discipline.",
  },
  "if.referral-if-discipline": {
    zh: () => "构成违纪的，移交纪检组给予纪律处分；构成犯罪的，移交有关部门追究刑事责任。",
    en: () =>
      "If it is a discipline violation, refer to the discipline group; if a crime, refer for criminal liability.",
  },
  "period.start-day-excluded": {
    zh: (i) => `起算日${zhDate(i.start)}不计入期间。`,
    en: (i) => `The start day, ${enDate(i.start)}, is not counted.`,
  },
  "period.working-days": {
    zh: (i) => `${i.count}个工作日：计入${zhDate(i.counted)}，期间届满日为${zhDate(i.due)}。`,
    en: (i) => `${i.count} working days: counting ${enDate(i.counted)}; due ${enDate(i.due)}.`,
  },
  "period.rest-days-skipped": {
    zh: (i, h) =>
      yesNo(
        h,
        `跳过休息日：${[zhDate(i.statutoryRestDays), zhDate(i.weekendDays)].filter(Boolean).join("、")}${list(i.holidays, "、") ? `（${list(i.holidays, "、")}）` : ""}。`,
        "期间内无休息日。",
      ),
    en: (i, h) =>
      yesNo(
        h,
        `Rest days skipped: ${[enDate(i.statutoryRestDays), enDate(i.weekendDays)].filter(Boolean).join(", ")}.`,
        "No rest day within the period.",
      ),
  },
  "period.adjusted-working-days": {
    zh: (i) => `${zhDate(i.dates)}为调休上班日（${list(i.holidays, "、")}），计为工作日。`,
    en: (i) =>
      `${enDate(i.dates)} adjusted working day(s) (${list(i.holidays, ", ")}), counted as working days.`,
  },
  "period.calendar-days": {
    zh: (i) => `${i.count}日（自然日），自${zhDate(i.start)}起算，至${zhDate(i.end)}。`,
    en: (i) => `${i.count} calendar days from ${enDate(i.start)}: ${enDate(i.end)}.`,
  },
  "period.calendar-month": {
    zh: (i) => `${i.count}个月，自${zhDate(i.start)}起算，至${zhDate(i.end)}。`,
    en: (i) => `${i.count} calendar month(s) from ${enDate(i.start)}: ${enDate(i.end)}.`,
  },
  "period.month-end": {
    zh: (i) => `该月没有第${i.dayOfMonth}日，以该月最后一日${zhDate(i.end)}为期间届满日。`,
    en: (i) => `That month has no day ${i.dayOfMonth}: its last day, ${enDate(i.end)}, ends the period.`,
  },
  "period.roll-forward": {
    zh: (i, h) =>
      yesNo(
        h,
        `期间最后一日${zhDate(i.end)}为休息日，顺延至${zhDate(i.due)}。`,
        `期间最后一日${zhDate(i.end)}不顺延。`,
      ),
    en: (i, h) =>
      yesNo(
        h,
        `The last day, ${enDate(i.end)}, is a rest day: moved to ${enDate(i.due)}.`,
        `The last day, ${enDate(i.end)}, is not moved.`,
      ),
  },
  "period.holiday-calendar": {
    zh: (i) => `节假日依据：${list(i.notices, "、")}（${list(i.years, "、")}年）。`,
    en: (i) => `Holidays per ${list(i.notices, ", ")} (${list(i.years, ", ")}).`,
  },
};
