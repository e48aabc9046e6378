/** Deadlines at a glance, for the head and the legal section: the running periods the API judged, overdue first. */
import { error } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { requireUser } from "$lib/server/session.js";
import type { PageServerLoad } from "./$types.js";

const READERS = ["head", "legal-officer"];

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (!user.roles.some((role) => READERS.includes(role))) error(404);
  return await api(event).oversight.runningPeriods.query();
};
