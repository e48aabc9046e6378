/**
 * The documents of a wrong-case proceeding (WC.10), each built from what the proceeding's events recorded:
 * the reply to the reporter and the transfer letter (WC.10.1), the legal section's proposal (WC.7), the party
 * committee's decision and the referral to the discipline inspection group (WC.10.3), and the notice of the
 * officer's right to state, defend and appeal (WC.12).
 */
import type { WrongCaseState } from "@liuhen/domain";
import { Either } from "effect";
import type { DocumentKind } from "../document-kind.js";
import { type BodyBlock, OfficialDocument } from "../official-document.js";
import {
  citeArticle,
  type DocumentContext,
  DocumentNotAvailable,
  numberFor,
  quoteArticle,
  zhDate,
} from "./document-context.js";

const p = (text: string): BodyBlock => ({ _tag: "Paragraph", text });
const h = (level: 1 | 2, text: string): BodyBlock => ({ _tag: "Heading", level, text });

const notYet = (kind: DocumentKind, message: string) =>
  Either.left(new DocumentNotAvailable({ kind, message }));

const names = (ids: ReadonlyArray<string>, context: DocumentContext) =>
  ids.length === 0 ? "（未列明）" : ids.map(context.nameOf).join("、");

const common = (kind: DocumentKind, context: DocumentContext) => {
  const bodies = context.regime.bodies;
  return {
    kind,
    issuerMark: bodies.agency.zh,
    number: numberFor(kind, context),
    signatory: bodies.agency.zh,
    date: context.issuedOn,
    printedBy: `${bodies.agency.zh}${bodies.legalSection.zh.replace(/^区局/u, "")}`,
    printedOn: context.issuedOn,
  };
};

const reportLine = (state: WrongCaseState) =>
  state.report === null ? "" : `${zhDate(state.report.date)}反映的“${state.report.allegation}”一事`;

/**
 * WC.10.1 区局法治科应当及时受理，并负责答复: the legal section's latest answer; for a matter transferred and not
 * answered otherwise, the transfer itself is the answer (转送有权部门处理).
 */
export const reporterReply = (state: WrongCaseState, context: DocumentContext) => {
  const answer = state.answers.at(-1);
  const { transfer } = state;
  if (state.report === null || state.acceptance === null || (answer === undefined && transfer === null)) {
    return notYet("reporter-reply", "the reporter has not been answered yet (WC.10.1 负责答复)");
  }
  const reporter = state.report.reporter;
  const recipient =
    reporter._tag === "Staff" ? context.nameOf(reporter.id) : (reporter.name ?? "举报（投诉）人");
  const { regime } = context;
  const reply =
    answer !== undefined
      ? answer.answer
      : `经审查，该事项不属于本单位受理的案件，我局已于${zhDate(transfer?.date ?? "")}转送${transfer?.competentBody ?? ""}处理。`;
  return Either.right(
    new OfficialDocument({
      ...common("reporter-reply", context),
      title: "关于举报（投诉）事项的答复",
      recipient,
      body: [
        p(
          `你于${reportLine(state)}，我局${regime.bodies.legalSection.zh}已于${zhDate(state.acceptance.date)}受理。`,
        ),
        p(reply),
        p(`根据${citeArticle(regime, "WC.10.1")}${quoteArticle(regime, "WC.10.1")}的规定，特此答复。`),
      ],
      copyTo: null,
      citations: ["WC.10.1"],
    }),
  );
};

/** WC.10.1 不属于本单位受理的案件，应在受理后2日内转送有权部门处理. */
export const transferLetter = (state: WrongCaseState, context: DocumentContext) => {
  const { transfer, report, acceptance } = state;
  if (transfer === null || report === null || acceptance === null) {
    return notYet("transfer-letter", "the matter has not been transferred (WC.10.1 转送有权部门处理)");
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common("transfer-letter", context),
      title: "关于转送举报（投诉）事项的函",
      recipient: transfer.competentBody,
      body: [
        p(
          `我局${regime.bodies.legalSection.zh}于${zhDate(acceptance.date)}受理${reportLine(state).replace(/^\d{4}年\d+月\d+日/u, (d) => `${d}收到的`)}。`,
        ),
        p(`经审查，该事项不属于本单位受理的案件，理由如下：${transfer.reason}`),
        p(
          `根据${citeArticle(regime, "WC.10.1")}${quoteArticle(regime, "WC.10.1")}的规定，现将该事项转送你单位处理。`,
        ),
        p("特此函告。"),
      ],
      copyTo: null,
      citations: ["WC.10.1"],
    }),
  );
};

