/**
 * Proceedings as pure state machines: the wrong-case proceeding (WC.10, WC.7, WC.12) and the interference
 * record (IF.3, IF.4, IF.10, IF.11, IF.12a). Each is a state Schema, an event union, a transition table
 * (data: from which stages each event is legal, where it leads, the articles it rests on), `apply…`,
 * `replay…` and `…NextSteps`. Illegal moves are refused as values (`IllegalTransition`, `DateOutOfOrder`).
 */
export { ActorId } from "./actor-id.js";
export {
  AttachmentName,
  AttachmentRef,
  AttachmentSha256,
  AttachmentSize,
  MAX_ATTACHMENT_NAME_LENGTH,
  MediaType,
  StepAttachments,
} from "./attachment-ref.js";
export { DateOutOfOrder } from "./date-out-of-order.js";
export { FreeText } from "./free-text.js";
export { IllegalTransition } from "./illegal-transition.js";
export {
  ContactFoundLegitimate,
  ContactMethod,
  ContactTime,
  HandedOverToJudicialSupervision,
  InterferenceCategory,
  InterferenceEvent,
  type InterferenceEventTag,
  InterferenceFound,
  InterferenceInvestigationNoted,
  InterferenceInvestigationOpened,
  InterferenceNotified,
  InterferenceRecordClosed,
  InterferenceRecorded,
  LeadReportedToHead,
  LegitimacyGround,
  NotificationApproved,
  RecordCorrected,
  RecordElements,
  RecordReviewed,
  RecordSpotChecked,
  ReferredForCriminalLiability,
  ReferredForDiscipline,
  ReportedToJudicialSupervision,
  ReportedToLegalSection,
  RetaliationReferred,
} from "./interference-events.js";
export {
  applyInterference,
  currentRecordElements,
  type InterferenceRefusal,
  InterferenceStage,
  InterferenceState,
  initialInterference,
  interferenceNextSteps,
  interferenceTransitions,
  replayInterference,
} from "./interference-record.js";
export { LateStep, OpenPeriod, type PeriodClock, ProceedingPeriod } from "./period-clock.js";
export { StepDate } from "./step-date.js";
export {
  type EventRule,
  legalNextSteps,
  type NextStep,
  type ProceedingPosition,
  type RoutedTransition,
  resolveTransition,
  stagesLegalFrom,
  type TransitionTable,
  type TransitionTarget,
} from "./transition-table.js";
export {
  byUrgency,
  INTERFERENCE_QUEUES,
  type QueuePlace,
  SpotCheckWork,
  spotCheckWork,
  type Urgency,
  urgencyOrder,
  WorkQueue,
  WRONG_CASE_QUEUES,
} from "./work-queues.js";
export {
  AppealBody,
  CommitteeDecided,
  FindingsSubmitted,
  HandlingProposed,
  InvestigationLogged,
  InvestigationMethod,
  InvestigationTeamAssigned,
  OfficerAppealFiled,
  OfficerNotified,
  OfficerStatementFiled,
  ReferredToDisciplineGroup,
  ReinvestigationOrdered,
  ReportAccepted,
  ReportedToHead,
  Reporter,
  ReporterAnswered,
  ReportReceived,
  ReportTransferred,
  WrongCaseClosed,
  WrongCaseEvent,
  type WrongCaseEventTag,
  WrongCaseTrigger,
} from "./wrong-case-events.js";
export {
  applyWrongCase,
  InvestigationRound,
  initialWrongCase,
  type PeriodEffect,
  replayWrongCase,
  type WrongCaseRefusal,
  WrongCaseStage,
  WrongCaseState,
  wrongCaseNextSteps,
  wrongCaseTransitions,
} from "./wrong-case-proceeding.js";
