/**
 * `liuhen stats`: the statistics tables as text (the same tables as the UI's `s` screen) or `--json` (the
 * server's figures as they come), over a quarter (`--quarter 2026-Q1`), months (`--from 2026-01 --to
 * 2026-03`) or all time. Exit 0 done, 2 a period refused, 1 the server could not be reached.
 */
import { Command, Options } from "@effect/cli";
import { Console, Effect, Either, Option } from "effect";
import { LegalDesk, refusalOf } from "../desk/legal-desk.js";
import { parsePeriod, periodWords, statisticsTables } from "../desk/statistics.js";
import { ExitCode } from "../exit-code.js";
import { readCredentials } from "../session/credentials-file.js";

export const statsCommand = Command.make(
  "stats",
  {
    quarter: Options.text("quarter").pipe(
      Options.optional,
      Options.withDescription("a quarter, e.g. 2026-Q1"),
    ),
    from: Options.text("from").pipe(
      Options.optional,
      Options.withDescription("the first month, e.g. 2026-01"),
    ),
    to: Options.text("to").pipe(Options.optional, Options.withDescription("the last month, e.g. 2026-03")),
    json: Options.boolean("json").pipe(Options.withDescription("print JSON instead of text")),
  },
  ({ quarter, from, to, json }) =>
    Effect.gen(function* () {
      const typed = Option.match(quarter, {
        onSome: (q) => (Option.isSome(from) || Option.isSome(to) ? null : q),
        onNone: () => {
          const first = Option.getOrElse(from, () => Option.getOrElse(to, () => ""));
          return first === "" ? "" : `${first}..${Option.getOrElse(to, () => first)}`;
        },
      });
      if (typed === null) {
        yield* Console.error("--quarter: 季度与月份只能二选一 / give a quarter or months from/to, not both");
        return ExitCode.Rejected;
      }
      const period = parsePeriod(typed);
      if (Either.isLeft(period)) {
        yield* Console.error(`${Option.isSome(quarter) ? "--quarter" : "--from/--to"}: ${period.left}`);
        return ExitCode.Rejected;
      }
      const credentials = readCredentials();
      if (credentials === null) {
        yield* Console.error("未登录，请先运行 liuhen login / not signed in: run liuhen login first");
        return ExitCode.Rejected;
      }
      const desk = LegalDesk.withToken(credentials.server, credentials.token);
      const figures = yield* Effect.tryPromise({
        try: () => desk.statistics(period.right),
        catch: refusalOf,
      }).pipe(Effect.ensuring(Effect.sync(() => desk.close())), Effect.either);
      if (Either.isLeft(figures)) {
        yield* Console.error(
          `无法读取统计 / could not read the figures: ${figures.left.zh} / ${figures.left.en}`,
        );
        return figures.left.lostConnection ? ExitCode.Failure : ExitCode.Rejected;
      }
      if (json) {
        yield* Console.log(JSON.stringify(figures.right, null, 2));
        return ExitCode.Ok;
      }
      yield* Console.log(`统计 / statistics　${periodWords(period.right)}`);
      for (const table of statisticsTables(figures.right.interference, figures.right.wrongCases)) {
        yield* Console.log(`\n== ${table.title.zh} / ${table.title.en}`);
        yield* Console.log(["", ...table.columns].join("\t"));
        for (const row of table.rows) yield* Console.log([row.label, ...row.cells].join("\t"));
      }
      return ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(
  Command.withDescription("print the statistics tables (interference records, wrong cases) as text or JSON"),
);
