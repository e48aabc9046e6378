/** Bad input gets a clear error naming the field, in `path` and at the head of `message`. */
import { describe, expect, it } from "vitest";
import { assess } from "../../src/index.js";

const base = {
  kind: "wrong-case",
  case: { kind: "administrative-penalty" },
  triggers: ["WC.5.1"],
  confirmed: true,
  officers: [{ id: "o1", conduct: ["WC.6.2", "WC.6.12"], mitigating: [], aggravating: [] }],
};

describe("contract errors", () => {
  it("WC.6: an unknown conduct id names its place", () => {
    const r = assess(base);
    expect(r).toMatchObject({ error: { tag: "InvalidRequest", path: ["officers", 0, "conduct", 1] } });
    expect("error" in r && r.error.message).toMatch(
      /^officers\[0\]\.conduct\[1\]: "WC\.6\.12" is not a WC\.6 conduct id/,
    );
  });

  it("an unknown field is refused, so a typo never passes silently", () => {
    const r = assess({ ...base, officers: [{ id: "o1", conduct: [], mitigatng: [] }] });
    expect(r).toMatchObject({ error: { tag: "InvalidRequest", path: ["officers", 0, "mitigatng"] } });
  });

  it("an unknown kind names the kind field", () => {
    expect(assess({ kind: "nonsense" })).toMatchObject({ error: { tag: "InvalidRequest", path: ["kind"] } });
  });

  it("WC.9: contradictory facts name both ids and the officer", () => {
    const r = assess({
      ...base,
      officers: [{ id: "o1", conduct: ["WC.6.3"], mitigating: ["WC.8.5"], aggravating: ["WC.9b"] }],
    });
    expect(r).toMatchObject({ error: { tag: "ContradictoryFacts", path: ["officers", 0] } });
    expect("error" in r && r.error.message).toContain("WC.8.5 and WC.9b");
  });

  it("a duplicated officer id names the second one", () => {
    const r = assess({
      ...base,
      officers: [
        { id: "a", conduct: [] },
        { id: "a", conduct: [] },
      ],
    });
    expect(r).toMatchObject({ error: { tag: "InvalidRequest", path: ["officers", 1, "id"] } });
  });

  it("WC.10.1: an impossible date is refused, naming the start field", () => {
    expect(assess({ kind: "period", period: "WC.10.1", start: "2023-02-29" })).toMatchObject({
      error: { tag: "InvalidRequest", path: ["start"] },
    });
  });
});
