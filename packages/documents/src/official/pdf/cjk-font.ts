/**
 * The CJK font the PDF embeds: Noto Serif SC (SIL Open Font License 1.1, freely redistributable), which covers
 * all of GB 2312. It arrives with `npm install` as TrueType files of `@expo-google-fonts/noto-serif-sc`, so a
 * fresh machine needs no system font and nothing is downloaded at run time. pdfkit embeds only the glyphs a
 * document uses (a subset, named `ABCDEF+NotoSerifSC-…`).
 *
 * There is no free 仿宋 or 小标宋: the regular weight stands in for 仿宋 (body), the bold for 小标宋 (title, the
 * issuer's mark) and 黑体 (first-level headings), the DOCX naming the official faces for office PCs.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const PACKAGE = "@expo-google-fonts/noto-serif-sc";
export const CJK_FONT_FILES = {
  regular: require.resolve(`${PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`),
  bold: require.resolve(`${PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`),
} as const;

// Each file is some 14 MB: read once per process, not once per document.
let loaded: { readonly regular: Buffer; readonly bold: Buffer } | undefined;

export const cjkFonts = (): { readonly regular: Buffer; readonly bold: Buffer } => {
  loaded ??= { regular: readFileSync(CJK_FONT_FILES.regular), bold: readFileSync(CJK_FONT_FILES.bold) };
  return loaded;
};
