/**
 * The legal section's work queues, made from the server's listings: new reports to accept or transfer (with
 * the WC.10.1 clock once accepted), proceedings by stage, interference records to review, spot checks due and
 * notifications (通报) awaiting approval. Which period runs and when it is due is the domain's (the open
 * periods it keeps); whether today is past it, the domain's `deadlineStatus` on the holiday calendar. Overdue
 * items come first.
 */
import {
  chinaMainland,
  type DeadlineStatus,
  deadlineStatus,
  IsoDate,
  isoDateInShanghai,
  type LocalisedText,
} from "@liuhen/domain";
import { Either, Schema } from "effect";
import type { Regime } from "./legal-steps.js";
import { stageWords } from "./words.js";

export const QUEUE_NAMES = ["reports", "proceedings", "records", "spot-checks", "notifications"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

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

/** The listings the queues are made from, as the server answers them. */
export interface Listings {
  readonly wrongCases: ReadonlyArray<{
    readonly proceedingId: string;
    readonly stage: string;
    readonly receivedOn: string | null;
    readonly allegation: string | null;
    readonly openPeriods: ReadonlyArray<{ readonly period: string; readonly due: string }>;
  }>;
  readonly records: ReadonlyArray<{
    readonly recordId: string;
    readonly stage: string;
    readonly recordedOn: string | null;
    readonly caseRef: string | null;
    readonly route: string;
  }>;
  readonly spotChecks: ReadonlyArray<{
    readonly drawId: string;
    readonly purpose: string | null;
    readonly committedOn: string;
    readonly draw: unknown;
    readonly sample: {
      readonly records: ReadonlyArray<{ readonly id: string; readonly check: unknown }>;
    } | null;
  }>;
}

export const todayInShanghai = (): string => isoDateInShanghai(Date.now());

const statusOf = (due: string, today: string): DeadlineStatus | null => {
  const dueDate = Schema.decodeUnknownEither(IsoDate)(due);
  const todayDate = Schema.decodeUnknownEither(IsoDate)(today);
  if (Either.isLeft(dueDate) || Either.isLeft(todayDate)) return null;
  return Either.getOrNull(deadlineStatus(dueDate.right, todayDate.right, chinaMainland));
};

// Stages where a report still waits for the legal section to accept it or send it on (WC.10.1).
const REPORT_STAGES = new Set(["received", "accepted"]);
// Stages where an interference record waits for the legal section (IF.4 检查, investigation, IF.10-11).
const RECORD_STAGES = new Set([
  "reported-to-legal-section",
  "checked",
  "lead-reported",
  "investigating",
  "interference-found",
  "approved",
  "notified",
]);
// IF.10 应按人事管理权限并报经批准后予以通报: found and awaiting the approval, or approved and to circulate.
const NOTIFICATION_STAGES = new Set(["interference-found", "approved"]);

const RANK: Readonly<Record<DeadlineStatus["_tag"], number>> = { Overdue: 0, DueToday: 1, NotYetDue: 2 };

/** Overdue first, then due today, then the nearest due day, then the rest by number. */
export const byUrgency = (a: QueueItem, b: QueueItem): number => {
  const ra = a.deadline ? RANK[a.deadline._tag] : 3;
  const rb = b.deadline ? RANK[b.deadline._tag] : 3;
  if (ra !== rb) return ra - rb;
  const da = a.period?.due ?? "";
  const db = b.period?.due ?? "";
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export const buildQueues = (
  listings: Listings,
  today: string,
): Readonly<Record<QueueName, ReadonlyArray<QueueItem>>> => {
  const wrongCase = listings.wrongCases.map((p) => {
    const period = p.openPeriods[0] ?? null;
    return {
      regime: "wrong-case" as const,
      id: p.proceedingId,
      stage: p.stage,
      stageLabel: stageWords("wrong-case", p.stage),
      summary: p.allegation ?? "",
      since: p.receivedOn,
      period: period === null ? null : { id: period.period, due: period.due },
      deadline: period === null ? null : statusOf(period.due, today),
    };
  });
  const records = listings.records.map((r) => ({
    regime: "interference" as const,
    id: r.recordId,
    stage: r.stage,
    stageLabel: stageWords("interference", r.stage),
    summary: r.caseRef ?? "",
    since: r.recordedOn,
    period: null,
    deadline: null,
  }));
  const spotChecks: QueueItem[] = listings.spotChecks.flatMap((s): ReadonlyArray<QueueItem> => {
    if (s.draw === null) {
      return [
        {
          queue: "spot-checks" as const,
          regime: null,
          id: s.drawId,
          stage: "undrawn",
          stageLabel: { zh: "已承诺，待抽取", en: "committed, to draw" },
          summary: s.purpose ?? "",
          since: s.committedOn,
          period: null,
          deadline: null,
        },
      ];
    }
    return (s.sample?.records ?? [])
      .filter((r) => r.check === null)
      .map((r) => ({
        queue: "spot-checks" as const,
        regime: "interference" as const,
        id: r.id,
        stage: "sampled",
        stageLabel: { zh: "已抽中，待检查", en: "drawn, to check" },
        summary: `${s.purpose ?? ""} ${s.drawId}`.trim(),
        since: s.committedOn,
        period: null,
        deadline: null,
        drawId: s.drawId,
      }));
  });
  return {
    reports: wrongCase
      .filter((p) => REPORT_STAGES.has(p.stage))
      .map((p) => ({ ...p, queue: "reports" as const }))
      .sort(byUrgency),
    proceedings: wrongCase
      .filter((p) => !REPORT_STAGES.has(p.stage) && p.stage !== "closed")
      .map((p) => ({ ...p, queue: "proceedings" as const }))
      .sort(byUrgency),
    records: records
      .filter((r) => RECORD_STAGES.has(r.stage))
      .map((r) => ({ ...r, queue: "records" as const }))
      .sort(byUrgency),
    "spot-checks": spotChecks.sort(byUrgency),
    notifications: records
      .filter((r) => NOTIFICATION_STAGES.has(r.stage))
      .map((r) => ({ ...r, queue: "notifications" as const }))
      .sort(byUrgency),
  };
};

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
