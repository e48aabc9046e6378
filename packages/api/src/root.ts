/** The API: one router per concern. Clients import only `type AppRouter`. */

import { adminRouter } from "./routers/admin.js";
import { authRouter } from "./routers/auth.js";
import { domainRouter } from "./routers/domain.js";
import { router } from "./trpc.js";

export const appRouter = router({
  domain: domainRouter,
  auth: authRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
