/**
 * What `verifyExport` concludes about an export: verified, with its size and head, or rejected, with the
 * first problem found, where it is and how far the file was proven good before it. Plain data with
 * Schemas, so `liuhen verify --json` writes exactly these.
 */
import { Schema } from "effect";

/** What is wrong, by kind; `problemLabels` gives each a Chinese and an English label. */
export const Problem = Schema.Literal(
  // The file itself
  "MalformedLine",
  "MissingHeader",
  "KeyNotForAgency",
  "CheckpointNotSigned",
  "CheckpointMalformed",
  "CheckpointOutOfOrder",
  "NoCheckpoint",
  "EventOfOtherAgency",
  // Events
  "EventMissing",
  "EventOutOfOrder",
  "EventAltered",
  "EventMoved",
  "EventsSwapped",
  "EventsChanged",
  "LeafHashMismatch",
  "EventsUncovered",
  "EventsTruncated",
  "EventsBeyondHeader",
  // The earlier checkpoint the auditor kept
  "EarlierCheckpointNotSigned",
  "EarlierCheckpointOfOtherLog",
  "EarlierCheckpointBeyondExport",
  "HistoryRewritten",
);
export type Problem = typeof Problem.Type;

export const problemLabels: Readonly<Record<Problem, { readonly zh: string; readonly en: string }>> = {
  MalformedLine: { zh: "文件格式错误", en: "malformed line" },
  MissingHeader: { zh: "缺少文件头", en: "no header" },
  KeyNotForAgency: { zh: "公钥不属于该机关", en: "key of another log" },
  CheckpointNotSigned: { zh: "检查点签名无效", en: "checkpoint not signed by the key" },
  CheckpointMalformed: { zh: "检查点格式错误", en: "malformed checkpoint" },
  CheckpointOutOfOrder: { zh: "检查点顺序错误", en: "checkpoints out of order" },
  NoCheckpoint: { zh: "没有签名检查点", en: "no signed checkpoint" },
  EventOfOtherAgency: { zh: "事件属于其他机关", en: "event of another agency" },
  EventMissing: { zh: "事件缺失（被删除）", en: "event missing (deleted)" },
  EventOutOfOrder: { zh: "事件编号重复或倒序", en: "leaf index repeated or out of order" },
  EventAltered: { zh: "事件内容被改动", en: "event altered" },
  EventMoved: { zh: "事件顺序被改动", en: "event out of place (reordered)" },
  EventsSwapped: { zh: "相邻事件被对调", en: "adjacent events swapped" },
  EventsChanged: { zh: "事件被改动、删除或调换", en: "events altered, deleted or reordered" },
  LeafHashMismatch: { zh: "事件与记录的叶哈希不符", en: "event does not match its recorded leaf hash" },
  EventsUncovered: { zh: "事件未被签名检查点覆盖", en: "events not covered by a signed checkpoint" },
  EventsTruncated: { zh: "文件被截断", en: "file truncated" },
  EventsBeyondHeader: { zh: "事件多于文件头所述", en: "more events than the header announces" },
  EarlierCheckpointNotSigned: {
    zh: "较早检查点签名无效",
    en: "earlier checkpoint not signed by the key",
  },
  EarlierCheckpointOfOtherLog: { zh: "较早检查点属于其他日志", en: "earlier checkpoint of another log" },
  EarlierCheckpointBeyondExport: {
    zh: "导出文件短于较早检查点",
    en: "export shorter than the earlier checkpoint",
  },
  HistoryRewritten: { zh: "历史被改写", en: "history rewritten" },
};

/** Where the verifier's key came from: the auditor (`--key`, trusted) or the export file (not trusted). */
export const KeySource = Schema.Literal("argument", "file");
export type KeySource = typeof KeySource.Type;

export const SignedHead = Schema.Struct({
  treeSize: Schema.Number,
  rootHash: Schema.String,
});
export type SignedHead = typeof SignedHead.Type;

export const Finding = Schema.Struct({
  problem: Problem,
  /** The line of the file where it showed (1-based), if one line shows it. */
  line: Schema.NullOr(Schema.Number),
  /**
   * The first bad position (leaf index), when known. When the signatures pin it only to a range, this is
   * the range's first position and `lastPosition` its last.
   */
  position: Schema.NullOr(Schema.Number),
  lastPosition: Schema.NullOr(Schema.Number),
  /** The id of the event the file has at `position`, if it has one. */
  eventId: Schema.NullOr(Schema.String),
  detail: Schema.String,
  /** Positions below this were proven against a signed head before the problem was found. */
  verifiedSize: Schema.Number,
  /** The signed head that did not match, if the problem showed as one. */
  failedHead: Schema.NullOr(
    Schema.Struct({
      source: Schema.Literal("checkpoint", "earlier"),
      treeSize: Schema.Number,
      signedRoot: Schema.String,
      computedRoot: Schema.String,
    }),
  ),
});
export type Finding = typeof Finding.Type;

export const Verified = Schema.TaggedStruct("Verified", {
  agencyId: Schema.String,
  treeSize: Schema.Number,
  rootHash: Schema.String,
  /** How many signed checkpoints of the file were checked against the tree. */
  checkpoints: Schema.Number,
  latestCheckpoint: Schema.Struct({ treeSize: Schema.Number, signedAt: Schema.String }),
  keySource: KeySource,
  verifierKey: Schema.String,
  /** The earlier checkpoint the export was found consistent with, if one was given. */
  earlier: Schema.NullOr(SignedHead),
  /** Things worth knowing that do not make the file fail: damaged recorded hashes, a key mismatch. */
  notes: Schema.Array(Schema.String),
});
export type Verified = typeof Verified.Type;

export const Rejected = Schema.TaggedStruct("Rejected", {
  agencyId: Schema.NullOr(Schema.String),
  keySource: Schema.NullOr(KeySource),
  finding: Finding,
  notes: Schema.Array(Schema.String),
});
export type Rejected = typeof Rejected.Type;

export const VerificationReport = Schema.Union(Verified, Rejected);
export type VerificationReport = typeof VerificationReport.Type;
