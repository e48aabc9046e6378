/**
 * `liuhen verify FILE`: checks an export offline, without the server or its database: every leaf, every
 * signed checkpoint against the tree, and, given `--earlier`, that the log has not been rewritten since that
 * checkpoint. `--key` is the agency's verifier key the auditor trusts; without it the key in the file is used
 * and the report says so. Exit 0 verified, 2 the file fails (with its first bad position), 1 when it cannot
 * be checked at all (unreadable file, malformed key).
 */
import * as fs from "node:fs";
import { Args, Command, Options } from "@effect/cli";
import {
  exportFileLines,
  problemLabels,
  type Rejected,
  VerificationReport,
  type Verified,
  verifyExport,
} from "@liuhen/store/verify";
import { Console, Effect, Option, Schema } from "effect";
import { ExitCode } from "../exit-code.js";

const encodeReport = Schema.encodeSync(VerificationReport);

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const tag = (error as { _tag?: unknown })._tag;
    return typeof tag === "string" ? `${tag}: ${error.message}` : error.message;
  }
  return String(error);
};

/** `--key` is the key itself, or a file holding it. */
const readKey = (key: string) =>
  Effect.try({
    try: () =>
      fs.existsSync(key) && fs.statSync(key).isFile() ? fs.readFileSync(key, "utf8").trim() : key.trim(),
    catch: (cause) => new Error(`--key: ${describe(cause)}`),
  });

const readEarlier = (file: string) =>
  Effect.try({
    try: () => fs.readFileSync(file, "utf8"),
    catch: (cause) => new Error(`--earlier: ${describe(cause)}`),
  });

const verifiedText = (report: Verified): string =>
  [
    `校验通过 / verified: ${report.treeSize} events of ${report.agencyId}`,
    `  树根 / head: ${report.rootHash}`,
    `  签名检查点 / signed checkpoints: ${report.checkpoints} checked, latest at ${report.latestCheckpoint.treeSize} (signed ${report.latestCheckpoint.signedAt})`,
    ...(report.earlier === null
      ? []
      : [
          `  较早检查点 / earlier checkpoint: the log at ${report.earlier.treeSize} events still has head ${report.earlier.rootHash} (历史未被改写 / history not rewritten)`,
        ]),
    report.keySource === "argument"
      ? `  公钥 / key: ${report.verifierKey} (--key)`
      : `  ⚠ 公钥仅取自文件，不能证明由该机关签名 / key taken from the file only (${report.verifierKey}): this shows the file agrees with itself, not that the agency signed it; give --key`,
    ...report.notes
      .filter((note) => !note.startsWith("the key was taken from the file only"))
      .map((note) => `  注 / note: ${note}`),
  ].join("\n");

const rejectedText = (report: Rejected): string => {
  const { finding } = report;
  const label = problemLabels[finding.problem];
  const position =
    finding.position === null
      ? []
      : [
          finding.lastPosition === null
            ? `  第一处问题位置 / first bad position: ${finding.position}`
            : `  第一处问题位置 / first bad position: ${finding.position}–${finding.lastPosition} (the signatures pin it to this range)`,
        ];
  return [
    `校验失败 / verification FAILED: ${label.zh} / ${label.en}`,
    ...position,
    ...(finding.eventId === null ? [] : [`  事件 / event: ${finding.eventId}`]),
    ...(finding.line === null ? [] : [`  行 / line: ${finding.line}`]),
    `  详情 / detail: ${finding.detail}`,
    finding.verifiedSize > 0
      ? `  已验证 / proven before it: positions 0–${finding.verifiedSize - 1}`
      : "  已验证 / proven before it: none",
    ...(report.keySource === "file" ? ["  ⚠ 公钥仅取自文件 / key taken from the file only; give --key"] : []),
    ...report.notes.map((note) => `  注 / note: ${note}`),
  ].join("\n");
};

export const verifyCommand = Command.make(
  "verify",
  {
    file: Args.file({ name: "FILE", exists: "yes" }).pipe(Args.withDescription("the export file")),
    key: Options.text("key").pipe(
      Options.optional,
      Options.withDescription("the agency's verifier key you trust, or a file holding it"),
    ),
    earlier: Options.file("earlier", { exists: "yes" }).pipe(
      Options.optional,
      Options.withDescription("a checkpoint you kept from before (liuhen export --checkpoint-out)"),
    ),
    json: Options.boolean("json").pipe(Options.withDescription("write the report as JSON")),
  },
  ({ file, key, earlier, json }) =>
    Effect.gen(function* () {
      const trustedKey = Option.isSome(key) ? yield* readKey(key.value) : undefined;
      const earlierText = Option.isSome(earlier) ? yield* readEarlier(earlier.value) : undefined;
      const report = yield* verifyExport(exportFileLines(file), { trustedKey, earlier: earlierText });
      yield* Console.log(
        json
          ? JSON.stringify(encodeReport(report), null, 2)
          : report._tag === "Verified"
            ? verifiedText(report)
            : rejectedText(report),
      );
      return report._tag === "Verified" ? ExitCode.Ok : ExitCode.Rejected;
    }).pipe(
      Effect.catchAll((error) =>
        Effect.as(Console.error(`无法校验 / cannot verify: ${describe(error)}`), ExitCode.Failure),
      ),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(
  Command.withDescription("verify an export offline: leaves, signed checkpoints, an earlier checkpoint"),
);
