import { redirect } from "@sveltejs/kit";
import { defaultAgency } from "$lib/server/agency.js";
import type { LayoutServerLoad } from "./$types.js";

/** What a reader whose password someone else set may still open: the change form and the public pages. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(["/password", "/login", "/report", "/status", "/articles/[id]"]);

export const load: LayoutServerLoad = ({ locals, route }) => {
  const { user } = locals;
  // The API refuses such a reader everything else anyway (PasswordChangeRequired): send them where they can act.
  if (user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(route.id ?? ""))
    redirect(303, "/password");
  return {
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
