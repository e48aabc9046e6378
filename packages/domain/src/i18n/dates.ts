/** Dates as people read them: 2020年12月30日 in Chinese, 30 December 2020 in English; ISO on the wire. */
import type { Language } from "./localised-text.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2020-12-30` → `2020年12月30日` or `30 December 2020`; anything else is returned as it is. */
export const formatDate = (iso: string, language: Language = "zh"): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return language === "zh"
    ? `${y}年${Number(mo)}月${Number(d)}日`
    : `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}`;
};
