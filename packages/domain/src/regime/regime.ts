/**
 * A regime is a value: its articles and their citation ids, the bodies it names, how it reads its periods,
 * its holiday calendar, its sanction policy and when it is in force. Every rule takes the regime it runs
 * under, so another agency adopts the domain by building a regime of its own (docs/regime-guide.md).
 */
import { Schema } from "effect";
import { HolidayCalendar } from "../calendar/holiday-calendar.js";
import { IsoDate } from "../calendar/iso-date.js";
import { LocalisedText } from "../i18n/localised-text.js";
import { PeriodRule } from "../periods/period-rule.js";
import { Article } from "../regulation/article.js";
import { SanctionPolicy } from "../wrong-case/sanction-policy.js";
import { Bodies } from "./bodies.js";

/** The periods the regulation sets, each read as the regime configures it (REGIMES.md, Periods). */
export const RegimePeriods = Schema.Struct({
  /** WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理. */
  "WC.10.1": PeriodRule,
  /** WC.10.3 区局党委……可以在1个月内责令重新组织调查并作出处理决定. */
  "WC.10.3": PeriodRule,
});
export type RegimePeriods = typeof RegimePeriods.Type;
export type PeriodId = keyof RegimePeriods;

export class Regime extends Schema.Class<Regime>("Regime")({
  /** Stable id used in requests and receipts, e.g. `qianjiang-msa-2020`. */
  id: Schema.String.pipe(Schema.pattern(/^[a-z0-9-]+$/)),
  /** Bumped whenever anything that can change a result changes (articles, periods, calendar, policy). */
  version: Schema.String,
  title: LocalisedText,
  /** 发文字号 of the issuing document, e.g. 黔江市监发〔2020〕95号. */
  documentNumber: Schema.String,
  validFrom: IsoDate,
  validTo: Schema.optional(IsoDate),
  articles: Schema.Array(Article),
  bodies: Bodies,
  periods: RegimePeriods,
  calendar: HolidayCalendar,
  policy: SanctionPolicy,
}) {
  /** The article or item behind a citation id, if this regime has it. */
  article(id: string): Article | undefined {
    return articleIndex(this).get(id);
  }

  hasCitation(id: string): boolean {
    return articleIndex(this).has(id);
  }

  inForceOn(date: IsoDate): boolean {
    return date >= this.validFrom && (this.validTo === undefined || date <= this.validTo);
  }

  /** `id@version`, as results and receipts name the regime. */
  get ref(): string {
    return `${this.id}@${this.version}`;
  }
}

// Regimes are immutable values, so an index built once per regime stays right.
const indexes = new WeakMap<Regime, ReadonlyMap<string, Article>>();
const articleIndex = (regime: Regime): ReadonlyMap<string, Article> => {
  let index = indexes.get(regime);
  if (index === undefined) {
    index = new Map(regime.articles.map((a) => [a.id, a]));
    indexes.set(regime, index);
  }
  return index;
};
