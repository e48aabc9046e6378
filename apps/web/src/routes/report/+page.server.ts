/**
 * WC.10.1 任何人均有权举报或投诉: the public report form, no account needed. The receipt code comes back in
 * this action's answer and nowhere else: the page shows it once (a reload shows the empty form again).
 */
import { agencyOf } from "$lib/server/agency.js";
import { api } from "$lib/server/api.js";
import { optional, refused, textFields } from "$lib/server/refusal.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = ({ url }) => ({ reportAgency: agencyOf(url) });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["allegation", "officersNamed", "name", "contact"]);
    try {
      const submitted = await api(event).intake.submit.mutate({
        agency: agencyOf(event.url),
        allegation: values.allegation,
        officersNamed: optional(values.officersNamed),
        name: optional(values.name),
        contact: optional(values.contact),
      });
      return { receipt: { code: submitted.receiptCode, caseNumber: submitted.proceedingId } };
    } catch (error) {
      return refused(error, values);
    }
  },
};
