/**
 * The documents of an interference record: the notification (通报) once approved under personnel authority
 * (IF.10), and the referral to the discipline inspection group (IF.11). Neither names the handler who made the
 * record: IF.9 protects them, and a notification is circulated.
 */
import { type InterferenceState, METHOD_LABELS, type RecordElements } from "@liuhen/domain";
import { Either } from "effect";
import { type BodyBlock, OfficialDocument } from "../official-document.js";
import {
  citeArticle,
  clause,
  type DocumentContext,
  DocumentNotAvailable,
  numberFor,
  quoteArticle,
  zhDate,
} from "./document-context.js";

const p = (text: string): BodyBlock => ({ _tag: "Paragraph", text });

/** The units a notification is circulated to, as the regulation's own notice addressed them. */
export const CIRCULATION = "各市场监管所，各相关科室，执法支队";

/** IF.3 append-only: the record as corrected, each correction restating elements in order. */
const currentElements = (state: InterferenceState): RecordElements | null =>
  state.record === null
    ? null
    : Object.assign({}, state.record.elements, ...state.corrections.map((c) => c.corrections));

const timeText = (time: string) => {
  const [day, hour] = time.split("T");
  return hour === undefined ? zhDate(day ?? time) : `${zhDate(day ?? time)}${hour}`;
};

const facts = (elements: RecordElements, context: DocumentContext) =>
  `${timeText(elements.time)}，${context.nameOf(elements.person)}在${elements.place}以${METHOD_LABELS[elements.method].zh}方式过问案件办理，内容为：${clause(elements.content)}`;

const common = (context: DocumentContext) => {
  const bodies = context.regime.bodies;
  return {
    issuerMark: bodies.agency.zh,
    signatory: bodies.agency.zh,
    date: context.issuedOn,
    printedBy: `${bodies.agency.zh}${bodies.legalSection.zh.replace(/^区局/u, "")}`,
    printedOn: context.issuedOn,
  };
};

/** IF.10 属于违反规定干预办案，应按人事管理权限并报经批准后予以通报. */
export const interferenceNotification = (state: InterferenceState, context: DocumentContext) => {
  const elements = currentElements(state);
  const { finding, approval } = state;
  if (elements === null || finding?._tag !== "InterferenceFound" || approval === null) {
    return Either.left(
      new DocumentNotAvailable({
        kind: "interference-notification",
        message: "a notification needs a finding of interference and its approval (IF.10 报经批准后予以通报)",
      }),
    );
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common(context),
      kind: "interference-notification",
      number: numberFor("interference-notification", context),
      title: "关于内部人员违反规定干预、插手案件办理情况的通报",
      recipient: CIRCULATION,
      body: [
        p(`${facts(elements, context)}。`),
        p(
          `经${regime.bodies.legalSection.zh}调查，该行为属于${finding.categories.map((id) => `${citeArticle(regime, id)}${quoteArticle(regime, id)}`).join("；")}所列情形。${finding.reasons}`,
        ),
        p(
          `根据${citeArticle(regime, "IF.10")}的规定，经${approval.authority}于${zhDate(approval.date)}批准，现予以通报。`,
        ),
        p(
          `${citeArticle(regime, "IF.5")}规定：${quoteArticle(regime, "IF.5")}。各单位要引以为戒，严格遵守有关规定。`,
        ),
      ],
      copyTo: null,
      citations: ["IF.10", ...finding.categories],
    }),
  );
};

/** IF.11 构成违纪的，移交区纪委监委驻发改委纪检组给予纪律处分. */
export const interferenceReferral = (state: InterferenceState, context: DocumentContext) => {
  const elements = currentElements(state);
  const referral = state.referrals.find((r) => r._tag === "ReferredForDiscipline");
  if (elements === null || state.finding?._tag !== "InterferenceFound" || referral === undefined) {
    return Either.left(
      new DocumentNotAvailable({
        kind: "referral-letter",
        message: "the record has not been referred for discipline (IF.11 移交区纪委监委驻发改委纪检组)",
      }),
    );
  }
  const { regime } = context;
  return Either.right(
    new OfficialDocument({
      ...common(context),
      kind: "referral-letter",
      number: numberFor("referral-letter", context),
      title: "关于移送内部人员干预、插手案件办理问题线索的函",
      recipient: regime.bodies.disciplineGroup.zh,
      body: [
        p(`${facts(elements, context)}。`),
        p(
          `经调查，该行为属于${state.finding.categories.map((id) => citeArticle(regime, id)).join("、")}所列情形，${referral.basis}`,
        ),
        p(
          `根据${citeArticle(regime, "IF.11")}的规定，现将该问题线索移送你组，请依照《中国共产党纪律处分条例》《行政机关公务员处分条例》等规定处理。`,
        ),
      ],
      copyTo: null,
      citations: ["IF.11", ...state.finding.categories],
    }),
  );
};
