/**
 * The home page: for the public, the way to report and to check a report; for someone signed in, their
 * notifications and, for a legal officer, the wrong-case proceedings they may read (need-to-know decides
 * which, in the API).
 */
import { api } from "$lib/server/api.js";
import { refusalOf, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

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

export const actions: Actions = {
  /** One notification marked read; whose it is, and whether it exists, is the API's to say. */
  markRead: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), ["notificationId", "csrf"]);
    try {
      await api(event, { csrf: values.csrf }).notifications.markRead.mutate({
        notificationId: values.notificationId,
      });
    } catch (error) {
      return refused(error, { notificationId: values.notificationId });
    }
    return { markedRead: values.notificationId };
  },
};
