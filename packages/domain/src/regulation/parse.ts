/**
 * Derives the article table of a regulation from its issued text, so that the text behind every
 * citation id is the regulation's own, never a retyped copy. The layout says where each regime's
 * text begins (its title line) and which parts the source does not number but the rules cite.
 */
import { Schema } from "effect";
import { citation, citationOrder } from "../citation/citation-id.js";
import { Article } from "./article.js";
import { parseChineseNumeral } from "./chinese-numeral.js";

export const RegulationLayout = Schema.Struct({
  regimes: Schema.Array(
    Schema.Struct({
      /** The regime code used in citation ids (WC, IF). */
      code: Schema.String,
      /** The line, exactly as in the text, that heads this regime's articles. */
      title: Schema.String,
    }),
  ),
  /** Unnumbered parts of an article that rules cite on their own (WC.9a: 坚持错误). */
  parts: Schema.Array(Schema.Struct({ id: Schema.String, of: Schema.String, excerpt: Schema.String })),
  /** Notes by article id, shown wherever that article is. */
  notes: Schema.Record({ key: Schema.String, value: Schema.String }),
});
export type RegulationLayout = typeof RegulationLayout.Type;

const ARTICLE_LINE = /^\s*第([一二三四五六七八九十]+)条\s*/;
const PAREN_ITEM_LINE = /^\s*（([一二三四五六七八九十]+)）/;
// Items run inline after a colon: "基本原则是：1.实事求是…；2.重证据…".
const INLINE_ITEM = /(?:^|[：；])\s*(\d+)\./g;

interface RawArticle {
  code: string;
  number: number;
  head: string;
  lines: string[];
}

const splitRegimes = (text: string, layout: RegulationLayout): RawArticle[] => {
  const out: RawArticle[] = [];
  let code: string | null = null;
  let current: RawArticle | null = null;
  for (const line of text.split(/\r?\n/)) {
    const title = layout.regimes.find((r) => r.title === line.trim());
    if (title) {
      code = title.code;
      current = null;
      continue;
    }
    if (code === null) continue;
    const article = ARTICLE_LINE.exec(line);
    if (article) {
      current = { code, number: parseChineseNumeral(article[1] ?? ""), head: line.trim(), lines: [] };
      out.push(current);
    } else if (current && PAREN_ITEM_LINE.test(line)) {
      current.lines.push(line.trim());
    } else if (line.trim() !== "") {
      // Anything else (a signature line, a date, the next regime's issuer) ends the article.
      current = null;
    }
  }
  return out;
};

const articleHeading = (n: string) => `第${n}条`;

export const parseRegulation = (text: string, layout: RegulationLayout): ReadonlyArray<Article> => {
  const raw = splitRegimes(text, layout);
  const articles: Article[] = [];
  const seen = new Map<string, number>();
  for (const a of raw) seen.set(`${a.code}.${a.number}`, (seen.get(`${a.code}.${a.number}`) ?? 0) + 1);
  const counter = new Map<string, number>();
  for (const a of raw) {
    const key = `${a.code}.${a.number}`;
    // The source may repeat a number (two 第十二条 in IF): cite them as issued, told apart by a letter.
    const nth = counter.get(key) ?? 0;
    counter.set(key, nth + 1);
    const id = (seen.get(key) ?? 1) > 1 ? `${key}${String.fromCharCode(97 + nth)}` : key;
    const numeral = ARTICLE_LINE.exec(a.head)?.[1] ?? "";
    const heading = articleHeading(numeral);
    const body = a.head.replace(ARTICLE_LINE, "");
    const fullText = [a.head.replace(/\s+/, " "), ...a.lines].join("\n");
    const note = layout.notes[id];
    articles.push(
      Article.make({
        id: citation(id),
        heading,
        text: fullText,
        ...(note === undefined ? {} : { note }),
      }),
    );
    for (const line of a.lines) {
      const m = PAREN_ITEM_LINE.exec(line);
      if (!m) continue;
      articles.push(
        Article.make({
          id: citation(`${id}.${parseChineseNumeral(m[1] ?? "")}`),
          heading: `${heading}（${m[1]}）`,
          text: line,
          parent: citation(id),
        }),
      );
    }
    const inline = [...body.matchAll(INLINE_ITEM)];
    inline.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = inline[i + 1]?.index ?? body.length;
      const itemText = body.slice(start, end).replace(/[；。]$/, "");
      articles.push(
        Article.make({
          id: citation(`${id}.${m[1]}`),
          heading: `${heading}第${m[1]}项`,
          text: `${m[1]}.${itemText}`,
          parent: citation(id),
        }),
      );
    });
  }
  for (const part of layout.parts) {
    const of = articles.find((a) => a.id === part.of);
    if (!of) throw new Error(`layout names a part of ${part.of}, which the text does not have`);
    if (!of.text.includes(part.excerpt))
      throw new Error(`${part.id}: "${part.excerpt}" is not in ${part.of}`);
    articles.push(
      Article.make({
        id: citation(part.id),
        heading: of.heading,
        text: of.text,
        parent: of.id,
        excerpt: part.excerpt,
      }),
    );
  }
  return articles.sort((a, b) => citationOrder(a.id, b.id));
};
