export * from "./auth/index.js";
export {
  AttachmentsInput,
  attachmentActor,
  attachmentRefs,
  filesReferencing,
  interferenceReferences,
  MAX_ATTACHMENTS,
  readAttachment,
  readableAttachment,
  storeAttachment,
  wrongCaseReferences,
} from "./case-files/attachment-access.js";
export { CaseClock, type CaseClockService, today } from "./case-files/case-clock.js";
export { type CheckpointPass, signCheckpoints } from "./checkpoints/sign-checkpoints.js";
export {
  type ApiContext,
  type ApiServices,
  anonymousContext,
  type Caller,
  type Credential,
  type CsrfCheck,
  type SessionCookieJar,
} from "./context.js";
export { checkDeadlines, type DeadlineCheck } from "./deadlines/check-deadlines.js";
export * from "./documents/document-files.js";
export * from "./errors/api-errors.js";
export * from "./errors/attachment-errors.js";
export * from "./errors/error-codes.js";
export * from "./errors/interference-errors.js";
export type { ErrorData } from "./errors/to-trpc-error.js";
export * from "./oversight/record-statistics.js";
export * from "./oversight/statistics-period.js";
export * from "./oversight/work-queues.js";
export { type AppRouter, appRouter } from "./root.js";
export { type AuthenticatedContext, createCallerFactory } from "./trpc.js";
