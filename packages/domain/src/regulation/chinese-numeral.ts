/** Chinese numerals as the regulation writes article numbers: 一 … 十, 十一, 二十三. */
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const parseChineseNumeral = (s: string): number => {
  const [tens, units] = s.includes("十") ? s.split("十") : ["", s];
  const t = s.includes("十") ? (tens === "" ? 1 : (DIGITS[tens ?? ""] ?? Number.NaN)) : 0;
  const u = units === "" || units === undefined ? 0 : (DIGITS[units] ?? Number.NaN);
  const n = t * 10 + u;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a Chinese numeral: ${s}`);
  return n;
};
