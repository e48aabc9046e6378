/**
 * The `assess` request of the JSON contract (CONFORMANCE.md): one of four kinds, optionally naming the
 * regime and the date the decision is made on. Unknown fields are refused, so a typo never passes.
 */
import { Schema } from "effect";
import { IsoDate } from "../calendar/iso-date.js";
import { Contact } from "../interference/contact.js";
import { NonRecordingFacts } from "../interference/non-recording.js";
import { WrongCaseFacts } from "../wrong-case/facts.js";

const common = {
  /** Defaults to the registry's default regime (`qianjiang-msa-2020`). */
  regime: Schema.optional(Schema.String),
  /** The date the decision is made on: a regime not yet (or no longer) in force then is refused. */
  asOf: Schema.optional(IsoDate),
};

export const WrongCaseRequest = Schema.Struct({
  kind: Schema.Literal("wrong-case"),
  ...common,
  ...WrongCaseFacts.fields,
});
export type WrongCaseRequest = typeof WrongCaseRequest.Type;

export const InterferenceRequest = Schema.Struct({
  kind: Schema.Literal("interference"),
  ...common,
  ...Contact.fields,
});

export const NonRecordingRequest = Schema.Struct({
  kind: Schema.Literal("non-recording"),
  ...common,
  ...NonRecordingFacts.fields,
});

export const PeriodRequest = Schema.Struct({
  kind: Schema.Literal("period"),
  ...common,
  period: Schema.Literal("WC.10.1", "WC.10.3"),
  start: IsoDate,
});
export type PeriodRequest = typeof PeriodRequest.Type;

export const AssessRequest = Schema.Union(
  WrongCaseRequest,
  InterferenceRequest,
  NonRecordingRequest,
  PeriodRequest,
);
export type AssessRequest = typeof AssessRequest.Type;
