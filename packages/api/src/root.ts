/** The API: one router per concern. Clients import only `type AppRouter`. */

import { adminRouter } from "./routers/admin.js";
import { authRouter } from "./routers/auth.js";
import { directoryRouter } from "./routers/directory.js";
import { documentsRouter } from "./routers/documents.js";
import { domainRouter } from "./routers/domain.js";
import { intakeRouter } from "./routers/intake.js";
import { interferenceRouter } from "./routers/interference.js";
import { notificationsRouter } from "./routers/notifications.js";
import { oversightRouter } from "./routers/oversight.js";
import { wrongCaseRouter } from "./routers/wrong-case.js";
import { router } from "./trpc.js";

export const appRouter = router({
  domain: domainRouter,
  auth: authRouter,
  admin: adminRouter,
  intake: intakeRouter,
  wrongCase: wrongCaseRouter,
  interference: interferenceRouter,
  directory: directoryRouter,
  notifications: notificationsRouter,
  oversight: oversightRouter,
  documents: documentsRouter,
});

export type AppRouter = typeof appRouter;
