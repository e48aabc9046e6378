/** The Qianjiang suite against another agency's adapted regime: every function works with it unchanged. */
import { describe, expect, it } from "vitest";
import { assess, explain, QIANJIANG_REGIME_ID } from "../../src/index.js";
import { runSuite } from "../suite/run-suite.js";
import { ADAPTED_DIFFERENCES, ADAPTED_ID, ADAPTED_REGISTRY, adaptedRegime } from "./adapted-regime.js";

runSuite(ADAPTED_REGISTRY, ADAPTED_ID, ADAPTED_DIFFERENCES);

describe("an adapted regime", () => {
  it("WC.3: names its own bodies while citing the same articles", () => {
    expect(adaptedRegime.bodies.legalSection.zh).toBe("县局法制股");
    expect(adaptedRegime.article("WC.3")?.text).toContain("法治科");
  });

  it("WC.7: results name the regime and policy they were computed under", () => {
    const request = {
      kind: "wrong-case",
      case: { kind: "administrative-penalty" },
      triggers: ["WC.5.1"],
      confirmed: true,
      officers: [{ id: "o1", conduct: ["WC.6.4"] }],
    };
    const adapted = assess({ ...request, regime: ADAPTED_ID }, ADAPTED_REGISTRY);
    const qianjiang = assess(request, ADAPTED_REGISTRY);
    expect(adapted).toMatchObject({ regime: `${ADAPTED_ID}@3` });
    expect(qianjiang).toMatchObject({ regime: `${QIANJIANG_REGIME_ID}@1` });
    if (!("officers" in adapted)) throw new Error("expected a wrong-case result");
    expect(explain(adaptedRegime, adapted.officers[0]?.basis ?? [], "zh").join("\n")).toContain("example@2");
  });
});
