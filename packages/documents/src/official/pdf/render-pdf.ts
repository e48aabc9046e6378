/**
 * An official document as PDF, laid out after GB/T 9704-2012 on a grid of 22 lines of 28 characters, with
 * the CJK font embedded as a subset. The text is drawn as text (not outlines), so it can be extracted,
 * searched and checked against the document's words.
 */
import PDFDocument from "pdfkit";
import { codeLine, documentLines, pageNumberText } from "../document-text.js";
import {
  CHARACTER_PITCH_PT,
  FONT_SIZE_PT,
  LINE_PITCH_PT,
  LINES_PER_PAGE,
  MARGIN_MM,
  mmToPt,
  PAGE_MM,
  RED,
  TYPE_AREA_MM,
} from "../layout.js";
import type { OfficialDocument } from "../official-document.js";
import { cjkFonts } from "./cjk-font.js";
import { breakLines } from "./line-breaking.js";

type Face = "regular" | "bold";

/** One line of the grid: what is drawn in it and how. */
interface GridLine {
  readonly text: string;
  readonly face: Face;
  readonly size: number;
  readonly align: "left" | "centre" | "right";
  /** Left indent in points (the first line of a paragraph), or right indent when right-aligned. */
  readonly indent: number;
  readonly color?: string;
  /** Snap to the 28-character grid (the body), or keep the font's own advance (titles). */
  readonly onGrid: boolean;
  /** A rule drawn under the line: the red 版头 rule, or the 版记's black rules. */
  readonly rule?: { readonly color: string; readonly widthMm: number } | undefined;
  readonly ruleAbove?: { readonly color: string; readonly widthMm: number } | undefined;
}

const left = mmToPt(MARGIN_MM.left);
const top = mmToPt(MARGIN_MM.top);
const typeWidth = mmToPt(TYPE_AREA_MM.width);
const typeHeight = mmToPt(TYPE_AREA_MM.height);
const pageSize: [number, number] = [mmToPt(PAGE_MM.width), mmToPt(PAGE_MM.height)];

