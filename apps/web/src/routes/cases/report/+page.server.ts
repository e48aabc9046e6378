/**
 * WC.10.1 对行政执法人员的过错行为，任何人均有权举报、投诉: a member of staff reports an officer's conduct.
 * The load gives the staff directory to name the officers; the action sends `wrongCase.report` as typed
 * (the API checks it and names the field it refuses) and goes back to the list, where the new proceeding is.
 */
import { redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { optional, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const people = await api(event).directory.list.query({});
  return {
    staff: people.map((p) => ({ personId: p.personId, name: p.name, department: p.department })),
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["allegation", "date", "csrf"]);
    const officers = form.getAll("officers").filter((id): id is string => typeof id === "string");
    let proceedingId: string;
    try {
      const made = await api(event, { csrf: values.csrf }).wrongCase.report.mutate({
        officers,
        allegation: values.allegation,
        date: optional(values.date),
      });
      proceedingId = made.proceedingId;
    } catch (error) {
      return refused(
        error,
        { allegation: values.allegation, date: values.date },
        { officers: officers.join("\n") },
      );
    }
    redirect(303, `/cases?reported=${encodeURIComponent(proceedingId)}`);
  },
};
