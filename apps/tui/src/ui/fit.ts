/**
 * Text cut to a number of terminal columns. Chinese characters take two columns; Ink's own truncation
 * miscounts them at the edge and spills a `…` onto a line of its own, which breaks an 80×24 layout.
 */

// East Asian wide and fullwidth ranges (Unicode UAX #11), enough for Chinese, Japanese, Korean and their
// punctuation.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

export const columnsOf = (char: string): number => {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return 0;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
};

export const widthOf = (text: string): number => {
  let width = 0;
  for (const char of text) width += columnsOf(char);
  return width;
};

/** `text` in at most `width` columns, ending in `…` when cut; line breaks become spaces. */
export const fit = (text: string, width: number): string => {
  const flat = text.replace(/\s*\n\s*/g, " ");
  if (widthOf(flat) <= width) return flat;
  let out = "";
  let used = 0;
  for (const char of flat) {
    const w = columnsOf(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
};

/** `text` cut to `width` columns and padded with spaces to fill them. */
export const column = (text: string, width: number): string => {
  const cut = fit(text, width);
  return cut + " ".repeat(Math.max(0, width - widthOf(cut)));
};

/** `text` broken into lines of at most `width` columns (by character: Chinese has no spaces to break at). */
export const wrapTo = (text: string, width: number): ReadonlyArray<string> => {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    for (const char of paragraph) {
      const w = columnsOf(char);
      if (used + w > width) {
        lines.push(line);
        line = "";
        used = 0;
      }
      line += char;
      used += w;
    }
    lines.push(line);
  }
  return lines;
};