export const renderPdf = (doc: OfficialDocument, code: string): Promise<Uint8Array> => {
  const lines = documentLines(doc);
  const fonts = cjkFonts();
  const pdf = new PDFDocument({
    size: pageSize,
    margins: { top, left, right: mmToPt(MARGIN_MM.right), bottom: mmToPt(MARGIN_MM.bottom) },
    autoFirstPage: false,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    // The document's own date, so the same document renders to the same bytes.
    info: {
      Title: `${lines.number} ${lines.title}`,
      Author: doc.signatory,
      Creator: "留痕 Liuhen",
      Producer: "留痕 Liuhen",
      Subject: codeLine(code),
      CreationDate: new Date(`${doc.date}T00:00:00+08:00`),
      ModDate: new Date(`${doc.date}T00:00:00+08:00`),
    },
  });
  pdf.registerFont("regular", fonts.regular);
  pdf.registerFont("bold", fonts.bold);

  const spacingOf = (line: Pick<GridLine, "size" | "onGrid">) =>
    line.onGrid ? CHARACTER_PITCH_PT * (line.size / FONT_SIZE_PT.body) - line.size : 0;
  const measure = (face: Face, size: number, onGrid: boolean) => (s: string) => {
    pdf.font(face).fontSize(size);
    return pdf.widthOfString(s) + spacingOf({ size, onGrid }) * [...s].length;
  };

  const grid: GridLine[] = [];
  const blank = () =>
    grid.push({ text: "", face: "regular", size: FONT_SIZE_PT.body, align: "left", indent: 0, onGrid: true });
  const centred = (text: string, face: Face, size: number, extra: Partial<GridLine> = {}) => {
    for (const part of breakLines(text, typeWidth, measure(face, size, false))) {
      grid.push({ text: part, face, size, align: "centre", indent: 0, onGrid: false, ...extra });
    }
  };
  const paragraph = (text: string, face: Face, indentChars: number) => {
    const indent = indentChars * CHARACTER_PITCH_PT;
    breakLines(text, typeWidth, measure(face, FONT_SIZE_PT.body, true), typeWidth - indent).forEach(
      (part, i) => {
        grid.push({
          text: part,
          face,
          size: FONT_SIZE_PT.body,
          align: "left",
          indent: i === 0 ? indent : 0,
          onGrid: true,
        });
      },
    );
  };

  // 7.2 版头: the issuer's mark in red 小标宋, the number, the red rule.
  centred(lines.issuerMark, "bold", FONT_SIZE_PT.title, { color: RED });
  blank();
  centred(lines.number, "regular", FONT_SIZE_PT.body, { rule: { color: RED, widthMm: 0.7 } });
  blank();
  // 7.3 主体.
  centred(lines.title, "bold", FONT_SIZE_PT.title);
  blank();
  paragraph(lines.recipient, "regular", 0);
  for (const block of lines.body) paragraph(block.text, block.kind === "heading1" ? "bold" : "regular", 2);
  blank();
  blank();
  grid.push({
    text: lines.signatory,
    face: "regular",
    size: FONT_SIZE_PT.body,
    align: "right",
    indent: 2 * CHARACTER_PITCH_PT,
    onGrid: true,
  });
  grid.push({
    text: lines.date,
    face: "regular",
    size: FONT_SIZE_PT.body,
    align: "right",
    indent: 4 * CHARACTER_PITCH_PT,
    onGrid: true,
  });

  // 7.4 版记 sits at the foot of the last page: 末条分隔线与公文最后一面的版心下边缘重合.
  const imprint: GridLine[] = [];
  const thick = { color: "#000000", widthMm: 0.35 };
  const thin = { color: "#000000", widthMm: 0.25 };
  if (lines.copyTo !== null) {
    imprint.push({
      text: lines.copyTo,
      face: "regular",
      size: FONT_SIZE_PT.imprint,
      align: "left",
      indent: FONT_SIZE_PT.imprint,
      onGrid: false,
      ruleAbove: thick,
      rule: thin,
    });
  }
  const imprintLine = lines.imprint;
  const firstRule = lines.copyTo === null ? thick : undefined;
  const used = grid.length % LINES_PER_PAGE;
  const free = used === 0 && grid.length > 0 ? 0 : LINES_PER_PAGE - used;
  const needed = imprint.length + 1;
  const filler = free >= needed + 1 ? free - needed : free + LINES_PER_PAGE - needed;
  for (let i = 0; i < filler; i++) blank();
  grid.push(...imprint);
  const imprintIndex = grid.length;
  blank();

  const pages = Math.ceil(grid.length / LINES_PER_PAGE);
  for (let p = 0; p < pages; p++)
    pdf.addPage({ size: pageSize, margins: { top: 0, left: 0, right: 0, bottom: 0 } });

  const draw = (line: GridLine, slot: number, page: number) => {
    pdf.switchToPage(page);
    const slotTop = top + slot * LINE_PITCH_PT;
    const y = slotTop + (LINE_PITCH_PT - line.size) / 2 - line.size * 0.08;
    const width = measure(line.face, line.size, line.onGrid)(line.text);
    const x =
      line.align === "centre"
        ? left + (typeWidth - width) / 2
        : line.align === "right"
          ? left + typeWidth - line.indent - width
          : left + line.indent;
    if (line.text !== "") {
      pdf
        .font(line.face)
        .fontSize(line.size)
        .fillColor(line.color ?? "#000000")
        .text(line.text, x, y, { lineBreak: false, characterSpacing: spacingOf(line) });
    }
    const rule = (at: number, r: { readonly color: string; readonly widthMm: number }) =>
      pdf
        .save()
        .moveTo(left, at)
        .lineTo(left + typeWidth, at)
        .lineWidth(mmToPt(r.widthMm))
        .strokeColor(r.color)
        .stroke()
        .restore();
    if (line.rule) rule(slotTop + LINE_PITCH_PT, line.rule);
    if (line.ruleAbove) rule(slotTop, line.ruleAbove);
  };
  for (const [i, line] of grid.entries()) draw(line, i % LINES_PER_PAGE, Math.floor(i / LINES_PER_PAGE));

  // 印发机关 at the left, 印发日期 at the right, both 空一字, between the 版记's rules.
  {
    const page = Math.floor(imprintIndex / LINES_PER_PAGE);
    const slot = imprintIndex % LINES_PER_PAGE;
    const slotTop = top + slot * LINE_PITCH_PT;
    pdf.switchToPage(page);
    const size = FONT_SIZE_PT.imprint;
    const y = slotTop + (LINE_PITCH_PT - size) / 2 - size * 0.08;
    pdf.font("regular").fontSize(size).fillColor("#000000");
    pdf.text(imprintLine.printedBy, left + size, y, { lineBreak: false });
    const dateWidth = pdf.widthOfString(imprintLine.printedOn);
    pdf.text(imprintLine.printedOn, left + typeWidth - size - dateWidth, y, { lineBreak: false });
    const rule = (at: number, r: { readonly widthMm: number }) =>
      pdf
        .save()
        .moveTo(left, at)
        .lineTo(left + typeWidth, at)
        .lineWidth(mmToPt(r.widthMm))
        .strokeColor("#000000")
        .stroke()
        .restore();
    if (firstRule) rule(slotTop, firstRule);
    rule(slotTop + LINE_PITCH_PT, thick);
  }

  // 7.5.1 页码: 4号半角宋体阿拉伯数字，数字左右各放一条一字线；一字线上距版心下边缘7 mm。单页码居右空一字，双页码居左空一字.
  for (let p = 0; p < pages; p++) {
    pdf.switchToPage(p);
    const size = FONT_SIZE_PT.pageNumber;
    const y = top + typeHeight + mmToPt(7);
    const text = pageNumberText(p + 1);
    pdf.font("regular").fontSize(size).fillColor("#000000");
    const width = pdf.widthOfString(text);
    const x = (p + 1) % 2 === 1 ? left + typeWidth - size - width : left + size;
    pdf.text(text, x, y, { lineBreak: false });
    const codeText = codeLine(code);
    pdf.fontSize(10.5);
    pdf.text(codeText, left + (typeWidth - pdf.widthOfString(codeText)) / 2, y + size + mmToPt(3), {
      lineBreak: false,
    });
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
    pdf.end();
  });
};
