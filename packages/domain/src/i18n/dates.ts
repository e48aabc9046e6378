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
// `YYYY-MM-DD` checked by character codes rather than a regular expression: explanations format dates on the
// hot path of `assess`, and the match arrays showed in profiles.
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isIsoDate = (s: string) =>
  s.length === 10 &&
  s[4] === "-" &&
  s[7] === "-" &&
  isDigit(s, 0) &&
  isDigit(s, 1) &&
  isDigit(s, 2) &&
  isDigit(s, 3) &&
  isDigit(s, 5) &&
  isDigit(s, 6) &&
  isDigit(s, 8) &&
  isDigit(s, 9);

// Month and day read from their digits, for the same reason.
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

export const formatDate = (iso: string, language: Language = "zh"): string => {
  if (!isIsoDate(iso)) return iso;
  const y = iso.slice(0, 4);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  return language === "zh"
    ? `${y}年${month}月${day}日`
    : `${day} ${MONTHS[month - 1] ?? iso.slice(5, 7)} ${y}`;
};
