/**
 * 发文字号 after GB/T 9704-2012 7.2.3: 由发文机关代字、年份、发文顺序号组成。年份、发文顺序号用阿拉伯数字标注；年份应标全称，
 * 用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字. Example:
 * 黔江市监发〔2020〕95号.
 */
import { Schema } from "effect";

export class DocumentNumber extends Schema.Class<DocumentNumber>("DocumentNumber")({
  /** 发文机关代字, e.g. 黔江市监发. */
  prefix: Schema.NonEmptyTrimmedString,
  /** 年份应标全称. */
  year: Schema.Int.pipe(Schema.between(1949, 9999, { message: () => "year: a full four-digit year" })),
  /** 发文顺序号, from 1 each year. */
  serial: Schema.Int.pipe(Schema.positive({ message: () => "serial: a document number starts at 1" })),
}) {}

/** 黔江市监发〔2020〕95号: the year in full inside 〔〕, the serial without leading zeros, then 号. */
export const formatDocumentNumber = (n: DocumentNumber): string => `${n.prefix}〔${n.year}〕${n.serial}号`;

const PATTERN = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;

/** The parts of a written document number, or null when it is not written after 7.2.3. */
export const parseDocumentNumber = (text: string): DocumentNumber | null => {
  const match = PATTERN.exec(text);
  if (match === null) return null;
  const [, prefix, year, serial] = match;
  return new DocumentNumber({ prefix: prefix ?? "", year: Number(year), serial: Number(serial) });
};
