/**
 * Signing out: a form POST from the header with the session's CSRF token (auth.logout clears the cookie),
 * then the sign-in page. SvelteKit refuses a form POST from another origin before this runs.
 */
import { error, redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refusalOf } from "$lib/server/refusal.js";
import type { RequestHandler } from "./$types.js";

export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const csrf = form.get("csrf");
  if (event.locals.user !== null) {
    try {
      await api(event, { csrf: typeof csrf === "string" ? csrf : null }).auth.logout.mutate();
    } catch (failure) {
      const found = refusalOf(failure);
      if (found === null || found.status >= 500) throw failure;
      // A session already gone is signed out all the same; any other refusal (no CSRF token) is the answer.
      if (found.status !== 401) error(found.status, found.refusal[event.locals.lang]);
    }
  }
  redirect(303, "/login");
};

export const GET: RequestHandler = () => redirect(303, "/");
