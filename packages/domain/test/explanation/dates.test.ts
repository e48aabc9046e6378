import { describe, expect, it } from "vitest";
import { assess, explain, formatDate, isContractError, qianjiangRegime } from "../../src/index.js";

describe("dates in explanations", () => {
  it("formats ISO dates as 2020年12月30日 in Chinese and 30 December 2020 in English", () => {
    expect(formatDate("2020-12-30")).toBe("2020年12月30日");
    expect(formatDate("2024-09-01")).toBe("2024年9月1日");
    expect(formatDate("2020-12-30", "en")).toBe("30 December 2020");
  });

  it("WC.10.3: explains a roll-forward past National Day with Chinese dates", () => {
    const r = assess({ kind: "period", period: "WC.10.3", start: "2024-09-01" });
    if (isContractError(r)) throw new Error(r.error.message);
    const zh = explain(qianjiangRegime, r.basis).join("\n");
    expect(zh).toContain("2024年10月1日为休息日，顺延至2024年10月8日");
    expect(zh).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
