/** Explanations: every rule key a result can carry has a sentence in both languages, behind its article. */
import { describe, expect, it } from "vitest";
import { assess, explain, hasMessage, isContractError, qianjiangRegime } from "../../src/index.js";
import { QIANJIANG_SUITE } from "../suite/cases.js";

const bases = QIANJIANG_SUITE.flatMap((c) => {
  const r = assess(c.request);
  if (isContractError(r)) return [];
  return [r.basis, ...(r.kind === "wrong-case" ? r.officers.map((o) => o.basis) : [])];
});

describe("explanations", () => {
  it("every rule key in the suite's results has a message", () => {
    const keys = new Set(bases.flat().map((s) => s.rule));
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((k) => !hasMessage(k))).toEqual([]);
  });

  it("WC.8: says that no mitigation ground applies when none does, citing the article heading", () => {
    const r = assess({
      kind: "wrong-case",
      case: { kind: "administrative-penalty" },
      triggers: ["WC.5.3"],
      confirmed: true,
      officers: [{ id: "o1", conduct: ["WC.6.2"] }],
    });
    if (isContractError(r) || r.kind !== "wrong-case") throw new Error("expected a wrong-case result");
    const zh = explain(qianjiangRegime, r.officers[0]?.basis ?? [], "zh");
    expect(zh).toContain("【WC.8 第八条】无第八条所列从轻或免于追究的情形。");
    expect(zh.some((l) => l.startsWith("【WC.6.2 第六条（二）】"))).toBe(true);
    const en = explain(qianjiangRegime, r.officers[0]?.basis ?? [], "en");
    expect(en).toContain("[WC.8 第八条] No WC.8 ground applies.");
  });

  it("IF.10.1: explains an instruction beyond authority in Chinese", () => {
    const r = assess({
      kind: "interference",
      person: { relation: "current", employment: "established", role: "leader" },
      acts: [{ act: "instruct-lower-penalty" }],
      method: "oral",
      viaProcedure: false,
      recorded: true,
    });
    if (isContractError(r)) throw new Error(r.error.message);
    expect(explain(qianjiangRegime, r.basis)).toContain(
      "【IF.10.1 第十条（一）】超越职权下达指示，属于违反规定干预办案。",
    );
  });
});
