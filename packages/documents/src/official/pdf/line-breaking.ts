/**
 * Breaking Chinese text into the lines of the type area, with the rule of Chinese typesetting (避头尾) that a
 * line never starts with closing punctuation nor ends with opening punctuation: the character before is
 * carried down with it instead.
 */

// 行首禁则: closing marks and pauses that may not begin a line.
const NO_LINE_START = new Set([..."，。、；：？！）》」』】〕”’…—·%,.;:?!)]}"]);
// 行尾禁则: opening marks that may not end a line.
const NO_LINE_END = new Set([..."（《「『【〔“‘([{"]);

/**
 * Splits `text` so that no line is wider than `width`, the width of a string given by `measure`. The first
 * line may be narrower (`firstWidth`, for the two-character indent of a paragraph).
 */
export const breakLines = (
  text: string,
  width: number,
  measure: (s: string) => number,
  firstWidth: number = width,
): ReadonlyArray<string> => {
  const chars = [...text];
  const lines: string[] = [];
  let line: string[] = [];
  const room = () => (lines.length === 0 ? firstWidth : width);
  for (const char of chars) {
    // A small tolerance: 28 characters of the grid fill 156 mm to the last hundredth of a point.
    if (line.length > 0 && measure([...line, char].join("")) > room() + 0.01) {
      let carried: string[] = [];
      if (NO_LINE_START.has(char) && line.length > 1) carried = line.splice(-1);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1] ?? ""))
        carried = [...line.splice(-1), ...carried];
      lines.push(line.join(""));
      line = carried;
    }
    line.push(char);
  }
  if (line.length > 0) lines.push(line.join(""));
  return lines;
};
