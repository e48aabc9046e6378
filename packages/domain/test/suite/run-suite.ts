/**
 * Runs the Qianjiang suite against a regime. A regime that reads an article differently passes its
 * differences — the expectations that change, by case name — in one table; naming a case that does not
 * exist fails, so the table cannot go stale silently.
 */
import { describe, expect, it } from "vitest";
import { assess, type RegimeRegistry } from "../../src/index.js";
import { checkExpectation, type Expectation } from "../conformance/expectation.js";
import { QIANJIANG_SUITE } from "./cases.js";

export type Differences = Readonly<Record<string, Expectation>>;

export const runSuite = (registry: RegimeRegistry, regimeId: string, differences: Differences = {}) => {
  describe(`the Qianjiang suite under ${regimeId}`, () => {
    it("declares differences only for cases that exist", () => {
      const names = new Set(QIANJIANG_SUITE.map((c) => c.name));
      expect(Object.keys(differences).filter((n) => !names.has(n))).toEqual([]);
    });
    it.each(QIANJIANG_SUITE.map((c) => [c.name, c] as const))("%s", (name, c) => {
      const expectation = differences[name] ?? c;
      expect(checkExpectation(expectation, assess({ ...c.request, regime: regimeId }, registry))).toBeNull();
    });
  });
};
