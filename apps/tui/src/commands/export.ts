/**
 * `liuhen export`: an agency's log as an export file (JSON lines: header, signed checkpoints, events; see
 * packages/store/src/export/README.md) for `liuhen verify` to check offline. The current head is signed
 * first, so every exported event is covered. `--checkpoint-out` also writes that checkpoint alone: what an
 * auditor keeps to pass as `liuhen verify --earlier` next time. Exit 0 when written, 1 on any failure.
 */
import * as fs from "node:fs";
import { Command, Options } from "@effect/cli";
import {
  AgencyId,
  type ExportSummary,
  exportLog,
  keyFilePath,
  LogExport,
  writableSink,
  writeExportFile,
} from "@liuhen/store";
import { Console, Effect, Either, Layer, Option, ParseResult, Schema } from "effect";
import { databaseOptions, storeFromOptions } from "../database-options.js";
import { ExitCode } from "../exit-code.js";

class ExportUsage extends Schema.TaggedError<ExportUsage>()("ExportUsage", { message: Schema.String }) {}

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const tag = (error as { _tag?: unknown })._tag;
    return typeof tag === "string" && tag !== "ExportUsage" && tag !== "DatabaseUsage"
      ? `${tag}: ${error.message}`
      : error.message;
  }
  return String(error);
};

const summaryText = (summary: ExportSummary, out: string, checkpointOut: Option.Option<string>): string =>
  [
    `导出完成 / exported: ${summary.treeSize} events of ${summary.agencyId} → ${out}`,
    `  树根 / head: ${summary.rootHash}`,
    `  签名检查点 / signed checkpoints: ${summary.checkpoints}, latest at ${summary.latestCheckpoint.treeSize} (signed ${summary.latestCheckpoint.signedAt})`,
    `  验证公钥 / verifier key: ${summary.verifierKey}`,
    ...Option.match(checkpointOut, {
      onNone: () => [],
      onSome: (file) => [`  检查点已另存 / checkpoint kept in: ${file} (liuhen verify --earlier ${file})`],
    }),
  ].join("\n");

export const exportCommand = Command.make(
  "export",
  {
    ...databaseOptions,
    agency: Options.text("agency").pipe(Options.withDescription("the agency id, e.g. qianjiang-msa")),
    out: Options.file("out").pipe(
      Options.optional,
      Options.withDescription("the export file to write (default: standard output)"),
    ),
    checkpointOut: Options.file("checkpoint-out").pipe(
      Options.optional,
      Options.withDescription("also write the latest signed checkpoint alone to this file"),
    ),
    json: Options.boolean("json").pipe(Options.withDescription("write the summary as JSON")),
  },
  ({ database, databaseUrl, keys, agency, out, checkpointOut, json }) =>
    Effect.gen(function* () {
      const agencyId = yield* Either.mapLeft(
        Schema.decodeUnknownEither(AgencyId)(agency),
        (error) =>
          new ExportUsage({ message: `--agency: ${ParseResult.TreeFormatter.formatErrorSync(error)}` }),
      );
      // The store makes a key on first use; an export must not, or a wrong --keys would sign with a new key.
      const keyFile = keyFilePath(keys, agencyId);
      if (!fs.existsSync(keyFile)) {
        return yield* new ExportUsage({ message: `--keys: there is no key for ${agencyId} (${keyFile})` });
      }
      const store = yield* storeFromOptions({ database, databaseUrl, keys });

      const written = Option.match(out, {
        onSome: (file) => writeExportFile(agencyId, file),
        onNone: () => exportLog(agencyId, writableSink(process.stdout, "standard output")),
      });
      const summary = yield* written.pipe(Effect.provide(LogExport.layer.pipe(Layer.provideMerge(store))));
      if (Option.isSome(checkpointOut)) {
        yield* Effect.try({
          try: () => fs.writeFileSync(checkpointOut.value, summary.latestCheckpoint.note),
          catch: (cause) => new ExportUsage({ message: `--checkpoint-out: ${describe(cause)}` }),
        });
      }
      // With the export on standard output, the summary goes to standard error.
      const show = Option.isSome(out) ? Console.log : Console.error;
      yield* show(
        json
          ? JSON.stringify(
              {
                ...summary,
                out: Option.getOrElse(out, () => "-"),
                checkpointOut: Option.getOrNull(checkpointOut),
              },
              null,
              2,
            )
          : summaryText(
              summary,
              Option.getOrElse(out, () => "standard output"),
              checkpointOut,
            ),
      );
      return ExitCode.Ok;
    }).pipe(
      Effect.catchAll((error) =>
        Effect.as(Console.error(`导出失败 / export failed: ${describe(error)}`), ExitCode.Failure),
      ),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(
  Command.withDescription(
    "export an agency's log (events, signed checkpoints, verifier key) for offline verification",
  ),
);
