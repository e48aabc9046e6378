/** The API: one router per concern. Clients import only `type AppRouter`. */

import { domainRouter } from "./routers/domain.js";
import { router } from "./trpc.js";

export const appRouter = router({
  domain: domainRouter,
});

export type AppRouter = typeof appRouter;
