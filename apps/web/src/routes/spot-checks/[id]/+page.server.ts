/**
 * One spot check (IF.4 抽查): what was committed, the draw (`oversight.drawSpotCheck`: the seed revealed and
 * the sample the rule gives), the API's recomputation of the draw from the log, and each record drawn checked
 * (`oversight.checkSampledRecord`, which refuses a record its own maker would check).
 */
import { error, redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refusalOf, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const client = api(event);
  try {
    const spotCheck = await client.oversight.spotCheck.query({ drawId: event.params.id });
    // Each record drawn at the version a check must name; one this reader may not read has none.
    const versions = Object.fromEntries(
      await Promise.all(
        (spotCheck.sample?.records ?? []).map(async (item) => {
          try {
            const record = await client.interference.get.query({ recordId: item.id });
            return [item.id, record.version] as const;
          } catch (failure) {
            if ((refusalOf(failure)?.status ?? 500) < 500) return [item.id, null] as const;
            throw failure;
          }
        }),
      ),
    ) as Record<string, number | null>;
    return { spotCheck, versions };
  } catch (failure) {
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};

const here = (id: string) => `/spot-checks/${encodeURIComponent(id)}`;

export const actions: Actions = {
  draw: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), ["csrf"]);
    try {
      await api(event, { csrf: values.csrf }).oversight.drawSpotCheck.mutate({ drawId: event.params.id });
    } catch (failure) {
      return refused(failure, {});
    }
    redirect(303, here(event.params.id));
  },

  checkRecord: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), ["csrf", "recordId", "expectedVersion"]);
    try {
      await api(event, { csrf: values.csrf }).oversight.checkSampledRecord.mutate({
        drawId: event.params.id,
        recordId: values.recordId,
        expectedVersion: Number(values.expectedVersion),
      });
    } catch (failure) {
      return refused(failure, { recordId: values.recordId });
    }
    redirect(303, here(event.params.id));
  },
};
