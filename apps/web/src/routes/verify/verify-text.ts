/** The words of the public document check, in Chinese first and English second. */
import type { Language } from "@liuhen/domain";

const TEXT = {
  zh: {
    title: "公文核验",
    intro:
      "输入公文页脚印制的核验码，可查询该公文在留痕日志中的登记信息；同时选择所持文件（PDF 或 DOCX），可核对文件是否与登记一致。",
    code: "核验码",
    codeHint: "形如 ABCD-EFGH-JKMN，不区分大小写",
    file: "公文文件（可选）",
    check: "核验",
    notFound: "该核验码未在日志中登记。",
    number: "发文字号",
    documentTitle: "标题",
    issuedOn: "成文日期",
    textDigest: "正文摘要值（SHA-256）",
    fileMatches: "文件与登记一致：这是制发的原件。",
    fileDiffers: "文件与登记不符：文件可能已被改动，或并非该公文。",
    noFile: "未选择文件：请将纸质件的发文字号、标题和日期与上述登记信息比对。",
  },
  en: {
    title: "Check an official document",
    intro:
      "Enter the verification code printed in the document's footer to see what the Liuhen log recorded for it; choose the file you hold (PDF or DOCX) to check that it is the one issued.",
    code: "Verification code",
    codeHint: "Like ABCD-EFGH-JKMN, in any case",
    file: "The document's file (optional)",
    check: "Check",
    notFound: "No document is recorded under this code.",
    number: "Document number",
    documentTitle: "Title",
    issuedOn: "Date",
    textDigest: "Digest of the words (SHA-256)",
    fileMatches: "The file matches the record: it is the document as issued.",
    fileDiffers: "The file does not match the record: it may have been changed, or is another document.",
    noFile: "No file chosen: compare the paper copy's number, title and date with the record above.",
  },
} as const satisfies Record<Language, Record<string, string>>;

export const verifyText = (language: Language) => TEXT[language];
