import { describe, expect, it } from "vitest";
import { checkProtection } from "../../src/index.js";

describe("protection of recorders", () => {
  it("IF.9: a transfer of a handler who recorded interference raises an alert and needs cause and procedure", () => {
    const check = checkProtection({
      kind: "transfer",
      againstRecorder: true,
      statutoryCause: "",
      statutoryProcedure: "",
    });
    expect(check).toMatchObject({
      alert: true,
      blocked: true,
      missing: ["statutoryCause", "statutoryProcedure"],
    });
    expect(check.citations).toEqual(["IF.9", "IF.12a"]);
  });

  it("IF.9: with statutory cause and procedure stated, the alert stands but the action is not blocked", () => {
    const check = checkProtection({
      kind: "demotion",
      againstRecorder: true,
      statutoryCause: "年度考核不称职",
      statutoryProcedure: "经局党委会研究决定并书面告知",
    });
    expect(check).toMatchObject({ alert: true, blocked: false, missing: [] });
    expect(check.citations).toEqual(["IF.9"]);
  });

  it("IF.12a: an action without statutory cause against a recorder is flagged as suspected retaliation", () => {
    const check = checkProtection({
      kind: "dismissal",
      againstRecorder: true,
      statutoryCause: "",
      statutoryProcedure: "x",
    });
    expect(check.missing).toEqual(["statutoryCause"]);
    expect(check.basis.map((s) => s.citation)).toContain("IF.12a");
  });

  it("IF.9: an action against someone who never recorded raises no alert", () => {
    const check = checkProtection({
      kind: "transfer",
      againstRecorder: false,
      statutoryCause: "",
      statutoryProcedure: "",
    });
    expect(check).toMatchObject({ alert: false, blocked: false, missing: [], citations: [] });
  });
});
