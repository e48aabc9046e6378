import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { assess, DEFAULT_REGISTRY, IsoDate, Regimes } from "../../src/index.js";

describe("the regime registry", () => {
  it("WC.13: Qianjiang's regime is in force from 2020-12-30 and not the day before", () => {
    expect(Either.isRight(DEFAULT_REGISTRY.inForce(undefined, IsoDate.make("2020-12-30")))).toBe(true);
    const before = DEFAULT_REGISTRY.inForce("qianjiang-msa-2020", IsoDate.make("2020-12-29"));
    expect(Either.isLeft(before) && before.left._tag).toBe("RegimeNotInForce");
  });

  it("an unknown regime is a typed error naming the field", () => {
    expect(assess({ kind: "non-recording", violations: 1, regime: "nowhere" })).toEqual({
      error: { tag: "UnknownRegime", message: "no regime called nowhere", path: ["regime"] },
    });
  });

  it("is a service that a program provides by a layer", () => {
    expect(Regimes.key).toBe("@liuhen/domain/Regimes");
    expect(Regimes.layer(DEFAULT_REGISTRY)).toBeDefined();
  });
});
