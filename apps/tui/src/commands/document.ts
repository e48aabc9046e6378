/**
 * `liuhen document`: a file's official documents from a script (issue 8). `generate KIND ID [--out DIR]`
 * takes a number in the permanent log and saves the PDF and DOCX into DIR (the current directory unless
 * given; a directory that is not there is refused before anything is sent); `list ID` prints those issued.
 * `--json` for scripts. Exit 0 done, 2 refused (bad input, a step not reached, a role that does not issue
 * the kind), 1 the server could not be reached.
 */
import { Args, Command, Options } from "@effect/cli";
import { formatDate } from "@liuhen/domain";
import { Console, Effect, Either, Option } from "effect";
import {
  checkDirectory,
  DOCUMENT_KIND_NAMES,
  type DocumentKindName,
  kindWords,
  regimeOfNumber,
} from "../desk/documents.js";
import { LegalDesk, refusalOf } from "../desk/legal-desk.js";
import { ExitCode } from "../exit-code.js";
import { readCredentials } from "../session/credentials-file.js";

const NOT_SIGNED_IN = "未登录，请先运行 liuhen login / not signed in: run liuhen login first";

const idArg = Args.text({ name: "ID" }).pipe(
  Args.withDescription("the proceeding's or record's number, e.g. WC-2026-004 or IF-2026-007"),
);
const json = Options.boolean("json").pipe(Options.withDescription("print JSON instead of text"));

/** The signed-in desk and the file's regime, or the exit code after saying what is wrong. */
const deskFor = (id: string) =>
  Effect.gen(function* () {
    const regime = regimeOfNumber(id);
    if (regime === null) {
      yield* Console.error(`ID: ${id} 不是错案程序或干预记录编号 / not a WC-… or IF-… number`);
      return Either.left(ExitCode.Rejected);
    }
    const credentials = readCredentials();
    if (credentials === null) {
      yield* Console.error(NOT_SIGNED_IN);
      return Either.left(ExitCode.Rejected);
    }
    return Either.right({ desk: LegalDesk.withToken(credentials.server, credentials.token), regime });
  });

const refused = (what: string, error: unknown) => {
  const refusal = refusalOf(error);
  return Console.error(`${what}: ${refusal.zh} / ${refusal.en}`).pipe(
    Effect.as(refusal.lostConnection ? ExitCode.Failure : ExitCode.Rejected),
  );
};

const generateCommand = Command.make(
  "generate",
  {
    kind: Args.choice(
      DOCUMENT_KIND_NAMES.map((k) => [k, k] as const),
      { name: "KIND" },
    ).pipe(Args.withDescription(`the kind of document: ${DOCUMENT_KIND_NAMES.join(", ")}`)),
    id: idArg,
    out: Options.text("out").pipe(
      Options.optional,
      Options.withDescription("the directory the PDF and DOCX are saved in (default: the current one)"),
    ),
    json,
  },
  ({ kind, id, out, json }) =>
    Effect.gen(function* () {
      const directory = checkDirectory(Option.getOrElse(out, () => "."));
      if (Either.isLeft(directory)) {
        yield* Console.error(`--out: ${directory.left}`);
        return ExitCode.Rejected;
      }
      const opened = yield* deskFor(id);
      if (Either.isLeft(opened)) return opened.left;
      const { desk, regime } = opened.right;
      const saved = yield* Effect.tryPromise({
        try: () => desk.generateDocument(regime, id, kind as DocumentKindName, directory.right),
        catch: (error) => error,
      }).pipe(Effect.ensuring(Effect.sync(() => desk.close())), Effect.either);
      if (Either.isLeft(saved)) return yield* refused("未生成 / not generated", saved.left);
      if (json) yield* Console.log(JSON.stringify({ kind, proceeding: id, ...saved.right }, null, 2));
      else {
        yield* Console.log(
          `已生成 / generated: ${saved.right.number} ${kindWords(kind)?.label.zh ?? kind}　核验码 / code ${saved.right.verificationCode}`,
        );
        for (const file of saved.right.paths) yield* Console.log(`已保存 / saved: ${file}`);
      }
      return ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("generate an official document and save its PDF and DOCX"));

const listCommand = Command.make("list", { id: idArg, json }, ({ id, json }) =>
  Effect.gen(function* () {
    const opened = yield* deskFor(id);
    if (Either.isLeft(opened)) return opened.left;
    const { desk, regime } = opened.right;
    const issued = yield* Effect.tryPromise({
      try: () => desk.documents(regime, id),
      catch: (error) => error,
    }).pipe(Effect.ensuring(Effect.sync(() => desk.close())), Effect.either);
    if (Either.isLeft(issued))
      return yield* refused("无法读取公文 / could not list the documents", issued.left);
    if (json) yield* Console.log(JSON.stringify(issued.right, null, 2));
    else {
      yield* Console.log(`== ${id} 公文 / documents (${issued.right.length})`);
      for (const d of issued.right) {
        yield* Console.log(
          [d.number, kindWords(d.kind)?.label.zh ?? d.kind, formatDate(d.issuedOn), d.verificationCode].join(
            "\t",
          ),
        );
      }
    }
    return ExitCode.Ok;
  }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("list the official documents issued from a proceeding or record"));

export const documentCommand = Command.make("document").pipe(
  Command.withDescription("official documents: generate one, or list those issued"),
  Command.withSubcommands([generateCommand, listCommand]),
);
