/**
 * A basis as sentences a person reads: each step with its citation, the article's heading and the rule's
 * message. The web UI and the terminal UI both render explanations through this, so they never differ.
 */
import type { Language } from "../i18n/localised-text.js";
import type { Regime } from "../regime/regime.js";
import type { Basis, BasisStep } from "./basis.js";
import { MESSAGES } from "./messages.js";

/** `WC.6.2 第六条（二）` or, where the regime lacks the id, the id alone. */
export const citationLabel = (regime: Regime, id: string): string => {
  const article = regime.article(id);
  return article ? `${id} ${article.heading}` : id;
};

export const hasMessage = (rule: string): boolean => rule in MESSAGES;

// The bracketed label in front of each sentence, kept per regime (a regime is an immutable value) and language:
// explanations repeat the same few dozen ids, and looking each article up and writing its label again showed in
// profiles of `assess`. Bounded, as an explained basis may come from anywhere.
const PREFIX_MEMO_LIMIT = 4096;
const prefixMemos = new WeakMap<
  Regime,
  { readonly zh: Map<string, string>; readonly other: Map<string, string> }
>();

const prefixMemo = (regime: Regime, language: Language): Map<string, string> => {
  let memos = prefixMemos.get(regime);
  if (memos === undefined) {
    memos = { zh: new Map(), other: new Map() };
    prefixMemos.set(regime, memos);
  }
  return language === "zh" ? memos.zh : memos.other;
};

const prefixOf = (memo: Map<string, string>, regime: Regime, id: string, language: Language): string => {
  let prefix = memo.get(id);
  if (prefix === undefined) {
    prefix = language === "zh" ? `【${citationLabel(regime, id)}】` : `[${citationLabel(regime, id)}] `;
    if (memo.size < PREFIX_MEMO_LIMIT) memo.set(id, prefix);
  }
  return prefix;
};

const sentence = (s: BasisStep, language: Language): string => {
  const message = MESSAGES[s.rule]?.[language];
  if (message) return message(s.inputs, s.holds);
  return language === "zh"
    ? `规则 ${s.rule}${s.holds ? "成立" : "不成立"}。`
    : `Rule ${s.rule} ${s.holds ? "holds" : "does not hold"}.`;
};

const line = (memo: Map<string, string>, regime: Regime, s: BasisStep, language: Language): string =>
  prefixOf(memo, regime, s.citation, language) + sentence(s, language);

export const explainStep = (regime: Regime, s: BasisStep, language: Language): string =>
  line(prefixMemo(regime, language), regime, s, language);

export const explain = (regime: Regime, basis: Basis, language: Language = "zh"): ReadonlyArray<string> => {
  const memo = prefixMemo(regime, language);
  return basis.map((s) => line(memo, regime, s, language));
};
