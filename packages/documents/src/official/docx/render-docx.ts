/**
 * An official document as DOCX (WordprocessingML), laid out after GB/T 9704-2012 and editable in WPS and Word.
 * The fonts are named, not embedded: office PCs in government carry 仿宋_GB2312, 方正小标宋简体, 黑体 and
 * 楷体_GB2312, and the `w:eastAsia` slot is where WPS and Word look for the Chinese face.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { codeLine, documentLines } from "../document-text.js";
import {
  CHARACTER_PITCH_PT,
  FONT_SIZE_PT,
  LINE_PITCH_PT,
  MARGIN_MM,
  mmToPt,
  OFFICIAL_FONTS,
  PAGE_MM,
  ptToTwip,
  RED,
} from "../layout.js";
import type { OfficialDocument } from "../official-document.js";

const twipsOfMm = (mm: number) => ptToTwip(mmToPt(mm));
/** Run sizes are in half-points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

/** A face for Chinese text with Times New Roman for Latin letters and digits (GB/T 9704 usage). */
const face = (eastAsia: string) => ({ eastAsia, ascii: OFFICIAL_FONTS.latin, hAnsi: OFFICIAL_FONTS.latin });

// 5.2.4 每面22行: every line of the body on the same exact pitch, so the grid holds.
const exactLine = { line: ptToTwip(LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const run = (text: string, font: string, sizePt: number, color?: string) =>
  new TextRun({ text, font: face(font), size: halfPoints(sizePt), ...(color ? { color } : {}) });

const blank = () => new Paragraph({ spacing: exactLine, children: [] });

const centred = (text: string, font: string, sizePt: number, color?: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactLine,
    children: [run(text, font, sizePt, color)],
  });

/** 7.5.1 页码: 单页码居右空一字，双页码居左空一字; the verification code on the line below. */
const footer = (alignment: "left" | "right", code: string) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          alignment === "right"
            ? { right: ptToTwip(FONT_SIZE_PT.body) }
            : { left: ptToTwip(FONT_SIZE_PT.body) },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: face(OFFICIAL_FONTS.pageNumber),
            size: halfPoints(FONT_SIZE_PT.pageNumber),
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(codeLine(code), OFFICIAL_FONTS.body, 10.5)],
      }),
    ],
  });

export const renderDocx = async (doc: OfficialDocument, code: string): Promise<Uint8Array> => {
  const lines = documentLines(doc);
  const body = lines.body.map((block) =>
    block.kind === "paragraph"
      ? new Paragraph({
          spacing: exactLine,
          alignment: AlignmentType.JUSTIFIED,
          // 7.3.3 正文 每个自然段左空二字.
          indent: { firstLineChars: 200, firstLine: ptToTwip(2 * FONT_SIZE_PT.body) },
          children: [run(block.text, OFFICIAL_FONTS.body, FONT_SIZE_PT.body)],
        })
      : new Paragraph({
          spacing: exactLine,
          indent: { firstLineChars: 200, firstLine: ptToTwip(2 * FONT_SIZE_PT.body) },
          children: [
            run(
              block.text,
              block.kind === "heading1" ? OFFICIAL_FONTS.heading1 : OFFICIAL_FONTS.heading2,
              FONT_SIZE_PT.body,
            ),
          ],
        }),
  );

  const document = new Document({
    creator: "留痕 Liuhen",
    title: `${lines.number} ${lines.title}`,
    description: codeLine(code),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: face(OFFICIAL_FONTS.body), size: halfPoints(FONT_SIZE_PT.body) },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsOfMm(PAGE_MM.width), height: twipsOfMm(PAGE_MM.height) },
            margin: {
              top: twipsOfMm(MARGIN_MM.top),
              bottom: twipsOfMm(MARGIN_MM.bottom),
              left: twipsOfMm(MARGIN_MM.left),
              right: twipsOfMm(MARGIN_MM.right),
              // 7.5.1 页码位于版心下边缘之下，一字线上距版心下边缘7 mm.
              footer: twipsOfMm(MARGIN_MM.bottom - 7 - 5),
              header: twipsOfMm(15),
            },
          },
          // 5.2.4 22 lines of 28 characters: the grid snaps characters to 156 mm / 28.
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: ptToTwip(LINE_PITCH_PT),
            charSpace: Math.round((CHARACTER_PITCH_PT - FONT_SIZE_PT.body) * 4096),
          },
        },
        footers: { default: footer("right", code), even: footer("left", code) },
        children: [
          // 7.2.1 发文机关标志: 小标宋, red, centred.
          centred(lines.issuerMark, OFFICIAL_FONTS.title, FONT_SIZE_PT.title, RED.slice(1)),
          blank(),
          // 7.2.3 发文字号 centred under the mark; 7.2.4 版头中的分隔线 red, under the number.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: exactLine,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED.slice(1), space: 8 } },
            children: [run(lines.number, OFFICIAL_FONTS.body, FONT_SIZE_PT.body)],
          }),
          blank(),
          // 7.3.1 标题 2号小标宋 centred, under the red line with one blank line.
          centred(lines.title, OFFICIAL_FONTS.title, FONT_SIZE_PT.title),
          blank(),
          // 7.3.2 主送机关 顶格.
          new Paragraph({
            spacing: exactLine,
            children: [run(lines.recipient, OFFICIAL_FONTS.body, FONT_SIZE_PT.body)],
          }),
          ...body,
          blank(),
          blank(),
          // 7.3.5.2 发文机关署名 and 成文日期, right-aligned, the date 右空四字.
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: ptToTwip(2 * FONT_SIZE_PT.body) },
            children: [run(lines.signatory, OFFICIAL_FONTS.body, FONT_SIZE_PT.body)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: exactLine,
            indent: { right: ptToTwip(4 * FONT_SIZE_PT.body) },
            children: [run(lines.date, OFFICIAL_FONTS.body, FONT_SIZE_PT.body)],
          }),
          blank(),
          // 7.4 版记: 抄送 and 印发机关、印发日期 between rules, 4号仿宋.
          ...(lines.copyTo === null
            ? []
            : [
                new Paragraph({
                  spacing: exactLine,
                  indent: { left: ptToTwip(FONT_SIZE_PT.imprint), right: ptToTwip(FONT_SIZE_PT.imprint) },
                  border: { top: { style: BorderStyle.SINGLE, size: 4, color: "000000", space: 2 } },
                  children: [run(lines.copyTo, OFFICIAL_FONTS.body, FONT_SIZE_PT.imprint)],
                }),
              ]),
          new Paragraph({
            spacing: exactLine,
            indent: { left: ptToTwip(FONT_SIZE_PT.imprint), right: ptToTwip(FONT_SIZE_PT.imprint) },
            tabStops: [{ type: "right", position: twipsOfMm(156) - ptToTwip(2 * FONT_SIZE_PT.imprint) }],
            border: {
              top: {
                style: BorderStyle.SINGLE,
                size: lines.copyTo === null ? 8 : 4,
                color: "000000",
                space: 2,
              },
              bottom: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 },
            },
            children: [
              run(lines.imprint.printedBy, OFFICIAL_FONTS.body, FONT_SIZE_PT.imprint),
              new TextRun({ text: "\t" }),
              run(lines.imprint.printedOn, OFFICIAL_FONTS.body, FONT_SIZE_PT.imprint),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
};
