/**
 * `liuhen assess`, the built binary as a user runs it: every conformance example through it, the exit
 * codes of CONFORMANCE.md, and explanations on stderr.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkExpectation, type Expectation } from "../../../packages/domain/test/conformance/expectation.js";
import { liuhenWithInput } from "./support/liuhen.js";

const examples: ReadonlyArray<Expectation & { name: string; request: unknown }> = JSON.parse(
  readFileSync(new URL("../../../packages/domain/test/conformance/examples.json", import.meta.url), "utf8"),
);

const liuhen = (args: string[], input: string) => liuhenWithInput(input, ...args);

const period = { kind: "period", period: "WC.10.1", start: "2024-09-27" };

describe("liuhen assess", () => {
  it("assesses every conformance example given as one array, in order, and exits 2 for the rejected ones", () => {
    const run = liuhen(["assess"], JSON.stringify(examples.map((e) => e.request)));
    const results: unknown[] = JSON.parse(run.stdout);
    expect(results).toHaveLength(examples.length);
    examples.forEach((e, i) => {
      expect({ name: e.name, mismatch: checkExpectation(e, results[i]) }).toEqual({
        name: e.name,
        mismatch: null,
      });
    });
    expect(run.status).toBe(2);
  });

  it("WC.10.1: one request in gives one result out and exits 0", () => {
    const run = liuhen(["assess"], JSON.stringify(period));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      kind: "period",
      due: "2024-09-30",
      citations: ["WC.10.1"],
    });
  });

  it("exits 0 when every request of an array was assessed", () => {
    const run = liuhen(["assess"], JSON.stringify([period, period]));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it("answers input that is not JSON with an InvalidRequest and exit 2", () => {
    const run = liuhen(["assess"], "{ not json");
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { tag: "InvalidRequest" } });
  });

  it("WC.10.1: --explain zh writes the explanation in Chinese to stderr, leaving stdout the contract's", () => {
    const run = liuhen(["assess", "--explain", "zh"], JSON.stringify(period));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ due: "2024-09-30" });
    expect(run.stderr).toContain("【WC.10.1 第十条（一）】");
  });
});
