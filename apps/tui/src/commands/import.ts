/**
 * `liuhen import FILE`: an export (see `liuhen export`) read into an agency's empty log — on a new machine,
 * or to move from SQLite to PostgreSQL. Every line goes through the offline verifier with the agency's own
 * key first; events keep their ids and times, so the tree head comes out the same. The projections are then
 * rebuilt from the imported log. Exit 0 imported, 2 when the file is refused, 1 on any other failure.
 */
import { Command, Options } from "@effect/cli";
import { DEFAULT_REGISTRY } from "@liuhen/domain";
import {
  AgencyCalendars,
  AgencyId,
  exportFileLines,
  holidayYearsProjection,
  importLog,
  LogExport,
  proceedingsLayer,
  rebuildProjections,
} from "@liuhen/store";
import { Console, Effect, Layer, ParseResult, Schema } from "effect";
import { databaseOptions, storeFromOptions } from "../database-options.js";
import { ExitCode } from "../exit-code.js";

const REFUSED = new Set(["ImportRefused", "ExportFileUnusable"]);

export const importCommand = Command.make(
  "import",
  {
    file: Options.file("file", { exists: "yes" }).pipe(Options.withDescription("the export file")),
    ...databaseOptions,
    agency: Options.text("agency").pipe(Options.withDescription("the agency id, e.g. qianjiang-msa")),
    json: Options.boolean("json").pipe(Options.withDescription("write the summary as JSON")),
  },
  ({ file, database, databaseUrl, keys, agency, json }) =>
    Effect.gen(function* () {
      const agencyId = yield* Schema.decodeUnknown(AgencyId)(agency).pipe(
        Effect.mapError((e) => new Error(`--agency: ${ParseResult.TreeFormatter.formatErrorSync(e)}`)),
      );
      const store = yield* storeFromOptions({ database, databaseUrl, keys });
      // The periods replayed count on the holiday years the log itself adds, as they come.
      const calendars = new AgencyCalendars(DEFAULT_REGISTRY);
      const proceedings = proceedingsLayer({
        regimeOf: calendars.regimeOf,
        projections: [holidayYearsProjection(calendars)],
      });
      const services = Layer.mergeAll(LogExport.layer, proceedings).pipe(Layer.provideMerge(store));
      const summary = yield* Effect.gen(function* () {
        const imported = yield* importLog(agencyId, exportFileLines(file));
        const rebuilt = yield* rebuildProjections(agencyId);
        return { imported, rebuilt };
      }).pipe(Effect.provide(services));
      yield* Console.log(
        json
          ? JSON.stringify(summary, null, 2)
          : `导入完成 / imported: ${file} → ${agencyId}\n${JSON.stringify(summary.imported, null, 2)}`,
      );
      return ExitCode.Ok;
    }).pipe(
      Effect.catchAll((error) =>
        Effect.as(
          Console.error(`导入失败 / import failed: ${error.message}`),
          REFUSED.has((error as { _tag?: string })._tag ?? "") ? ExitCode.Rejected : ExitCode.Failure,
        ),
      ),
      Effect.flatMap(ExitCode.set),
    ),
).pipe(
  Command.withDescription("read a verified export into an agency's empty log, then rebuild projections"),
);
