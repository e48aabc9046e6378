/** The legal section's queue: what waits for it, overdue first (work-queue.ts says what each list holds). */
import { error } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { requireUser } from "$lib/server/session.js";
import type { PageServerLoad } from "./$types.js";
import { workQueue } from "./work-queue.js";

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (!user.roles.includes("legal-officer")) error(404);
  const client = api(event);
  const [wrongCases, records, spotChecks] = await Promise.all([
    client.wrongCase.list.query(),
    client.interference.list.query(),
    client.oversight.spotChecks.query(),
  ]);
  return { queue: workQueue(wrongCases, records, spotChecks) };
};
