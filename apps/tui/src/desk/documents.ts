/**
 * Official documents from the terminal (issue 8): the kinds a proceeding or record may have, in Chinese and
 * English with the articles behind each, where generated files are saved, and the files fetched from the
 * server (`GET /documents/<sha256>` with the bearer token). Whether a document may be generated now — the
 * caller's role, the step the proceeding has reached — is the server's to decide (`documents.generate`
 * refuses, and takes no number, when it may not); the desk offers the kinds and shows the refusal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { LocalisedText } from "@liuhen/domain";
import { Either } from "effect";
import type { Regime } from "./legal-steps.js";

export interface DocumentKindWords {
  readonly kind: DocumentKindName;
  readonly regimes: ReadonlyArray<Regime>;
  readonly label: LocalisedText;
  readonly citations: ReadonlyArray<string>;
  /** Issued by the legal section (the API's `DOCUMENT_ROLES`); the committee issues its own decision. */
  readonly legalSection: boolean;
}

export type DocumentKindName =
  | "reporter-reply"
  | "transfer-letter"
  | "handling-proposal"
  | "committee-decision"
  | "statement-notice"
  | "referral-letter"
  | "interference-notification";

/** The seven documents in the order a proceeding reaches them. */
export const DOCUMENT_KIND_WORDS: ReadonlyArray<DocumentKindWords> = [
  // WC.10.1 区局法治科应当及时受理，并负责答复
  {
    kind: "reporter-reply",
    regimes: ["wrong-case"],
    label: { zh: "举报（投诉）答复书", en: "reply to the reporter" },
    citations: ["WC.10.1"],
    legalSection: true,
  },
  // WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理
  {
    kind: "transfer-letter",
    regimes: ["wrong-case"],
    label: { zh: "转送函", en: "transfer letter" },
    citations: ["WC.10.1"],
    legalSection: true,
  },
  // WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议
  {
    kind: "handling-proposal",
    regimes: ["wrong-case"],
    label: { zh: "处理建议", en: "handling proposal" },
    citations: ["WC.7"],
    legalSection: true,
  },
  // WC.10.3 经区局党委集体讨论后及时做出处理决定
  {
    kind: "committee-decision",
    regimes: ["wrong-case"],
    label: { zh: "处理决定", en: "committee decision" },
    citations: ["WC.10.3"],
    legalSection: false,
  },
  // WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩
  {
    kind: "statement-notice",
    regimes: ["wrong-case"],
    label: { zh: "陈述申辩权利告知书", en: "notice of the right to state and defend" },
    citations: ["WC.12"],
    legalSection: true,
  },
  // WC.10.3 及时向区纪委监委驻发改委纪检组报告; IF.11 移交区纪委监委驻发改委纪检组
  {
    kind: "referral-letter",
    regimes: ["wrong-case", "interference"],
    label: { zh: "移送函", en: "referral letter" },
    citations: ["WC.10.3", "IF.11"],
    legalSection: true,
  },
  // IF.10 应按人事管理权限并报经批准后予以通报
  {
    kind: "interference-notification",
    regimes: ["interference"],
    label: { zh: "通报", en: "notification of interference" },
    citations: ["IF.10"],
    legalSection: true,
  },
];

export const DOCUMENT_KIND_NAMES = DOCUMENT_KIND_WORDS.map((k) => k.kind) as unknown as readonly [
  DocumentKindName,
  ...Array<DocumentKindName>,
];

export const kindWords = (kind: string): DocumentKindWords | undefined =>
  DOCUMENT_KIND_WORDS.find((k) => k.kind === kind);

/** The kinds the legal section issues for a file of this regime. */
export const legalSectionKinds = (regime: Regime): ReadonlyArray<DocumentKindWords> =>
  DOCUMENT_KIND_WORDS.filter((k) => k.legalSection && k.regimes.includes(regime));

/** The regime a file's number belongs to: WC-2026-001 a proceeding, IF-2026-001 a record. */
export const regimeOfNumber = (id: string): Regime | null =>
  /^WC-/i.test(id) ? "wrong-case" : /^IF-/i.test(id) ? "interference" : null;

/** The directory files are saved into, resolved, or the message saying why it cannot take them. */
export const checkDirectory = (given: string, cwd = process.cwd()): Either.Either<string, string> => {
  const trimmed = given.trim();
  if (trimmed === "") return Either.left("「保存目录」(directory) 不能为空 / directory is required");
  const directory = path.resolve(cwd, trimmed);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(directory);
  } catch {
    return Either.left(
      `「保存目录」(directory) 不存在：${directory} / directory: ${directory} does not exist`,
    );
  }
  if (!stat.isDirectory()) {
    return Either.left(
      `「保存目录」(directory) 不是目录：${directory} / directory: ${directory} is not a directory`,
    );
  }
  try {
    fs.accessSync(directory, fs.constants.W_OK);
  } catch {
    return Either.left(
      `「保存目录」(directory) 不可写入：${directory} / directory: ${directory} is not writable`,
    );
  }
  return Either.right(directory);
};

/** The file name the server gives (RFC 8187 `filename*`), else the number and the format. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1];
  const name = encoded === undefined ? fallback : decodeURIComponent(encoded);
  // A name is only a name: nothing of it may lead out of the directory chosen.
  return name.replace(/[/\\]/g, "_").replace(/^\.+/, "_");
};
