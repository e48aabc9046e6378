/**
 * IF.4 抽查, for the legal section: the spot checks committed, and a new one committed (`oversight.commitSpotCheck`:
 * the period, the sizes, an optional purpose; the API fixes the population and logs the seed's hash).
 */
import { error, redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { optional, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  if (!user.roles.includes("legal-officer")) error(404);
  return { spotChecks: await api(event).oversight.spotChecks.query() };
};

/** A count as typed: a whole number goes as one, anything else as typed for the API to refuse by name. */
const count = (value: string): number => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

export const actions: Actions = {
  default: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), [
      "from",
      "to",
      "records",
      "handlers",
      "purpose",
      "csrf",
    ]);
    let drawId: string;
    try {
      const committed = await api(event, { csrf: values.csrf }).oversight.commitSpotCheck.mutate({
        from: values.from,
        to: values.to,
        records: count(values.records),
        handlers: count(values.handlers),
        purpose: optional(values.purpose) ?? null,
      });
      drawId = committed.drawId;
    } catch (failure) {
      const { csrf: _, ...typed } = values;
      return refused(failure, typed);
    }
    redirect(303, `/spot-checks/${encodeURIComponent(drawId)}`);
  },
};
