/**
 * The handler's month (每月确认): their records of a month as the log holds them, confirmed complete — or a
 * nil return when there were none — and their protection (IF.9 如实记录……受法律和组织保护) as the API answers it
 * (`interference.myProtection`, from the domain's rule). What must be confirmed is the API's to check, not this
 * page's.
 */
import { redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

/** The month asked for in the address, or none: the API then answers for the month its case clock is in. */
const monthOf = (url: URL): string | undefined => {
  const asked = url.searchParams.get("month") ?? "";
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : undefined;
};

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const client = api(event);
  const month = monthOf(event.url);
  const [attestation, protection] = await Promise.all([
    client.oversight.myAttestation.query(month === undefined ? {} : { month }),
    client.interference.myProtection.query(),
  ]);
  return { month: attestation.month, attestation, protection };
};

export const actions: Actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["month", "kind", "csrf"]);
    const recordIds = form.getAll("recordIds").filter((id): id is string => typeof id === "string");
    try {
      await api(event, { csrf: values.csrf }).oversight.attest.mutate({
        month: values.month,
        kind: values.kind === "none" ? "none" : "records",
        recordIds,
      });
    } catch (error) {
      return refused(error, { month: values.month, kind: values.kind });
    }
    redirect(303, `/attestation?month=${encodeURIComponent(values.month)}&done=1`);
  },
};
