/**
 * What a member of the public who reported learns of their report (WC.10.1 区局法治科……负责答复): how far it
 * has gone, in words a reporter understands, the legal section's answers and the thread of messages. Never
 * who is named, who investigates or decides, nor what the investigation found: those stay in the file, which
 * need-to-know guards. Nor the reporter's own name or contact: a leaked code must not unmask them.
 */
import type { WrongCaseStage, WrongCaseState } from "@liuhen/domain";
import type { IntakeMessage } from "@liuhen/store";

type PublicStage = "received" | "accepted" | "transferred" | "under-investigation" | "closed";

/** Every stage of the proceeding as the reporter sees it; a new stage fails to compile until placed here. */
const PUBLIC_STAGES = {
  new: "received",
  received: "received",
  accepted: "accepted",
  transferred: "transferred",
  // From here to the decision being made known, the reporter learns only that the matter is being handled:
  // not whether a referral for a suspected violation (涉嫌违纪违法) is due.
  "reported-to-head": "under-investigation",
  "team-assigned": "under-investigation",
  investigating: "under-investigation",
  "findings-submitted": "under-investigation",
  "proposal-made": "under-investigation",
  "reinvestigation-ordered": "under-investigation",
  decided: "under-investigation",
  "referral-due": "under-investigation",
  referred: "under-investigation",
  notified: "under-investigation",
  closed: "closed",
} as const satisfies { readonly [S in WrongCaseStage]: PublicStage };

const LABELS: {
  readonly [P in PublicStage]: (transferredTo: string | null) => { readonly zh: string; readonly en: string };
} = {
  received: () => ({ zh: "已收到，待受理", en: "received, awaiting acceptance" }),
  accepted: () => ({ zh: "已受理", en: "accepted" }),
  transferred: (body) => ({
    zh: `已转送${body ?? "有权部门"}处理`,
    en: `transferred to ${body ?? "the competent body"}`,
  }),
  "under-investigation": () => ({ zh: "调查处理中", en: "under investigation" }),
  closed: () => ({ zh: "已办结", en: "closed" }),
};

/** The reporter's view of a public report's proceeding. */
export const reporterView = (
  proceedingId: string,
  state: WrongCaseState,
  messages: ReadonlyArray<IntakeMessage>,
) => {
  const stage = PUBLIC_STAGES[state.stage];
  const transferredTo = state.transfer?.competentBody ?? null;
  return {
    proceedingId,
    receivedOn: state.report?.date ?? null,
    stage: { key: stage, ...LABELS[stage](transferredTo) },
    /** 转送有权部门: where the matter went, if it left the bureau. */
    transferredTo,
    /** 负责答复: the legal section's answers, oldest first; not who wrote them. */
    answers: state.answers.map((answer) => ({ date: answer.date, answer: answer.answer })),
    /** The thread, oldest first; a legal-section message does not name its officer. */
    messages: messages.map((message) => ({ from: message.from, date: message.date, text: message.text })),
  };
};
