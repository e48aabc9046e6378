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

export const explainStep = (regime: Regime, s: BasisStep, language: Language): string => {
  const message = MESSAGES[s.rule]?.[language];
  const text = message
    ? message(s.inputs, s.holds)
    : language === "zh"
      ? `规则 ${s.rule}${s.holds ? "成立" : "不成立"}。`
      : `Rule ${s.rule} ${s.holds ? "holds" : "does not hold"}.`;
  return language === "zh"
    ? `【${citationLabel(regime, s.citation)}】${text}`
    : `[${citationLabel(regime, s.citation)}] ${text}`;
};

export const explain = (regime: Regime, basis: Basis, language: Language = "zh"): ReadonlyArray<string> =>
  basis.map((s) => explainStep(regime, s, language));
