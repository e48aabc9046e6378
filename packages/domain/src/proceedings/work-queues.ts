/**
 * The legal section's work queues: for every stage of both proceedings, whether it waits on the legal section
 * (or is one the section must see through) and in which list, with the clause it waits under; which spot
 * checks still want work; and the order a list is worked in. The tables are keyed by the stage unions, so a
 * new stage does not compile until someone decides where it waits.
 *
 * WC.7    区局法治科是落实我局行政执法案件错案责任倒查追究问责制度的责任部门。主要负责我局行政执法错案责任追究工作……
 * WC.10.1 区局法治科应当及时受理，并负责答复。不属于本单位受理的案件，应在受理后2日内转送有权部门处理。
 * IF.4    区局法治科应加强检查、抽查，如发现干预、插手案件办理线索的，应当及时向机关负责人报告并开展调查处理……
 * IF.10   ……属于违反规定干预办案，应按人事管理权限并报经批准后予以通报。
 */
import { Order, Schema } from "effect";
import { type CitationId, citation } from "../citation/citation-id.js";
import type { DeadlineStatus } from "../periods/deadline-status.js";
import type { InterferenceStage } from "./interference-record.js";
import type { WrongCaseStage } from "./wrong-case-proceeding.js";

export const WorkQueue = Schema.Literal("reports", "proceedings", "records", "spot-checks", "notifications");
export type WorkQueue = typeof WorkQueue.Type;

/** Where a stage waits: the list, and the clause that makes it the legal section's. */
export interface QueuePlace<Q extends WorkQueue = WorkQueue> {
  readonly queue: Q;
  readonly citation: CitationId;
  readonly clause: string;
}

const waits = <Q extends WorkQueue>(queue: Q, id: string, clause: string): QueuePlace<Q> => ({
  queue,
  citation: citation(id),
  clause,
});

/** Each wrong-case stage's list; null where nothing is left for the legal section. */
export const WRONG_CASE_QUEUES: Readonly<
  Record<WrongCaseStage, QueuePlace<"reports" | "proceedings"> | null>
> = {
  new: null,
  received: waits("reports", "WC.10.1", "区局法治科应当及时受理"),
  accepted: waits("reports", "WC.10.1", "不属于本单位受理的案件，应在受理后2日内转送有权部门处理"),
  // Sent on: the section still answers the reporter and closes the file.
  transferred: waits("proceedings", "WC.10.1", "区局法治科……并负责答复"),
  "reported-to-head": waits("proceedings", "WC.10.2", "由局主要负责人指派区局机关纪委及时组成调查组展开调查"),
  "team-assigned": waits("proceedings", "WC.10.2", "及时组成调查组展开调查"),
  investigating: waits(
    "proceedings",
    "WC.10.2",
    "调阅有关案件材料、询问执法责任人、了解核实有关情况、询问行政相对人",
  ),
  "findings-submitted": waits("proceedings", "WC.7", "对我局行政执法错案责任机构和责任人依法提出处理建议"),
  "proposal-made": waits("proceedings", "WC.10.3", "经区局党委集体讨论后及时做出处理决定"),
  "reinvestigation-ordered": waits("proceedings", "WC.10.3", "可以在1个月内责令重新组织调查并作出处理决定"),
  decided: waits("proceedings", "WC.10.3", "及时做出处理决定"),
  "referral-due": waits("proceedings", "WC.10.3", "如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告"),
  referred: waits("proceedings", "WC.10.3", "及时做出处理决定"),
  notified: waits("proceedings", "WC.12", "被追究人员对处理事实、决定不服的，可以进行陈述和申辩"),
  closed: null,
};

const IF_11 =
  "构成违纪的……移交区纪委监委驻发改委纪检组给予纪律处分；构成犯罪的，依法移交有关部门追究刑事责任";

/**
 * Each interference stage's list; null where the record is not the legal section's to act on: not reported
 * to it (only a spot check draws it, IF.4 抽查), routed to or handed over to the judicial supervision, found
 * legitimate, or closed.
 */
export const INTERFERENCE_QUEUES: Readonly<
  Record<InterferenceStage, QueuePlace<"records" | "notifications"> | null>
> = {
  new: null,
  recorded: null,
  "reported-to-legal-section": waits("records", "IF.4", "区局法治科应加强检查"),
  "reported-to-judicial-supervision": null,
  checked: waits("records", "IF.4", "如发现干预、插手案件办理线索的，应当及时向机关负责人报告"),
  "lead-reported": waits("records", "IF.4", "并开展调查处理"),
  investigating: waits("records", "IF.4", "并开展调查处理"),
  "interference-found": waits("notifications", "IF.10", "应按人事管理权限并报经批准"),
  legitimate: null,
  approved: waits("notifications", "IF.10", "报经批准后予以通报"),
  // Circulated: a referral may follow before the record closes.
  notified: waits("records", "IF.11", IF_11),
  referred: waits("records", "IF.11", IF_11),
  "handed-over": null,
  closed: null,
};

/** What a spot check still wants (IF.4 抽查): its sample drawn, or the records drawn checked. */
export const SpotCheckWork = Schema.Literal("to-draw", "to-check");
export type SpotCheckWork = typeof SpotCheckWork.Type;

export const spotCheckWork = (check: {
  readonly drawn: boolean;
  readonly unchecked: number;
}): SpotCheckWork | null => (!check.drawn ? "to-draw" : check.unchecked > 0 ? "to-check" : null);

/** What the order of a list looks at. */
export interface Urgency {
  /** Where today stands against the due day; null without a period, or past the calendar's years. */
  readonly status: DeadlineStatus | null;
  readonly due: string | null;
  /** The day the item dates from (received, recorded, committed). */
  readonly since: string | null;
  readonly id: string;
}

const RANK: Readonly<Record<DeadlineStatus["_tag"], number>> = { Overdue: 0, DueToday: 1, NotYetDue: 2 };
const UNJUDGED = 3;

const nullsLast = (order: Order.Order<string>): Order.Order<string | null> =>
  Order.make((a, b) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : order(a, b)));

/**
 * Overdue first (the longest overdue first), then due today, then the nearest due day, then the oldest; the
 * number last, so the order never depends on how the store listed them.
 */
export const urgencyOrder: Order.Order<Urgency> = Order.combineAll([
  Order.mapInput(Order.number, (u: Urgency) => (u.status === null ? UNJUDGED : RANK[u.status._tag])),
  Order.mapInput(nullsLast(Order.string), (u: Urgency) => u.due),
  Order.mapInput(nullsLast(Order.string), (u: Urgency) => u.since),
  Order.mapInput(Order.string, (u: Urgency) => u.id),
]);

/** `urgencyOrder` over items of any shape, for `Array.prototype.sort`. */
export const byUrgency = <A>(urgency: (item: A) => Urgency): Order.Order<A> =>
  Order.mapInput(urgencyOrder, urgency);
