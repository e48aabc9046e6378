/**
 * IF.12b（原文第二个第十二条）办案人员不记录或者不如实记录局机关内部人员干预、插手案件情况的，予以警告、通报批评；
 * 两次以上不记录或者不如实记录的，……移交区纪委监委驻发改委纪检组给予纪律处分。主管领导授意不记录或者不如实记录的，
 * 依法依纪追究主管领导责任。
 *
 * A handler's failures to record (or to record truthfully), each registered by the legal section as an event
 * in the handler's own stream, so the stream version counts them over the regime's history: the n-th
 * registration is version n, and two registrations made at once cannot both be "the first". Each carries the
 * domain's consequence (`nonRecordingConsequence`) as computed when it was registered, with its citations and
 * basis, so the log shows what the rule gave then.
 *
 * Stream: `non-recording/<handler>`.
 */
import { Basis, CitationId, citation, StepDate } from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";

const STREAM_PREFIX = "non-recording/";

export const NonRecordingId = Schema.UUID.pipe(Schema.brand("NonRecordingId"));
export type NonRecordingId = typeof NonRecordingId.Type;

const Words = (maxLength: number) =>
  Schema.NonEmptyTrimmedString.pipe(
    Schema.maxLength(maxLength, { message: () => `at most ${maxLength.toLocaleString("en")} characters` }),
  );

/** 不记录 (nothing recorded) or 不如实记录 (recorded untruthfully). */
export const NonRecordingKind = Schema.Literal("not-recorded", "untruthful");
export type NonRecordingKind = typeof NonRecordingKind.Type;

/** The domain's `NonRecordingConsequence`, as logged. */
export const LoggedNonRecordingConsequence = Schema.Struct({
  sanctions: Schema.Array(Schema.Literal("warning", "circulated-criticism")),
  referDiscipline: Schema.Boolean,
  supervisorLiable: Schema.Boolean,
  citations: Schema.Array(CitationId),
  basis: Basis,
});
export type LoggedNonRecordingConsequence = typeof LoggedNonRecordingConsequence.Type;

export const NonRecordingRegistered = Schema.TaggedStruct("NonRecordingRegistered", {
  violationId: NonRecordingId,
  handler: PersonId,
  /** Which failure of this handler it is, from 1: the stream version. */
  ordinal: Schema.Int.pipe(Schema.positive()),
  kind: NonRecordingKind,
  /** The case whose interference went unrecorded. */
  caseRef: Words(200),
  /** The interference record concerned, when one exists (a record made untruthfully, say). */
  recordId: Schema.NullOr(Words(200)),
  facts: Words(20_000),
  /** When the interference that went unrecorded happened, if known. */
  occurredOn: Schema.NullOr(StepDate),
  /** The supervisor who instructed the omission (主管领导授意), if one did. */
  instructedBy: Schema.NullOr(PersonId),
  registeredOn: StepDate,
  /** The legal officer who registers it. */
  by: PersonId,
  consequence: LoggedNonRecordingConsequence,
}).pipe(
  Schema.filter((e) =>
    e.instructedBy !== e.handler
      ? true
      : { path: ["instructedBy"], message: "the supervisor who instructed it is not the handler" },
  ),
);
export type NonRecordingRegistered = typeof NonRecordingRegistered.Type;

export const NonRecordingEvent = NonRecordingRegistered;
export type NonRecordingEvent = typeof NonRecordingEvent.Type;

export const NON_RECORDING_EVENT_PREFIX = "NonRecording.";

const nonRecordingEvents = eventFamily({
  what: "non-recording change",
  payload: NonRecordingEvent,
  prefix: NON_RECORDING_EVENT_PREFIX,
  names: { NonRecordingRegistered: "NonRecording.Registered" },
  // A registration rests on IF.12b and on IF.3, the duty it failed.
  citations: [citation("IF.3"), citation("IF.12b")],
});

/** The family's one event type: a registration. */
export const nonRecordingEventType = nonRecordingEvents.types.NonRecordingRegistered;

export const {
  change: nonRecordingChange,
  is: isNonRecordingEvent,
  decode: decodeNonRecordingEvent,
} = nonRecordingEvents;

export const nonRecordingStreamId = (handler: string): string => `${STREAM_PREFIX}${handler}`;
