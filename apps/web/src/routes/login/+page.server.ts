import { redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refused, textFields } from "$lib/server/refusal.js";
import { safeNext } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user !== null && !locals.user.mustChangePassword)
    redirect(303, safeNext(url.searchParams.get("next")));
  return {};
};

export const actions: Actions = {
  /** auth.login: the API sets the session cookie (passed on by hooks.server.ts) and says where to go. */
  default: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["agency", "username"]);
    const password = form.get("password");
    let mustChangePassword: boolean;
    try {
      const signedIn = await api(event).auth.login.mutate({
        agency: values.agency.trim(),
        username: values.username.trim(),
        password: typeof password === "string" ? password : "",
      });
      mustChangePassword = signedIn.mustChangePassword;
    } catch (error) {
      // What was typed comes back, the password never.
      return refused(error, values);
    }
    redirect(303, mustChangePassword ? "/password" : safeNext(event.url.searchParams.get("next")));
  },
};
