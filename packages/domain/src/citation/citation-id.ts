/**
 * Citation ids: `<regime>.<article>[.<item>]`, e.g. `WC.6.9`, `IF.12b`, `WC.9a` (REGIMES.md).
 * The id names a place in the regulation; whether a given regime has that place is the regime's article
 * table's business (`Regime.articles`), so the shape is checked here and the existence there.
 */
import { type Order, Schema } from "effect";

export const CITATION_ID_PATTERN = /^([A-Z]{2,8})\.(\d{1,3})([a-z]?)(?:\.(\d{1,3}))?$/;

export const CitationId = Schema.String.pipe(
  Schema.pattern(CITATION_ID_PATTERN, {
    message: () => "a citation id looks like WC.6.9, IF.12b or WC.9a",
  }),
  Schema.brand("CitationId"),
);
export type CitationId = typeof CitationId.Type;

// The rules cite the same few dozen ids on every call: each distinct id is checked once (a bounded memo),
// not on every use, which profiling showed to be a hot path of `assess`.
const MEMO_LIMIT = 4096;
const checked = new Set<string>();

/** Trusted ids written in this package's own tables; an id of the wrong shape still throws. */
// Checked with the pattern itself rather than `CitationId.make`: the rules call this in the browser too (the
// record form's live preview), and a page that only categorises need not load Effect's Schema for it.
export const citation = (id: string): CitationId => {
  if (checked.has(id)) return id as CitationId;
  if (!CITATION_ID_PATTERN.test(id))
    throw new Error(
      `not a citation id: ${JSON.stringify(id)} (a citation id looks like WC.6.9, IF.12b or WC.9a)`,
    );
  if (checked.size < MEMO_LIMIT) checked.add(id);
  return id as CitationId;
};

export interface CitationParts {
  readonly regime: string;
  readonly article: number;
  /** The letter that tells apart two articles under one number (IF.12a/IF.12b) or one sentence's parts (WC.9a). */
  readonly suffix: string;
  readonly item: number | null;
}

const parse = (id: string): CitationParts => {
  const m = CITATION_ID_PATTERN.exec(id);
  if (m === null) throw new Error(`not a citation id: ${id}`);
  return {
    regime: m[1] ?? "",
    article: Number(m[2]),
    suffix: m[3] ?? "",
    item: m[4] === undefined ? null : Number(m[4]),
  };
};

export const citationParts = (id: string): CitationParts => parse(id);

// Sorting compares the same ids again and again: their parts are parsed once (a bounded memo).
const partsMemo = new Map<string, CitationParts>();
const partsOf = (id: string): CitationParts => {
  let parts = partsMemo.get(id);
  if (parts === undefined) {
    parts = parse(id);
    if (partsMemo.size < MEMO_LIMIT) partsMemo.set(id, parts);
  }
  return parts;
};

// The regulation's own order of its regimes; a regime code of another agency sorts after these, by name.
const REGIME_ORDER = ["WC", "IF"];
const regimeRank = (code: string) => {
  const i = REGIME_ORDER.indexOf(code);
  return i === -1 ? REGIME_ORDER.length : i;
};

const compareNumbers = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Regime, then article, then letter, then item, numerically: `WC.6.2` before `WC.6.10`, `IF.12a` before `IF.12b`. */
export const citationOrder: Order.Order<string> = (a, b) => {
  if (a === b) return 0;
  const x = partsOf(a);
  const y = partsOf(b);
  return (
    compareNumbers(regimeRank(x.regime), regimeRank(y.regime)) ||
    compareStrings(x.regime, y.regime) ||
    compareNumbers(x.article, y.article) ||
    compareStrings(x.suffix, y.suffix) ||
    compareNumbers(x.item ?? 0, y.item ?? 0)
  );
};

/** The distinct ids, in citation order. */
export const sortCitations = <A extends string>(ids: Iterable<A>): ReadonlyArray<A> => {
  const all: ReadonlyArray<A> = Array.isArray(ids) ? ids : [...ids];
  // The lists the rules sort hold a handful of ids: a scan is cheaper than a Set there.
  if (all.length > 32) return [...new Set(all)].sort(citationOrder);
  // Most of them hold one id, or come in order already (the regulation's order is the order people list ids
  // in): a pass that finds each id after the one before answers without sorting or looking for repeats.
  let ordered = true;
  for (let i = 1; ordered && i < all.length; i++) ordered = citationOrder(all[i - 1] as A, all[i] as A) < 0;
  if (ordered) return all.slice();
  const distinct: Array<A> = [];
  for (const id of all) if (!distinct.includes(id)) distinct.push(id);
  return distinct.sort(citationOrder);
};
