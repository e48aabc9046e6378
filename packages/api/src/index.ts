export * from "./auth/index.js";
export {
  type ApiContext,
  type ApiServices,
  anonymousContext,
  type Caller,
  type Credential,
  type CsrfCheck,
  type SessionCookieJar,
} from "./context.js";
export * from "./errors/api-errors.js";
export * from "./errors/error-codes.js";
export type { ErrorData } from "./errors/to-trpc-error.js";
export { type AppRouter, appRouter } from "./root.js";
export { type AuthenticatedContext, createCallerFactory } from "./trpc.js";
