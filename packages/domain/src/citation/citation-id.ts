/**
 * Citation ids: `<regime>.<article>[.<item>]`, e.g. `WC.6.9`, `IF.12b`, `WC.9a` (REGIMES.md).
 * The id names a place in the regulation; whether a given regime has that place is the regime's article
 * table's business (`Regime.articles`), so the shape is checked here and the existence there.
 */
import { Order, Schema } from "effect";

export const CITATION_ID_PATTERN = /^([A-Z]{2,8})\.(\d{1,3})([a-z]?)(?:\.(\d{1,3}))?$/;

export const CitationId = Schema.String.pipe(
  Schema.pattern(CITATION_ID_PATTERN, {
    message: () => "a citation id looks like WC.6.9, IF.12b or WC.9a",
  }),
  Schema.brand("CitationId"),
);
export type CitationId = typeof CitationId.Type;

/** Trusted ids written in this package's own tables. */
export const citation = (id: string): CitationId => CitationId.make(id);

export interface CitationParts {
  readonly regime: string;
  readonly article: number;
  /** The letter that tells apart two articles under one number (IF.12a/IF.12b) or one sentence's parts (WC.9a). */
  readonly suffix: string;
  readonly item: number | null;
}

export const citationParts = (id: string): CitationParts => {
  const m = CITATION_ID_PATTERN.exec(id);
  if (m === null) throw new Error(`not a citation id: ${id}`);
  return {
    regime: m[1] ?? "",
    article: Number(m[2]),
    suffix: m[3] ?? "",
    item: m[4] === undefined ? null : Number(m[4]),
  };
};

// The regulation's own order of its regimes; a regime code of another agency sorts after these, by name.
const REGIME_ORDER = ["WC", "IF"];
const regimeRank = (code: string) => {
  const i = REGIME_ORDER.indexOf(code);
  return i === -1 ? REGIME_ORDER.length : i;
};

/** Regime, then article, then letter, then item, numerically: `WC.6.2` before `WC.6.10`, `IF.12a` before `IF.12b`. */
export const citationOrder: Order.Order<string> = (a, b) => {
  const x = citationParts(a);
  const y = citationParts(b);
  return (
    Order.number(regimeRank(x.regime), regimeRank(y.regime)) ||
    Order.string(x.regime, y.regime) ||
    Order.number(x.article, y.article) ||
    Order.string(x.suffix, y.suffix) ||
    Order.number(x.item ?? 0, y.item ?? 0)
  );
};

/** The distinct ids, in citation order. */
export const sortCitations = <A extends string>(ids: Iterable<A>): ReadonlyArray<A> =>
  [...new Set(ids)].sort(citationOrder);
