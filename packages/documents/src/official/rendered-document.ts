/**
 * A document rendered both ways, with what the log records of it: the verification code printed in its
 * footer, the digest of its words, and the SHA-256 of each file.
 */
import { createHash } from "node:crypto";
import { documentText, textDigest, verificationCode } from "./document-text.js";
import { renderDocx } from "./docx/render-docx.js";
import type { OfficialDocument } from "./official-document.js";
import { renderPdf } from "./pdf/render-pdf.js";

export interface RenderedDocument {
  readonly document: OfficialDocument;
  readonly verificationCode: string;
  /** SHA-256 (hex) of the words, white space removed: a retyped paper copy is checked against it. */
  readonly textSha256: string;
  readonly docx: { readonly bytes: Uint8Array; readonly sha256: string };
  readonly pdf: { readonly bytes: Uint8Array; readonly sha256: string };
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

export const renderDocument = async (document: OfficialDocument): Promise<RenderedDocument> => {
  const code = verificationCode(document);
  const [docx, pdf] = await Promise.all([renderDocx(document, code), renderPdf(document, code)]);
  return {
    document,
    verificationCode: code,
    textSha256: textDigest(documentText(document).join("\n")),
    docx: { bytes: docx, sha256: sha256Hex(docx) },
    pdf: { bytes: pdf, sha256: sha256Hex(pdf) },
  };
};
