/**
 * The seven documents, rendered from proceedings the domain built from events, checked on the files
 * themselves: the page and its margins (GB/T 9704-2012 5.2), the official font names in the DOCX, the
 * embedded font subsets and extracted text of the PDF, the 发文字号, and the verification code of a paper copy.
 * Every page is also rendered to PNG under test/renders/ for a reviewer to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { qianjiangRegime, WrongCaseState } from "@liuhen/domain";
import { Either, Schema } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agencyAbbreviationOf,
  buildDocument,
  codeLine,
  codeOfDigest,
  type DocumentKind,
  DocumentNumber,
  type DocumentSource,
  documentText,
  formatDocumentNumber,
  normaliseText,
  parseDocumentNumber,
  type RenderedDocument,
  renderDocument,
  textDigest,
} from "../src/index.js";
import { decidedCase, nameOf, notifiedRecord, transferredCase } from "./support/proceedings.js";
import { zipEntries } from "./support/zip-entries.js";

const RENDERS = join(import.meta.dirname, "renders");
const work = mkdtempSync(join(tmpdir(), "liuhen-documents-"));

const CASES: ReadonlyArray<{ name: string; kind: DocumentKind; source: DocumentSource }> = [
  {
    name: "reporter-reply",
    kind: "reporter-reply",
    source: { proceeding: "wrong-case", state: transferredCase },
  },
  {
    name: "transfer-letter",
    kind: "transfer-letter",
    source: { proceeding: "wrong-case", state: transferredCase },
  },
  {
    name: "handling-proposal",
    kind: "handling-proposal",
    source: { proceeding: "wrong-case", state: decidedCase },
  },
  {
    name: "committee-decision",
    kind: "committee-decision",
    source: { proceeding: "wrong-case", state: decidedCase },
  },
  {
    name: "statement-notice",
    kind: "statement-notice",
    source: { proceeding: "wrong-case", state: decidedCase },
  },
  {
    name: "referral-letter-wrong-case",
    kind: "referral-letter",
    source: { proceeding: "wrong-case", state: decidedCase },
  },
  {
    name: "referral-letter-interference",
    kind: "referral-letter",
    source: { proceeding: "interference", state: notifiedRecord },
  },
  {
    name: "interference-notification",
    kind: "interference-notification",
    source: { proceeding: "interference", state: notifiedRecord },
  },
];

const context = (serial: number) => ({
  regime: qianjiangRegime,
  nameOf,
  agencyAbbreviation: agencyAbbreviationOf(qianjiangRegime),
  issuedOn: "2025-06-30",
  serial,
});

const rendered = new Map<string, { out: RenderedDocument; pdfPath: string; docxPath: string }>();

beforeAll(async () => {
  mkdirSync(RENDERS, { recursive: true });
  for (const [i, c] of CASES.entries()) {
    const model = buildDocument(c.kind, c.source, context(i + 1));
    if (Either.isLeft(model)) throw new Error(`${c.name}: ${model.left.message}`);
    const out = await renderDocument(model.right);
    const pdfPath = join(work, `${c.name}.pdf`);
    const docxPath = join(work, `${c.name}.docx`);
    writeFileSync(pdfPath, out.pdf.bytes);
    writeFileSync(docxPath, out.docx.bytes);
    // Every page at 60 dpi: enough to review the layout, small enough to keep.
    execFileSync("pdftoppm", ["-png", "-r", "60", pdfPath, join(RENDERS, c.name)]);
    rendered.set(c.name, { out, pdfPath, docxPath });
  }
});

const get = (name: string) => {
  const found = rendered.get(name);
  if (found === undefined) throw new Error(`not rendered: ${name}`);
  return found;
};

const pdftotext = (path: string, ...args: string[]) =>
  execFileSync("pdftotext", [...args, "-enc", "UTF-8", path, "-"], { encoding: "utf8" });

/** pdftotext -bbox: each word with its box, in points from the page's top left. */
const words = (path: string) =>
  [
    ...pdftotext(path, "-bbox").matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? "",
  }));

const mm = (pt: number) => (pt * 25.4) / 72;

