/**
 * `liuhen calendar`: the agency's holiday calendar, kept by its administrator without a release
 * (ARCHITECTURE.md, Periods). `add <file.json>` adds a year from the State Council's notice (国务院办公厅关于
 * XXXX年部分节假日安排的通知) as the JSON of the domain's `HolidayYear`; a year the calendar has already is
 * replaced only with `--reason`. `list` prints every year, released or added, with its notice. Signed in
 * through `liuhen login` as an administrator. Exit 0 done, 2 refused (a bad file names its field), 1 the
 * server could not be reached.
 */
import { readFileSync } from "node:fs";
import { Args, Command, Options } from "@effect/cli";
import { formatDate, isoDateInShanghai } from "@liuhen/domain";
import { TRPCClientError } from "@trpc/client";
import { Console, Effect, Either, Option } from "effect";
import { refusalOf } from "../desk/legal-desk.js";
import { ExitCode } from "../exit-code.js";
import { type ApiClient, bearerClient } from "../session/api-client.js";
import { readCredentials } from "../session/credentials-file.js";

type HolidayYearView = Awaited<ReturnType<ApiClient["admin"]["holidayYears"]["query"]>>[number];

const SOURCE_WORDS: Readonly<Record<HolidayYearView["source"], string>> = {
  "built-in": "内置 / built-in",
  added: "添加 / added",
};

/** The signed-in administrator's client, or the refusal already printed. */
const signedIn = Effect.gen(function* () {
  const credentials = readCredentials();
  if (credentials === null) {
    yield* Console.error("未登录，请先运行 liuhen login / not signed in: run liuhen login first");
    return Either.left(ExitCode.Rejected);
  }
  return Either.right(bearerClient(credentials.server, credentials.token));
});

/** What the server said, with its detail and the field it concerns; the exit code it calls for. */
const refused = (what: string, error: unknown) =>
  Effect.gen(function* () {
    const refusal = refusalOf(error);
    const detail = error instanceof TRPCClientError ? error.message : `${refusal.zh} / ${refusal.en}`;
    yield* Console.error(`${what}: ${refusal.field === null ? "" : `${refusal.field}: `}${detail}`);
    return refusal.lostConnection ? ExitCode.Failure : ExitCode.Rejected;
  });

const yearLine = (y: HolidayYearView) =>
  [
    `${y.year}`,
    SOURCE_WORDS[y.source],
    [y.notice.documentNumber, ...y.amendments.map((a) => a.documentNumber)].join("、"),
    formatDate(y.notice.issued),
    y.notice.title,
    ...(y.added === null
      ? []
      : [
          `${y.added.addedBy} ${formatDate(isoDateInShanghai(Date.parse(y.added.addedAt)))}`,
          ...(y.added.replaced === null
            ? []
            : [`替换 / replaced ${y.added.replaced.join("、")}: ${y.added.reason ?? ""}`]),
        ]),
  ].join("\t");

const readYear = (file: string): Either.Either<unknown, string> => {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return Either.left(`FILE: 无法读取文件 / cannot read ${file}`);
  }
  try {
    return Either.right(JSON.parse(text) as unknown);
  } catch (error) {
    return Either.left(
      `FILE: 不是 JSON / not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
};

const addCommand = Command.make(
  "add",
  {
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription("one year's arrangement as JSON (see README.md, Holiday calendar)"),
    ),
    reason: Options.text("reason").pipe(
      Options.optional,
      Options.withDescription("why a year the calendar has already is replaced (required to replace one)"),
    ),
  },
  ({ file, reason }) =>
    Effect.gen(function* () {
      const year = readYear(file);
      if (Either.isLeft(year)) {
        yield* Console.error(year.left);
        return ExitCode.Rejected;
      }
      const client = yield* signedIn;
      if (Either.isLeft(client)) return client.left;
      const added = yield* Effect.tryPromise({
        try: () =>
          client.right.admin.addHolidayYear.mutate({ year: year.right, reason: Option.getOrNull(reason) }),
        catch: (error) => error,
      }).pipe(Effect.either);
      if (Either.isLeft(added)) return yield* refused("未添加 / not added", added.left);
      yield* Console.log(`已添加 / added\t${yearLine(added.right)}`);
      return ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("add a year's holidays from the State Council's notice (JSON)"));

const listCommand = Command.make(
  "list",
  { json: Options.boolean("json").pipe(Options.withDescription("print JSON instead of text")) },
  ({ json }) =>
    Effect.gen(function* () {
      const client = yield* signedIn;
      if (Either.isLeft(client)) return client.left;
      const years = yield* Effect.tryPromise({
        try: () => client.right.admin.holidayYears.query(),
        catch: (error) => error,
      }).pipe(Effect.either);
      if (Either.isLeft(years))
        return yield* refused("无法读取节假日安排 / could not list the years", years.left);
      if (json) yield* Console.log(JSON.stringify(years.right, null, 2));
      else {
        yield* Console.log(`== 节假日安排 / holiday calendar (${years.right.length})`);
        for (const y of years.right) yield* Console.log(yearLine(y));
      }
      return ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(
  Command.withDescription("list the years of the holiday calendar, released and added, with their notices"),
);

export const calendarCommand = Command.make("calendar").pipe(
  Command.withDescription("the holiday calendar periods are counted on: add a year, or list the years"),
  Command.withSubcommands([addCommand, listCommand]),
);
