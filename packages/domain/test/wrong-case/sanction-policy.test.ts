/** A sanction policy is data an agency replaces; what is law in it is enforced when it is decoded. */
import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, propose, SanctionPolicy } from "../../src/index.js";

const encoded = Schema.encodeSync(SanctionPolicy)(DEFAULT_POLICY);
const decode = Schema.decodeUnknownEither(SanctionPolicy);
const firstIssue = (input: unknown) =>
  Either.match(decode(input), { onLeft: (e) => e.message, onRight: () => "decoded" });

describe("the sanction policy", () => {
  it("WC.7: the default policy is marked as policy, not law, and versioned", () => {
    expect(DEFAULT_POLICY.nature).toBe("policy");
    expect(DEFAULT_POLICY.version).toBe("default@1");
    expect(Either.isRight(decode(encoded))).toBe(true);
  });

  it("WC.9: a policy whose aggravation does not raise the proposal is refused", () => {
    expect(firstIssue({ ...encoded, aggravation: { rule: "none", rungs: 0 } })).toContain(
      "WC.9 is mandatory",
    );
  });

  it("WC.8: a policy whose mitigation would raise the proposal is refused", () => {
    expect(firstIssue({ ...encoded, mitigation: { rule: "up", rungs: 1 } })).toContain("WC.8 never raises");
  });

  it("WC.6.9: a policy that leaves a conduct unmapped is refused, naming the conduct", () => {
    const conductRules = encoded.conductRules.filter((r) => r.rule !== "bribery-dereliction");
    expect(firstIssue({ ...encoded, conductRules })).toContain("WC.6.9 is covered by 0 rules");
  });

  it("WC.11.3: from suspension up, the loss of the year's eligibility accompanies the main kind", () => {
    const p = propose(DEFAULT_POLICY, { conduct: ["WC.6.6"], mitigating: [], aggravating: [] });
    expect(p?.sanctions).toEqual(["WC.11.3", "WC.11.4"]);
    expect(p?.rule).toBe("unlawful-coercion + award-eligibility-from-suspension");
  });

  it("WC.9a and WC.9c: two aggravation grounds raise two rungs", () => {
    const p = propose(DEFAULT_POLICY, {
      conduct: ["WC.6.4"],
      mitigating: [],
      aggravating: ["WC.9a", "WC.9c"],
    });
    expect(p?.sanctions).toEqual(["WC.11.3"]);
  });

  it("WC.8.1: mitigation never goes below the mildest kind", () => {
    const p = propose(DEFAULT_POLICY, { conduct: ["WC.6.4"], mitigating: ["WC.8.1"], aggravating: [] });
    expect(p?.sanctions).toEqual(["WC.11.1"]);
    expect(p?.rule).toBe("legal-basis + mitigation-one-rung-lighter");
  });
});
