/**
 * One official document as a value, before it is laid out: the parts GB/T 9704-2012 names (版头, 主体, 版记)
 * with their words, and nothing about pages. The DOCX and the PDF are both renderings of it.
 */
import { StepDate } from "@liuhen/domain";
import { Schema } from "effect";
import { DocumentKind } from "./document-kind.js";
import { DocumentNumber } from "./document-number.js";

/** A paragraph of the body (7.3.3 正文), first line indented two characters. */
export const BodyParagraph = Schema.TaggedStruct("Paragraph", { text: Schema.NonEmptyString });
/** 7.3.3 结构层次序数: level 1 "一、" in 黑体, level 2 "（一）" in 楷体. */
export const BodyHeading = Schema.TaggedStruct("Heading", {
  level: Schema.Literal(1, 2),
  text: Schema.NonEmptyString,
});
export const BodyBlock = Schema.Union(BodyParagraph, BodyHeading);
export type BodyBlock = typeof BodyBlock.Type;

export class OfficialDocument extends Schema.Class<OfficialDocument>("OfficialDocument")({
  kind: DocumentKind,
  /** 7.2.1 发文机关标志: the issuer's name, with 文件 for a 文件-style document. */
  issuerMark: Schema.NonEmptyString,
  /** 7.2.3 发文字号. */
  number: DocumentNumber,
  /** 7.3.1 标题. */
  title: Schema.NonEmptyString,
  /** 7.3.2 主送机关: the body or person addressed. */
  recipient: Schema.NonEmptyString,
  /** 7.3.3 正文. */
  body: Schema.NonEmptyArray(BodyBlock),
  /** 7.3.5 发文机关署名. */
  signatory: Schema.NonEmptyString,
  /** 7.3.5 成文日期. */
  date: StepDate,
  /** 7.4.2 抄送机关, when there are any. */
  copyTo: Schema.NullOr(Schema.NonEmptyString),
  /** 7.4.3 印发机关和印发日期. */
  printedBy: Schema.NonEmptyString,
  printedOn: StepDate,
  /** The articles the document rests on. */
  citations: Schema.Array(Schema.String),
}) {}
