/**
 * The labels in front of explained sentences are kept per regime (src/explanation/prose.ts): a regime that
 * words an article's heading differently gets its own heading, before and after the other was explained.
 */
import { describe, expect, it } from "vitest";
import { Article, citation, explain, explainStep, qianjiangRegime, Regime, step } from "../../src/index.js";

const reworded = new Regime({
  ...qianjiangRegime,
  id: "reworded",
  articles: qianjiangRegime.articles.map((a) =>
    a.id === "WC.8" ? Article.make({ ...a, heading: "Article 8" }) : a,
  ),
});

const basis = [
  step(citation("WC.8"), "wc.mitigation.none", false),
  step(citation("XX.1"), "no.such.rule", true),
];

describe("explanation labels", () => {
  it("WC.8: each regime's own heading, whichever regime was explained first", () => {
    for (let round = 0; round < 2; round++) {
      expect(explain(qianjiangRegime, basis)).toEqual([
        "【WC.8 第八条】无第八条所列从轻或免于追究的情形。",
        "【XX.1】规则 no.such.rule成立。",
      ]);
      expect(explain(reworded, basis, "en")).toEqual([
        "[WC.8 Article 8] No WC.8 ground applies.",
        "[XX.1] Rule no.such.rule holds.",
      ]);
      expect(explain(reworded, basis, "zh")[0]).toBe("【WC.8 Article 8】无第八条所列从轻或免于追究的情形。");
      expect(explainStep(qianjiangRegime, basis[0] as (typeof basis)[number], "en")).toBe(
        "[WC.8 第八条] No WC.8 ground applies.",
      );
    }
  });
});
