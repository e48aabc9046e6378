/**
 * The legal section's work queues as the terminal UI lists them, made from the API's `oversight.workQueues`:
 * which stage waits in which queue, the order of each, and where today (the case clock's day) stands against
 * each period are the domain's rules applied by the API (`WRONG_CASE_QUEUES`, `INTERFERENCE_QUEUES`,
 * `byUrgency`); this only turns its lists into lines. Overdue items come first.
 */
import { type DeadlineStatus, type LocalisedText, WorkQueue } from "@liuhen/domain";
import type { ApiClient } from "../session/api-client.js";
import type { Regime } from "./legal-steps.js";
import { stageWords } from "./words.js";

export const QUEUE_NAMES = WorkQueue.literals;
export type QueueName = WorkQueue;

export const QUEUE_WORDS: Readonly<Record<QueueName, LocalisedText>> = {
  reports: { zh: "新举报", en: "new reports" },
  proceedings: { zh: "错案程序", en: "proceedings" },
  records: { zh: "干预记录", en: "interference records" },
  "spot-checks": { zh: "抽查", en: "spot checks" },
  notifications: { zh: "通报待批", en: "notifications" },
};

export interface QueueItem {
  readonly queue: QueueName;
  /** The file it opens, or null for a spot-check line (opened through its draw). */
  readonly regime: Regime | null;
  readonly id: string;
  readonly stage: string;
  readonly stageLabel: LocalisedText;
  readonly summary: string;
  /** The day the item dates from (received, recorded, committed). */
  readonly since: string | null;
  /** The period running and its due day, if one runs. */
  readonly period: { readonly id: string; readonly due: string } | null;
  /** Where today stands against the due day; null without a period (or outside the calendar's years). */
  readonly deadline: DeadlineStatus | null;
  /** For a record drawn in a spot check (IF.4 抽查): the draw it is checked under. */
  readonly drawId?: string;
}

/** The server's answer the queues are made from. */
export type WorkQueues = Awaited<ReturnType<ApiClient["oversight"]["workQueues"]["query"]>>;

const proceedingItem =
  (queue: "reports" | "proceedings") =>
  (p: WorkQueues["reports"][number]): QueueItem => ({
    queue,
    regime: "wrong-case",
    id: p.proceedingId,
    stage: p.stage,
    stageLabel: stageWords("wrong-case", p.stage),
    summary: p.allegation ?? "",
    since: p.receivedOn,
    period: p.period === null ? null : { id: p.period.period, due: p.period.due },
    deadline: p.status,
  });

const recordItem =
  (queue: "records" | "notifications") =>
  (r: WorkQueues["records"][number]): QueueItem => ({
    queue,
    regime: "interference",
    id: r.recordId,
    stage: r.stage,
    stageLabel: stageWords("interference", r.stage),
    summary: r.caseRef ?? "",
    since: r.recordedOn,
    period: null,
    deadline: null,
  });

// A spot check not yet drawn is one line; once drawn, each record drawn and not yet checked is one.
const spotCheckItems = (s: WorkQueues["spotChecks"][number]): ReadonlyArray<QueueItem> => {
  const line = { queue: "spot-checks" as const, since: s.committedOn, period: null, deadline: null };
  if (s.work === "to-draw") {
    return [
      {
        ...line,
        regime: null,
        id: s.drawId,
        stage: "undrawn",
        stageLabel: { zh: "已承诺，待抽取", en: "committed, to draw" },
        summary: s.purpose ?? "",
      },
    ];
  }
  return s.unchecked.map((id) => ({
    ...line,
    regime: "interference" as const,
    id,
    stage: "sampled",
    stageLabel: { zh: "已抽中，待检查", en: "drawn, to check" },
    summary: `${s.purpose ?? ""} ${s.drawId}`.trim(),
    drawId: s.drawId,
  }));
};

/** The lists, and the server's day they were judged on. */
export type Queues = Readonly<Record<QueueName, ReadonlyArray<QueueItem>>> & { readonly today: string };

export const buildQueues = (answer: WorkQueues): Queues => ({
  today: answer.today,
  reports: answer.reports.map(proceedingItem("reports")),
  proceedings: answer.proceedings.map(proceedingItem("proceedings")),
  records: answer.records.map(recordItem("records")),
  "spot-checks": answer.spotChecks.flatMap(spotCheckItems),
  notifications: answer.notifications.map(recordItem("notifications")),
});

/** Items whose number, stage (either language), summary or date contain the search text. */
export const matching = (items: ReadonlyArray<QueueItem>, search: string): ReadonlyArray<QueueItem> => {
  const needle = search.trim().toLowerCase();
  if (needle === "") return items;
  return items.filter((item) =>
    [item.id, item.stage, item.stageLabel.zh, item.stageLabel.en, item.summary, item.since ?? ""].some((s) =>
      s.toLowerCase().includes(needle),
    ),
  );
};
