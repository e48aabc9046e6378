/** The wrong-case proceedings the reader may read (need-to-know decides which, in the API), with deadlines. */
import { api } from "$lib/server/api.js";
import { requireUser } from "$lib/server/session.js";
import type { PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  return { proceedings: await api(event).wrongCase.list.query() };
};
