/**
 * WC.10.1 任何人均有权举报或投诉……区局法治科应当及时受理，并负责答复. A report from the public opens its
 * wrong-case proceeding like any other (`WrongCase.ReportReceived`, reporter `Public`); beside it, in the
 * stream `intake/<proceedingId>`, the log keeps what the public channel adds: the receipt issued to the
 * reporter (only the SHA-256 of its code) and the messages exchanged between the reporter and the legal
 * section. Both are hashed into the agency's tree like every case step.
 *
 * Stream: `intake/<proceedingId>`.
 */
import { citation, StepDate } from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";
import { Sha256Hex } from "../event-log/identifiers.js";
import { WrongCaseNumber } from "../projections/wrong-case-number.js";

/**
 * Text a member of the public types, trimmed and bounded so one request cannot fill the log. Decoding trims
 * it; what remains must not be empty.
 */
const PublicText = (maxLength: number) =>
  Schema.compose(
    Schema.Trim,
    Schema.String.pipe(
      Schema.minLength(1, { message: () => "must not be empty" }),
      Schema.maxLength(maxLength, {
        message: () => `at most ${maxLength.toLocaleString("en")} characters`,
      }),
    ),
  );

/** What the report alleges (举报或投诉的事项). */
export const AllegationText = PublicText(20_000);
/** The reporter's name or way to reach them, either of which they may withhold. */
export const ReporterDetail = PublicText(200);
/** The officers the reporter names, as they know them: the public cannot know staff ids. */
export const OfficersNamedText = PublicText(500);
/** One message between the reporter and the legal section. */
export const MessageText = PublicText(5_000);

/** The receipt handed to the reporter, known to the log by its hash alone. */
export const ReceiptIssued = Schema.TaggedStruct("ReceiptIssued", {
  proceedingId: WrongCaseNumber,
  receiptHash: Sha256Hex,
});
export type ReceiptIssued = typeof ReceiptIssued.Type;

export const MessageSender = Schema.Literal("reporter", "legal-section");
export type MessageSender = typeof MessageSender.Type;

/**
 * A message in the thread of a public report. `by` is the legal officer who wrote it; a reporter has no
 * account and no id, so theirs is null.
 */
export const MessagePosted = Schema.TaggedStruct("MessagePosted", {
  proceedingId: WrongCaseNumber,
  from: MessageSender,
  by: Schema.NullOr(PersonId),
  text: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(5_000)),
  date: StepDate,
}).pipe(
  Schema.filter((m) =>
    (m.from === "reporter") === (m.by === null)
      ? true
      : {
          path: ["by"],
          message: "a reporter's message has no author id; a legal-section message names its officer",
        },
  ),
);
export type MessagePosted = typeof MessagePosted.Type;

export const IntakeEvent = Schema.Union(ReceiptIssued, MessagePosted);
export type IntakeEvent = typeof IntakeEvent.Type;
export type IntakeEventTag = IntakeEvent["_tag"];

export const INTAKE_EVENT_PREFIX = "Intake.";

const intakeEvents = eventFamily({
  what: "intake change",
  payload: IntakeEvent,
  prefix: INTAKE_EVENT_PREFIX,
  names: {
    ReceiptIssued: "Intake.ReceiptIssued",
    MessagePosted: "Intake.MessagePosted",
  },
  // An intake change rests on WC.10.1 (受理, 负责答复), as the report does.
  citations: [citation("WC.10.1")],
});

export const {
  types: intakeEventTypes,
  change: intakeChange,
  is: isIntakeEvent,
  decode: decodeIntakeEvent,
} = intakeEvents;

export const intakeStreamId = (proceedingId: string): string => `intake/${proceedingId}`;
