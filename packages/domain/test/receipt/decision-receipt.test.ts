/** A decision receipt reproduces: the same regime, policy, input and output give the same digest. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assess,
  canonicalJson,
  DecisionReceipt,
  decisionReceipt,
  qianjiangRegime,
  reproduce,
} from "../../src/index.js";

const request = {
  kind: "wrong-case",
  case: { kind: "administrative-penalty" },
  triggers: ["WC.5.3"],
  confirmed: true,
  officers: [{ id: "o1", conduct: ["WC.6.2"], mitigating: ["WC.8.5"], aggravating: [] }],
};

describe("decision receipts", () => {
  it("WC.7: a receipt is SHA-256 over the canonical regime, policy, input and output", () => {
    const output = assess(request);
    const receipt = decisionReceipt(qianjiangRegime, request, output);
    const expected = createHash("sha256")
      .update(
        canonicalJson({
          regime: "qianjiang-msa-2020",
          version: "1",
          policy: "default@1",
          input: request,
          output,
        }),
      )
      .digest("hex");
    expect(receipt.digest).toBe(expected);
    expect(receipt.regime).toBe("qianjiang-msa-2020@1");
  });

  it("does not depend on key order, and changes when the output does", () => {
    const output = assess(request);
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    expect(decisionReceipt(qianjiangRegime, reordered, output).digest).toBe(
      decisionReceipt(qianjiangRegime, request, output).digest,
    );
    const altered = { ...output, status: "pending" };
    expect(decisionReceipt(qianjiangRegime, request, altered).digest).not.toBe(
      decisionReceipt(qianjiangRegime, request, output).digest,
    );
  });
});

describe("reproducing a decision", () => {
  const input = { ...request, regime: "qianjiang-msa-2020" };
  const receipt = decisionReceipt(qianjiangRegime, input, assess(input));

  it("WC.7: the same input under the same regime reproduces the receipt", () => {
    expect(reproduce(receipt, input)).toEqual({ reproduced: true });
  });

  it("a changed input does not", () => {
    const changed = { ...input, officers: [{ ...request.officers[0], conduct: ["WC.6.3"] }] };
    expect(reproduce(receipt, changed)).toMatchObject({ reproduced: false, reason: "digest" });
  });

  it("a receipt from another regime version says so", () => {
    const old = DecisionReceipt.make({ ...receipt, regime: "qianjiang-msa-2020@0" });
    expect(reproduce(old, input)).toEqual({
      reproduced: false,
      reason: "regime-version",
      now: "qianjiang-msa-2020@1",
    });
  });
});
