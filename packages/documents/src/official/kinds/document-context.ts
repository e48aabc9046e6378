/**
 * What every document model needs besides the proceeding: the regime (its bodies and article texts), the
 * names of the people the events record by id, the agency's abbreviation for the number, and the number and
 * day of issue. The store allocates the serial; the API looks names up in the staff directory.
 */
import { formatDate, QIANJIANG_LAYOUT, type Regime } from "@liuhen/domain";
import { Schema } from "effect";
import { DOCUMENT_KIND_INFO, type DocumentKind } from "../document-kind.js";
import { DocumentNumber } from "../document-number.js";

export interface DocumentContext {
  readonly regime: Regime;
  /** A person's name from their directory id; the id itself when the directory does not know it. */
  readonly nameOf: (personId: string) => string;
  /** 发文机关代字 stem: 黔江市监 in 黔江市监发〔2020〕95号. */
  readonly agencyAbbreviation: string;
  /** The day of issue (成文日期 and 印发日期), `YYYY-MM-DD`. */
  readonly issuedOn: string;
  /** The serial the store allocated for the kind in the year of issue. */
  readonly serial: number;
}

/** A document that the proceeding has not reached yet, or that does not apply to it. */
export class DocumentNotAvailable extends Schema.TaggedError<DocumentNotAvailable>()("DocumentNotAvailable", {
  kind: Schema.String,
  message: Schema.String,
}) {}

/** 黔江市监 from the regime's own number, 黔江市监发〔2020〕95号: the default for the bureau that issued it. */
export const agencyAbbreviationOf = (regime: Regime): string => {
  const stem = regime.documentNumber.split("〔")[0] ?? regime.documentNumber;
  return stem.endsWith("发") ? stem.slice(0, -1) : stem;
};

export const numberFor = (kind: DocumentKind, context: DocumentContext): DocumentNumber =>
  new DocumentNumber({
    prefix: `${context.agencyAbbreviation}${DOCUMENT_KIND_INFO[kind].numberWord}`,
    year: Number(context.issuedOn.slice(0, 4)),
    serial: context.serial,
  });

/** 《行政执法错案责任倒查问责制度》第十条（一）: an article cited the way a document cites it. */
export const citeArticle = (regime: Regime, id: string): string => {
  const article = regime.articles.find((a) => a.id === id);
  const code = id.split(".")[0];
  const title = QIANJIANG_LAYOUT.regimes.find((r) => r.code === code)?.title ?? regime.title.zh;
  return `《${title}》${article?.heading ?? id}`;
};

/**
 * The article's words as issued, in quotation marks: an item without its own number (（一）, 1.), which the
 * citation before it already gives, and without its closing stop, which the sentence quoting it supplies.
 */
export const quoteArticle = (regime: Regime, id: string): string => {
  const article = regime.articles.find((a) => a.id === id);
  if (article === undefined) return "";
  const words = article.text
    .replace(/^(（[一二三四五六七八九十]+）|\d+[.．、])/u, "")
    .replace(/[。；;，]$/u, "");
  return `“${words}”`;
};

/** Free text as a clause of a sentence the document ends itself: its own closing stop removed. */
export const clause = (text: string): string => text.trim().replace(/[。；;，,.]+$/u, "");

export const zhDate = (iso: string): string => formatDate(iso, "zh");
