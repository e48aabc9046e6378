/**
 * One entry for every kind: the document model a proceeding's state gives, or why it gives none yet.
 */
import type { InterferenceState, WrongCaseState } from "@liuhen/domain";
import { Either } from "effect";
import type { DocumentKind } from "../document-kind.js";
import type { OfficialDocument } from "../official-document.js";
import { type DocumentContext, DocumentNotAvailable } from "./document-context.js";
import { interferenceNotification, interferenceReferral } from "./interference-documents.js";
import {
  committeeDecision,
  handlingProposal,
  reporterReply,
  statementNotice,
  transferLetter,
  wrongCaseReferral,
} from "./wrong-case-documents.js";

export type DocumentSource =
  | { readonly proceeding: "wrong-case"; readonly state: WrongCaseState; readonly officer?: string | null }
  | { readonly proceeding: "interference"; readonly state: InterferenceState };

export const buildDocument = (
  kind: DocumentKind,
  source: DocumentSource,
  context: DocumentContext,
): Either.Either<OfficialDocument, DocumentNotAvailable> => {
  const wrongProceeding = (): Either.Either<OfficialDocument, DocumentNotAvailable> =>
    Either.left(
      new DocumentNotAvailable({ kind, message: `kind: a ${kind} belongs to another kind of proceeding` }),
    );
  if (source.proceeding === "interference") {
    switch (kind) {
      case "interference-notification":
        return interferenceNotification(source.state, context);
      case "referral-letter":
        return interferenceReferral(source.state, context);
      default:
        return wrongProceeding();
    }
  }
  switch (kind) {
    case "reporter-reply":
      return reporterReply(source.state, context);
    case "transfer-letter":
      return transferLetter(source.state, context);
    case "handling-proposal":
      return handlingProposal(source.state, context);
    case "committee-decision":
      return committeeDecision(source.state, context);
    case "statement-notice":
      return statementNotice(source.state, source.officer ?? null, context);
    case "referral-letter":
      return wrongCaseReferral(source.state, context);
    case "interference-notification":
      return wrongProceeding();
  }
};
