/** The legal section's queue, as the API's `oversight.workQueues` gives it: periods judged on the case clock's day. */
import { error } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { requireUser } from "$lib/server/session.js";
import type { PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (!user.roles.includes("legal-officer")) error(404);
  return { queue: await api(event).oversight.workQueues.query() };
};
