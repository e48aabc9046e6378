import { redirect } from "@sveltejs/kit";
import { defaultAgency } from "$lib/server/agency.js";
import { api } from "$lib/server/api.js";
import { refusalOf } from "$lib/server/refusal.js";
import type { LayoutServerLoad } from "./$types.js";

/** What a reader whose password someone else set may still open: the change form and the public pages. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(["/password", "/login", "/report", "/status", "/articles/[id]"]);

/**
 * How many of the reader's notifications are unread, for the header on every page; null when there is no
 * one to ask for (nobody signed in, a password still to change, an account with no person in the directory).
 */
const unreadOf = async (event: Parameters<LayoutServerLoad>[0]): Promise<number | null> => {
  const { user } = event.locals;
  if (user === null || user.mustChangePassword) return null;
  try {
    return await api(event).notifications.unreadCount.query();
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal !== null && refusal.status < 500) return null;
    throw error;
  }
};

export const load: LayoutServerLoad = async (event) => {
  const { locals, route } = event;
  const { user } = locals;
  // The API refuses such a reader everything else anyway (PasswordChangeRequired): send them where they can act.
  if (user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(route.id ?? ""))
    redirect(303, "/password");
  return {
    unread: await unreadOf(event),
    lang: locals.lang,
    user:
      user === null
        ? null
        : {
            username: user.username,
            displayName: user.displayName,
            roles: user.roles,
            mustChangePassword: user.mustChangePassword,
          },
    csrf: user?.csrfToken ?? null,
    agency: defaultAgency(),
  };
};
