/** Interference records are numbered per agency and year, IF-<year>-<nnn>, as wrong-case proceedings are. */
import { describe, expect, it } from "vitest";
import { nextInterferenceRecordNumber } from "../../src/index.js";

describe("interference record numbers", () => {
  it("the first record of a year is IF-<year>-001", () => {
    expect(nextInterferenceRecordNumber([], "2025")).toBe("IF-2025-001");
  });

  it("takes the number after the highest of the year, whatever the other years and kinds hold", () => {
    const streams = [
      "interference-record/IF-2025-001",
      "interference-record/IF-2025-009",
      "interference-record/IF-2024-120",
      "wrong-case/WC-2025-044",
    ];
    expect(nextInterferenceRecordNumber(streams, "2025")).toBe("IF-2025-010");
    expect(nextInterferenceRecordNumber(streams, "2024")).toBe("IF-2024-121");
    expect(nextInterferenceRecordNumber(streams, "2026")).toBe("IF-2026-001");
  });

  it("goes past 999 without losing order", () => {
    expect(nextInterferenceRecordNumber(["interference-record/IF-2025-999"], "2025")).toBe("IF-2025-1000");
  });
});