/** WC.7 对我局行政执法错案责任机构和责任人依法提出处理建议. */
export const handlingProposal = (state: WrongCaseState, context: DocumentContext) => {
  const round = [...state.rounds].reverse().find((r) => r.proposal !== null);
  const proposal = round?.proposal;
  if (round === undefined || proposal == null || state.report === null) {
    return notYet("handling-proposal", "the legal section has made no proposal (WC.7 处理建议)");
  }
  const { regime } = context;
  const findings = round.findings;
  return Either.right(
    new OfficialDocument({
      ...common("handling-proposal", context),
      title: "关于行政执法错案责任追究的处理建议",
      recipient: regime.bodies.partyCommittee.zh,
      body: [
        h(1, "一、基本情况"),
        p(
          `${reportLine(state)}，经${regime.bodies.legalSection.zh}受理后报${regime.bodies.head.zh}，由${regime.bodies.disciplineCommittee.zh}组成调查组（${names(round.teams.at(-1)?.members ?? [], context)}）开展调查。`,
        ),
        h(1, "二、调查认定"),
        ...(findings === null
          ? [p("调查组尚未提交调查结论。")]
          : [
              p(`错案性质：${findings.nature}`),
              p(`责任人：${names(findings.responsible, context)}。`),
              p(
                findings.triggers.length === 0
                  ? "认定依据：未列明第五条所列情形。"
                  : `认定依据：${findings.triggers.map((id) => citeArticle(regime, id)).join("、")}。`,
              ),
            ]),
        h(1, "三、处理建议"),
        p(proposal.summary),
        h(2, "（一）建议依据"),
        p(`根据${citeArticle(regime, "WC.7")}${quoteArticle(regime, "WC.7")}的规定，提出以上处理建议。`),
        h(2, "（二）评估记录"),
        p(`本建议所依据的评估记录编号：${proposal.assessmentRef}。`),
        p("以上建议，请区局党委集体讨论决定。"),
      ],
      signatory: `${regime.bodies.agency.zh}${regime.bodies.legalSection.zh.replace(/^区局/u, "")}`,
      copyTo: null,
      citations: ["WC.7", ...(findings?.triggers ?? [])],
    }),
  );
};

/** WC.10.3 经区局党委集体讨论后及时做出处理决定; WC.12 remedies stated with it. */
export const committeeDecision = (state: WrongCaseState, context: DocumentContext) => {
  const { decision } = state;
  if (decision === null || state.report === null) {
    return notYet("committee-decision", "the party committee has not decided (WC.10.3 处理决定)");
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common("committee-decision", context),
      issuerMark: `中共${regime.bodies.agency.zh}委员会`,
      signatory: `中共${regime.bodies.agency.zh}委员会`,
      title: "关于行政执法错案责任追究的处理决定",
      recipient: names(decision.officers, context),
      body: [
        p(
          `对${reportLine(state)}，经调查认定错案性质和责任人后，${regime.bodies.partyCommittee.zh}于${zhDate(decision.date)}集体讨论（出席：${names(decision.attendance, context)}），根据${citeArticle(regime, "WC.10.3")}的规定，作出如下决定：`,
        ),
        p(decision.outcome),
        ...(decision.suspectedViolation
          ? [
              p(
                `该事项涉嫌违纪违法，依照${citeArticle(regime, "WC.10.3")}的规定向${regime.bodies.disciplineGroup.zh}报告。`,
              ),
            ]
          : []),
        p(
          `被追究人员对处理事实、决定不服的，根据${citeArticle(regime, "WC.12")}的规定，可以进行陈述和申辩，也可以按照有关规定向区行政执法监督部门或区纪检、监察部门提出申诉。`,
        ),
      ],
      copyTo: decision.suspectedViolation ? regime.bodies.disciplineGroup.zh : null,
      citations: ["WC.10.3", "WC.12"],
    }),
  );
};

/** WC.12 被追究人员对处理事实、决定不服的，可以进行陈述和申辩: one notice to one officer the decision concerns. */
export const statementNotice = (state: WrongCaseState, officer: string | null, context: DocumentContext) => {
  const { decision } = state;
  if (decision === null) {
    return notYet("statement-notice", "the party committee has not decided (WC.12 follows a decision)");
  }
  const chosen = officer ?? (decision.officers.length === 1 ? decision.officers[0] : undefined);
  if (chosen === undefined || !decision.officers.includes(chosen)) {
    return notYet("statement-notice", "officer: name one of the officers the decision concerns");
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common("statement-notice", context),
      title: "陈述、申辩和申诉权利告知书",
      recipient: context.nameOf(chosen),
      body: [
        p(
          `${regime.bodies.partyCommittee.zh}于${zhDate(decision.date)}集体讨论，对你作出如下处理决定：${decision.outcome}`,
        ),
        p(
          `根据${citeArticle(regime, "WC.12")}${quoteArticle(regime, "WC.12")}的规定，现告知你享有以上权利。`,
        ),
        p("你如对处理事实、决定不服，可以向我局法治科提交书面陈述和申辩意见，也可以按照有关规定提出申诉。"),
      ],
      copyTo: null,
      citations: ["WC.12"],
    }),
  );
};

/** WC.10.3 如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告. */
export const wrongCaseReferral = (state: WrongCaseState, context: DocumentContext) => {
  const { decision, referral } = state;
  if (decision === null || (referral === null && !decision.suspectedViolation)) {
    return notYet(
      "referral-letter",
      "nothing is to be reported to the discipline inspection group (WC.10.3)",
    );
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common("referral-letter", context),
      title: "关于报送涉嫌违纪违法问题线索的函",
      recipient: regime.bodies.disciplineGroup.zh,
      body: [
        p(
          `${regime.bodies.partyCommittee.zh}于${zhDate(decision.date)}集体讨论${reportLine(state)}，作出处理决定：${decision.outcome}`,
        ),
        p(
          `经认定，该事项涉及人员（${names(decision.officers, context)}）涉嫌违纪违法。${referral === null ? "" : referral.summary}`,
        ),
        p(
          `根据${citeArticle(regime, "WC.10.3")}“如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告”的规定，现将有关情况报送你组，请予处理。`,
        ),
      ],
      copyTo: null,
      citations: ["WC.10.3"],
    }),
  );
};