describe.each(CASES.map((c) => c.name))("%s", (name) => {
  it("GB/T 9704-2012 5.2.1: the PDF's pages are A4", () => {
    const info = execFileSync("pdfinfo", [get(name).pdfPath], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.2\d+ x 841\.8\d+ pts \(A4\)/u);
  });

  it("GB/T 9704-2012 5.2.1-5.2.2: the text stays in the type area (top 37 mm, left 28 mm, 156 × 225 mm)", () => {
    const all = words(get(name).pdfPath);
    expect(all.length).toBeGreaterThan(10);
    // The footer (page number, verification code) sits below the type area, as 7.5.1 places the number.
    const body = all.filter((w) => !/^[—\d]+$/u.test(w.text) && !w.text.startsWith("核验码"));
    for (const w of body) {
      expect(mm(w.xMin)).toBeGreaterThanOrEqual(28 - 0.5);
      expect(mm(w.xMax)).toBeLessThanOrEqual(28 + 156 + 0.5);
      expect(mm(w.yMin)).toBeGreaterThanOrEqual(37 - 0.5);
      expect(mm(w.yMax)).toBeLessThanOrEqual(37 + 225 + 0.5);
    }
    // Body lines fill the type area's width: 28 characters of 3号 across 156 mm.
    expect(Math.max(...body.map((w) => mm(w.xMax)))).toBeGreaterThan(28 + 150);
  });

  it("the PDF embeds its fonts as subsets", () => {
    const table = execFileSync("pdffonts", [get(name).pdfPath], { encoding: "utf8" })
      .trim()
      .split("\n")
      .slice(2);
    expect(table.length).toBeGreaterThan(0);
    for (const row of table) {
      const [font, ...rest] = row.split(/\s+/u);
      expect(font).toMatch(/^[A-Z]{6}\+NotoSerifSC/u);
      // Columns: type…, encoding, emb, sub, uni, object ID.
      const [emb, sub, uni] = rest.slice(-5, -2);
      expect([emb, sub, uni]).toEqual(["yes", "yes", "yes"]);
    }
  });

  it("the PDF's extracted text is the document's text, with page numbers “— n —” and the code in each footer", () => {
    const { out, pdfPath } = get(name);
    const pages = pdftotext(pdfPath)
      .split("\f")
      .filter((page) => page.trim() !== "");
    let text = "";
    pages.forEach((page, i) => {
      const plain = normaliseText(page);
      expect(plain).toContain(`—${i + 1}—`);
      expect(plain).toContain(normaliseText(codeLine(out.verificationCode)));
      text += plain.replace(`—${i + 1}—`, "").replace(normaliseText(codeLine(out.verificationCode)), "");
    });
    expect(text).toBe(normaliseText(documentText(out.document).join("")));
  });

  it("the DOCX sets A4, the GB/T 9704 margins and grid, and names the official fonts", () => {
    const { out, docxPath } = get(name);
    const xml = zipEntries(out.docx.bytes).get("word/document.xml") ?? "";
    expect(docxPath).toMatch(/\.docx$/u);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    // 37 mm, 35 mm, 28 mm, 26 mm in twips.
    expect(xml).toMatch(/w:top="2098"/u);
    expect(xml).toMatch(/w:bottom="1984"/u);
    expect(xml).toMatch(/w:left="1587"/u);
    expect(xml).toMatch(/w:right="1474"/u);
    // 5.2.4: 22 lines on an exact 28.95 pt pitch.
    expect(xml).toMatch(/<w:docGrid[^>]*w:linePitch="579"/u);
    expect(xml).toMatch(/w:line="579" w:lineRule="exact"/u);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    if (out.document.body.some((b) => b._tag === "Heading" && b.level === 1))
      expect(xml).toContain('w:eastAsia="黑体"');
    if (out.document.body.some((b) => b._tag === "Heading" && b.level === 2))
      expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    // The number, as written in the document, and the footer's code.
    expect(xml).toContain(formatDocumentNumber(out.document.number));
    const footers = [...zipEntries(out.docx.bytes).entries()].filter(([n]) => n.startsWith("word/footer"));
    expect(footers.some(([, f]) => f.includes(out.verificationCode) && f.includes("PAGE"))).toBe(true);
  });

  it("GB/T 9704-2012 7.2.3: the 发文字号 has the full year in 〔〕 and no leading zeros", () => {
    const { out } = get(name);
    const written = formatDocumentNumber(out.document.number);
    expect(written).toMatch(/^黔江市监[^〔]+〔2025〕[1-9]\d*号$/u);
    expect(pdftotext(get(name).pdfPath)).toContain(written);
  });
});

