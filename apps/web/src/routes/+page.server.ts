/**
 * The home page: for the public, the way to report and to check a report; for someone signed in, their
 * notifications and, for a legal officer, the wrong-case proceedings they may read (need-to-know decides
 * which, in the API).
 */
import { api } from "$lib/server/api.js";
import { refusalOf } from "$lib/server/refusal.js";
import type { PageServerLoad } from "./$types.js";

/** A list the API refuses this caller (an account with no person in the directory, say) is an empty one. */
const orEmpty = async <A>(list: Promise<ReadonlyArray<A>>): Promise<ReadonlyArray<A>> => {
  try {
    return await list;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal !== null && refusal.status < 500) return [];
    throw error;
  }
};

export const load: PageServerLoad = async (event) => {
  const { user } = event.locals;
  if (user === null) return { notifications: [], wrongCases: null };
  const client = api(event);
  const [notifications, wrongCases] = await Promise.all([
    orEmpty(client.notifications.list.query({})),
    user.roles.includes("legal-officer") ? orEmpty(client.wrongCase.list.query()) : Promise.resolve(null),
  ]);
  return { notifications, wrongCases };
};
