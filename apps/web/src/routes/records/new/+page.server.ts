/**
 * IF.3 全面、如实记录: the handler's record form. The load gives the staff directory (to name a member of
 * staff, and whether they have left: IF.2); the action stores the files, then `interference.record`, and
 * goes to the new record. A refusal comes back beside its field, with everything typed kept (the files
 * must be chosen again: a browser never refills a file input).
 */
import { fail, redirect } from "@sveltejs/kit";
import { recordFormValues, recordInput } from "$lib/interference/contact-form.js";
import { api } from "$lib/server/api.js";
import { AttachmentRefused, filesOf, storeFiles } from "$lib/server/attachments.js";
import { refused } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const people = await api(event).directory.list.query({});
  return {
    staff: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      department: p.department,
      status: p.status,
    })),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const values = recordFormValues(form);
    const csrf = typeof form.get("csrf") === "string" ? (form.get("csrf") as string) : "";
    let recordId: string;
    try {
      const attachments = await storeFiles(
        event,
        csrf || (user.csrfToken ?? ""),
        filesOf(form, "attachments"),
        "attachments",
      );
      const client = api(event, { csrf });
      // The form's text goes as typed: the API's Schema checks every literal and names the field it refuses.
      const input = recordInput(values, attachments) as Parameters<
        typeof client.interference.record.mutate
      >[0];
      const made = await client.interference.record.mutate(input);
      recordId = made.recordId;
    } catch (error) {
      if (error instanceof AttachmentRefused) return fail(error.status, { values, refusal: error.refusal });
      return refused(error, values);
    }
    redirect(303, `/records/${encodeURIComponent(recordId)}?saved=1`);
  },
};
