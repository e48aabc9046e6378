/**
 * The words of a document in reading order, as lines: what a reader of the paper copy sees, apart from the
 * page numbers and the verification code in the footer. The PDF's extracted text must equal it, and its
 * digest is what the verification code stands for.
 */
import { createHash } from "node:crypto";
import { formatDate } from "@liuhen/domain";
import { formatDocumentNumber } from "./document-number.js";
import type { OfficialDocument } from "./official-document.js";

/** The parts in the order they are laid out; each renderer draws the same lines. */
export interface DocumentLines {
  readonly issuerMark: string;
  readonly number: string;
  readonly title: string;
  readonly recipient: string;
  readonly body: ReadonlyArray<{
    readonly kind: "paragraph" | "heading1" | "heading2";
    readonly text: string;
  }>;
  readonly signatory: string;
  readonly date: string;
  readonly copyTo: string | null;
  readonly imprint: { readonly printedBy: string; readonly printedOn: string };
}

export const documentLines = (doc: OfficialDocument): DocumentLines => ({
  issuerMark: doc.issuerMark,
  number: formatDocumentNumber(doc.number),
  title: doc.title,
  // 7.3.2 主送机关 … 回行时仍顶格，最后一个机关名称后标全角冒号.
  recipient: `${doc.recipient}：`,
  body: doc.body.map((block) =>
    block._tag === "Paragraph"
      ? { kind: "paragraph" as const, text: block.text }
      : { kind: block.level === 1 ? ("heading1" as const) : ("heading2" as const), text: block.text },
  ),
  signatory: doc.signatory,
  // 7.3.5.1 成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位.
  date: formatDate(doc.date, "zh"),
  copyTo: doc.copyTo === null ? null : `抄送：${doc.copyTo}。`,
  imprint: { printedBy: doc.printedBy, printedOn: `${formatDate(doc.printedOn, "zh")}印发` },
});

/** Every line of the document in reading order. */
export const documentText = (doc: OfficialDocument): ReadonlyArray<string> => {
  const lines = documentLines(doc);
  return [
    lines.issuerMark,
    lines.number,
    lines.title,
    lines.recipient,
    ...lines.body.map((block) => block.text),
    lines.signatory,
    lines.date,
    ...(lines.copyTo === null ? [] : [lines.copyTo]),
    lines.imprint.printedBy,
    lines.imprint.printedOn,
  ];
};

/**
 * Text compared without its layout: a paper copy retyped, or a PDF's extracted text, breaks lines and spaces
 * where the page did. All white space goes.
 */
export const normaliseText = (text: string): string => text.replace(/\s+/gu, "");

/** SHA-256 (hex) of the document's words, normalised: what a retyped paper copy can be checked against. */
export const textDigest = (text: string): string =>
  createHash("sha256").update(normaliseText(text), "utf8").digest("hex");

// Crockford's base 32: no I, L, O or U, so a code read off paper is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * The verification code printed in the footer: the first 60 bits of the text digest in Crockford base 32,
 * as XXXX-XXXX-XXXX. It is fixed by the words alone, so it can be printed in the document it stands for.
 */
export const verificationCode = (doc: OfficialDocument): string =>
  codeOfDigest(textDigest(documentText(doc).join("\n")));

export const codeOfDigest = (hexDigest: string): string => {
  let bits = "";
  for (const hex of hexDigest.slice(0, 15)) bits += Number.parseInt(hex, 16).toString(2).padStart(4, "0");
  let code = "";
  for (let i = 0; i < 60; i += 5) code += ALPHABET[Number.parseInt(bits.slice(i, i + 5), 2)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
};

/** A code as someone typed it: upper case, without separators, with the letters Crockford reads as digits. */
export const normaliseCode = (typed: string): string => {
  const plain = typed.toUpperCase().replace(/[\s-]/gu, "").replace(/[IL]/gu, "1").replace(/O/gu, "0");
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
};

/** The footer line that carries the code. */
export const codeLine = (code: string): string => `核验码：${code}`;

/** GB/T 9704-2012 7.5.1 页码: "— 1 —", a 4号 half-width number with an em dash on each side. */
export const pageNumberText = (page: number): string => `— ${page} —`;
