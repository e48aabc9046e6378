/**
 * The reporter's side of WC.10.1 (并负责答复): with the receipt code, how far the report has gone, the legal
 * section's answers and the messages, and a message back. The code travels in form posts only, never in a
 * URL (which browsers keep in their history and servers in their logs).
 */
import { agencyOf } from "$lib/server/agency.js";
import { api } from "$lib/server/api.js";
import { refused, textFields } from "$lib/server/refusal.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = ({ url }) => ({ reportAgency: agencyOf(url) });

export const actions: Actions = {
  lookup: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["receiptCode"]);
    const receiptCode = values.receiptCode.trim();
    try {
      const status = await api(event).intake.status.query({ agency: agencyOf(event.url), receiptCode });
      return { receiptCode, status, sent: false };
    } catch (error) {
      return refused(error, values);
    }
  },

  message: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["receiptCode", "text"]);
    const receiptCode = values.receiptCode.trim();
    const client = api(event);
    const agency = agencyOf(event.url);
    try {
      await client.intake.postMessage.mutate({ agency, receiptCode, text: values.text });
      const status = await client.intake.status.query({ agency, receiptCode });
      return { receiptCode, status, sent: true };
    } catch (error) {
      // The thread stays on screen with the refusal beside the message, which keeps what was typed.
      const status = await client.intake.status.query({ agency, receiptCode }).catch(() => null);
      return refused(error, values, status === null ? {} : { receiptCode, status });
    }
  },
};
