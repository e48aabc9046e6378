/**
 * Export lines to a file or to a Node stream, respecting back-pressure, so a long log never piles up in
 * memory. A file is written beside its destination and renamed into place once complete, so a failed
 * export leaves no file that looks whole.
 */
import * as fs from "node:fs";
import { Effect, Exit } from "effect";
import type { AgencyId } from "../event-log/identifiers.js";
import { ExportFileUnusable } from "../verify/errors.js";
import { type ExportOptions, type ExportSink, exportLog } from "./log-export.js";

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** Writes lines to a Node writable, waiting for it to drain when its buffer is full. */
export const writableSink =
  (out: NodeJS.WritableStream, name: string): ExportSink<ExportFileUnusable, never> =>
  (lines) =>
    lines.length === 0
      ? Effect.void
      : Effect.async<void, ExportFileUnusable>((resume) => {
          const onError = (cause: unknown) =>
            resume(Effect.fail(new ExportFileUnusable({ path: name, reason: describe(cause) })));
          out.once("error", onError);
          const done = () => {
            out.off("error", onError);
            resume(Effect.void);
          };
          if (out.write(`${lines.join("\n")}\n`)) done();
          else out.once("drain", done);
        });

/** Ends a file stream and waits until its bytes are on disk. */
const closeFile = (out: fs.WriteStream, path: string) =>
  Effect.async<void, ExportFileUnusable>((resume) => {
    out.once("error", (cause) =>
      resume(Effect.fail(new ExportFileUnusable({ path, reason: describe(cause) }))),
    );
    out.end(() => resume(Effect.void));
  });

/** Exports the agency's log into the file at `path` (replacing it once the export is complete). */
export const writeExportFile = (agencyId: AgencyId, path: string, options?: ExportOptions) =>
  Effect.gen(function* () {
    const partial = `${path}.partial`;
    const out = yield* Effect.try({
      // Opened here, synchronously, so that a path that cannot be written fails now, as a value.
      try: () => fs.createWriteStream(partial, { fd: fs.openSync(partial, "w", 0o644) }),
      catch: (cause) => new ExportFileUnusable({ path: partial, reason: describe(cause) }),
    });
    const exported = yield* Effect.exit(exportLog(agencyId, writableSink(out, partial), options));
    yield* closeFile(out, partial);
    if (Exit.isFailure(exported)) {
      yield* Effect.sync(() => fs.rmSync(partial, { force: true }));
      return yield* exported;
    }
    yield* Effect.try({
      try: () => fs.renameSync(partial, path),
      catch: (cause) => new ExportFileUnusable({ path, reason: describe(cause) }),
    });
    return exported.value;
  });
