/**
 * Keys that reach the terminal together — typed faster than it is read, over a slow SSH link, or pasted —
 * reach Ink as one input: `/WC-2026-004\r` is neither `/` nor Enter, and Ink would drop both. A screen that
 * keeps its state where each key sees the last one's effect (a ref, not the last render) takes such input
 * one keystroke at a time through `useKeystrokes`.
 */
import { type Key, useInput } from "ink";

/** A key with no flag set: what plain text is. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

// The control characters a terminal sends for keys, as Ink reads them when they come alone (a lone line
// feed is no key to Ink; it is dropped here too).
const CONTROL: Readonly<Record<string, Partial<Key>>> = {
  "\r": { return: true },
  "\n": {},
  "\t": { tab: true },
  "\u007F": { delete: true },
  "\b": { backspace: true },
};

/**
 * The keystrokes in one input. Escape sequences (arrows, Esc) arrive split by Ink already; what is left to
 * split is printable text with Enter, Tab, Backspace or Ctrl+letter among it.
 */
export const keystrokesOf = (input: string, key: Key): ReadonlyArray<readonly [string, Key]> => {
  const characters = Array.from(input);
  if (characters.length <= 1) return [[input, key]];
  return characters.map((character): readonly [string, Key] => {
    const control = CONTROL[character];
    if (control !== undefined) return ["", { ...NO_KEY, ...control }];
    const code = character.codePointAt(0) ?? 0;
    if (code >= 1 && code <= 26) return [String.fromCodePoint(code + 96), { ...NO_KEY, ctrl: true }];
    return [character, { ...NO_KEY, shift: /^[A-Z]$/.test(character) }];
  });
};

/** `useInput`, one keystroke per call even when several arrive at once. */
export const useKeystrokes = (
  handler: (input: string, key: Key) => void,
  options: { readonly isActive: boolean },
): void =>
  useInput((input, key) => {
    for (const [one, itsKey] of keystrokesOf(input, key)) handler(one, itsKey);
  }, options);
