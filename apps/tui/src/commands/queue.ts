/**
 * `liuhen queue`: the legal section's queues as text (one line an item, overdue first) or `--json`, for
 * scripts and for a glance without the UI. `--queue` keeps one queue, `--stage` one stage of any.
 */
import { Command, Options } from "@effect/cli";
import { formatDate } from "@liuhen/domain";
import { Console, Effect, Option } from "effect";
import { LegalDesk, refusalOf } from "../desk/legal-desk.js";
import { QUEUE_NAMES, QUEUE_WORDS, type QueueItem } from "../desk/queues.js";
import { ExitCode } from "../exit-code.js";
import { readCredentials } from "../session/credentials-file.js";

const line = (item: QueueItem): string => {
  const due =
    item.period === null
      ? ""
      : `${item.deadline?._tag === "Overdue" ? "逾期 overdue " : item.deadline?._tag === "DueToday" ? "今日到期 due today " : ""}${item.period.id} ${formatDate(item.period.due)}`;
  return [item.id, item.stageLabel.zh, due, item.summary].filter((s) => s !== "").join("\t");
};

export const queueCommand = Command.make(
  "queue",
  {
    json: Options.boolean("json").pipe(Options.withDescription("print JSON instead of text")),
    queue: Options.choice("queue", QUEUE_NAMES).pipe(Options.optional, Options.withDescription("one queue")),
    stage: Options.text("stage").pipe(
      Options.optional,
      Options.withDescription("only items at this stage, e.g. received, findings-submitted"),
    ),
  },
  ({ json, queue, stage }) =>
    Effect.gen(function* () {
      const credentials = readCredentials();
      if (credentials === null) {
        yield* Console.error("未登录，请先运行 liuhen login / not signed in: run liuhen login first");
        return ExitCode.Rejected;
      }
      const desk = LegalDesk.withToken(credentials.server, credentials.token);
      const queues = yield* Effect.tryPromise({ try: () => desk.queues(), catch: refusalOf }).pipe(
        Effect.ensuring(Effect.sync(() => desk.close())),
        Effect.either,
      );
      if (queues._tag === "Left") {
        yield* Console.error(
          `无法读取队列 / could not read the queues: ${queues.left.zh} / ${queues.left.en}`,
        );
        return queues.left.lostConnection ? ExitCode.Failure : ExitCode.Rejected;
      }
      const names = Option.match(queue, { onNone: () => QUEUE_NAMES, onSome: (q) => [q] as const });
      const keep = (item: QueueItem) =>
        Option.match(stage, { onNone: () => true, onSome: (s) => item.stage === s });
      if (json) {
        const picked = Object.fromEntries(names.map((n) => [n, queues.right[n].filter(keep)]));
        yield* Console.log(JSON.stringify(picked, null, 2));
        return ExitCode.Ok;
      }
      for (const name of names) {
        const items = queues.right[name].filter(keep);
        yield* Console.log(`== ${QUEUE_WORDS[name].zh} / ${QUEUE_WORDS[name].en} (${items.length})`);
        for (const item of items) yield* Console.log(line(item));
      }
      return ExitCode.Ok;
    }).pipe(Effect.flatMap(ExitCode.set)),
).pipe(Command.withDescription("print the legal section's queues as text or JSON"));
