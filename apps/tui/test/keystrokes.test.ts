/**
 * Keys that reach the terminal in one read are split into the keystrokes a person made, each with the key
 * Ink would have named had it come alone.
 */
import { describe, expect, it } from "vitest";
import { keystrokesOf, NO_KEY } from "../src/ui/keystrokes.js";

const none = NO_KEY;

describe("keys that arrive together", () => {
  it("a search typed with its Enter is a slash, each character, and Enter", () => {
    const strokes = keystrokesOf("/复查\r", none);
    expect(strokes.map(([input]) => input)).toEqual(["/", "复", "查", ""]);
    expect(strokes.map(([, key]) => key.return)).toEqual([false, false, false, true]);
  });

  it("Backspace, Tab, Ctrl+T and capitals are named as Ink names them alone", () => {
    const strokes = keystrokesOf("A\u007F\t\u0014", none);
    expect(strokes).toEqual([
      ["A", { ...none, shift: true }],
      ["", { ...none, delete: true }],
      ["", { ...none, tab: true }],
      ["t", { ...none, ctrl: true }],
    ]);
  });

  it("a single key passes as Ink gave it", () => {
    const up = { ...none, upArrow: true };
    expect(keystrokesOf("", up)).toEqual([["", up]]);
    expect(keystrokesOf("q", none)).toEqual([["q", none]]);
  });
});