describe("document numbers (GB/T 9704-2012 7.2.3)", () => {
  it("are written 黔江市监发〔2020〕95号 and read back", () => {
    const n = new DocumentNumber({ prefix: "黔江市监发", year: 2020, serial: 95 });
    expect(formatDocumentNumber(n)).toBe("黔江市监发〔2020〕95号");
    expect(parseDocumentNumber("黔江市监发〔2020〕95号")).toEqual(n);
    expect(agencyAbbreviationOf(qianjiangRegime)).toBe("黔江市监");
  });

  it("refuse leading zeros, a short year, other brackets or 第", () => {
    for (const bad of [
      "黔江市监发〔2020〕095号",
      "黔江市监发〔20〕95号",
      "黔江市监发[2020]95号",
      "黔江市监发〔2020〕第95号",
    ]) {
      expect(parseDocumentNumber(bad)).toBeNull();
    }
  });

  it("a serial of 0 is refused with the field named", () => {
    const result = Schema.decodeUnknownEither(DocumentNumber)({
      prefix: "黔江市监发",
      year: 2020,
      serial: 0,
    });
    expect(Either.isLeft(result) && String(result.left)).toContain("serial");
  });
});

describe("verification code of a paper copy", () => {
  const paperText = (name: string) => {
    const { out, pdfPath } = get(name);
    // What a reader of the paper has: every page's words, page numbers and the printed code included.
    const printed = normaliseText(pdftotext(pdfPath));
    const code = /核验码：([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/u.exec(printed)?.[1];
    const words = printed.replaceAll(normaliseText(codeLine(code ?? "")), "").replace(/—\d+—/gu, "");
    return { out, code, words };
  };

  it("checks out: the words of the paper copy hash to the code printed on it", () => {
    for (const c of CASES) {
      const { out, code, words } = paperText(c.name);
      expect(code).toBe(out.verificationCode);
      expect(textDigest(words)).toBe(out.textSha256);
      expect(codeOfDigest(textDigest(words))).toBe(code);
    }
  });

  it("a changed document does not: one character altered gives another digest and another code", () => {
    const { out, code, words } = paperText("committee-decision");
    const altered = words.replace("书面检查", "口头检查");
    expect(altered).not.toBe(words);
    expect(textDigest(altered)).not.toBe(out.textSha256);
    expect(codeOfDigest(textDigest(altered))).not.toBe(code);
  });
});

describe("documents a proceeding has not reached", () => {
  it("WC.10.1: a transferred matter not answered otherwise is answered by the transfer", () => {
    const unanswered = new WrongCaseState({ ...transferredCase, answers: [] });
    const reply = buildDocument(
      "reporter-reply",
      { proceeding: "wrong-case", state: unanswered },
      context(1),
    );
    if (Either.isLeft(reply)) throw new Error(reply.left.message);
    expect(documentText(reply.right).join("")).toContain("转送重庆市黔江区司法局处理");
    const accepted = new WrongCaseState({ ...unanswered, transfer: null });
    expect(
      Either.isLeft(
        buildDocument("reporter-reply", { proceeding: "wrong-case", state: accepted }, context(1)),
      ),
    ).toBe(true);
  });

  it("WC.10.1: no transfer letter for a matter the bureau kept, with the reason", () => {
    const result = buildDocument(
      "transfer-letter",
      { proceeding: "wrong-case", state: decidedCase },
      context(1),
    );
    expect(Either.isLeft(result) && result.left.message).toContain("WC.10.1");
  });

  it("IF.10: no notification from a wrong-case proceeding", () => {
    const result = buildDocument(
      "interference-notification",
      { proceeding: "wrong-case", state: decidedCase },
      context(1),
    );
    expect(Either.isLeft(result) && result.left.message).toContain("kind");
  });
});
