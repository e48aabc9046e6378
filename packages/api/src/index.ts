export type { ApiContext, ApiServices } from "./context.js";
export * from "./errors/api-errors.js";
export * from "./errors/error-codes.js";
export type { ErrorData } from "./errors/to-trpc-error.js";
export { type AppRouter, appRouter } from "./root.js";
export { createCallerFactory } from "./trpc.js";
