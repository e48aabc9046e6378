import { redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refused } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = (event) => {
  const user = requireUser(event);
  return { forced: user.mustChangePassword };
};

export const actions: Actions = {
  /** auth.changePassword, with the session's CSRF token; the session goes on. */
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    try {
      await api(event, { csrf: field("csrf") }).auth.changePassword.mutate({
        currentPassword: field("currentPassword"),
        newPassword: field("newPassword"),
      });
    } catch (error) {
      // Passwords are never sent back to be shown again.
      return refused(error, {});
    }
    redirect(303, "/");
  },
};
