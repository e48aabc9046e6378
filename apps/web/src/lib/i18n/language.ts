/**
 * The page's language: Simplified Chinese unless the reader chose English. The choice is a cookie, set by
 * following a `?lang=en` (or `?lang=zh`) link, so it holds across pages and needs no JavaScript.
 */
import type { Language } from "@liuhen/domain";

export type { Language };

export const LANGUAGE_COOKIE = "liuhen_lang";
export const LANGUAGE_PARAM = "lang";
export const DEFAULT_LANGUAGE: Language = "zh";

export const isLanguage = (value: unknown): value is Language => value === "zh" || value === "en";

export const languageOf = (value: string | null | undefined): Language =>
  isLanguage(value) ? value : DEFAULT_LANGUAGE;

/** The `lang` attribute of the page (BCP 47). */
export const htmlLang = (language: Language): string => (language === "zh" ? "zh-CN" : "en");
