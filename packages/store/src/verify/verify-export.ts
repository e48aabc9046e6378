/**
 * Running the verifier over a stream of lines, such as an export file read line by line: it reads no
 * further than the first problem, and never holds more than one line.
 */
import * as fs from "node:fs";
import { Effect, Stream } from "effect";
import { ExportFileUnusable } from "./errors.js";
import { type ExportVerifierOptions, makeExportVerifier } from "./export-verifier.js";

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/**
 * The lines of a file, read as they are needed (line breaks \n or \r\n, dropped): the file is read a chunk
 * at a time as the verifier asks for lines, so memory stays flat however long the file (a readline
 * interface would read ahead of a slower verifier and hold every line it has not yet taken).
 */
export const exportFileLines = (path: string): Stream.Stream<string, ExportFileUnusable> =>
  Stream.unwrapScoped(
    Effect.gen(function* () {
      const input = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () =>
            new Promise<fs.ReadStream>((resolve, reject) => {
              const stream = fs.createReadStream(path, { encoding: "utf8" });
              stream.once("open", () => resolve(stream)).once("error", reject);
            }),
          catch: (cause) => new ExportFileUnusable({ path, reason: describe(cause) }),
        }),
        (stream) => Effect.sync(() => stream.destroy()),
      );
      return Stream.fromAsyncIterable(
        input as AsyncIterable<string>,
        (cause) => new ExportFileUnusable({ path, reason: describe(cause) }),
      ).pipe(Stream.splitLines);
    }),
  );

/** Verifies the lines of an export; the report says whether it verified and, if not, where it first fails. */
export const verifyExport = <E, R>(lines: Stream.Stream<string, E, R>, options: ExportVerifierOptions = {}) =>
  Effect.gen(function* () {
    const verifier = yield* makeExportVerifier(options);
    yield* lines.pipe(
      Stream.map(verifier.push),
      Stream.takeUntil((read) => read._tag === "Rejected"),
      Stream.runDrain,
    );
    return verifier.end();
  });
