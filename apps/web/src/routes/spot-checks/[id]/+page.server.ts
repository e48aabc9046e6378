/**
 * One spot check (IF.4 抽查): what was committed, the draw (`oversight.drawSpotCheck`: the seed revealed and
 * the sample the rule gives), the API's recomputation of the draw from the log, and each record drawn checked
 * (`oversight.checkSampledRecord`, which refuses a record its own maker would check), and each handler drawn
 * checked with what the check found (`oversight.checkSampledHandler`, which refuses a legal officer drawn
 * checking themselves).
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
    const [spotCheck, people] = await Promise.all([
      client.oversight.spotCheck.query({ drawId: event.params.id }),
      client.directory.list.query({}),
    ]);
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
    const names = Object.fromEntries(people.map((p) => [p.personId, p.name])) as Record<string, string>;
    return { spotCheck, versions, names };
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

  /** IF.4 检查: a handler drawn checked; a refusal comes back with the handler named, so only their form shows it. */
  checkHandler: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), ["csrf", "handler", "outcome", "note"]);
    try {
      await api(event, { csrf: values.csrf }).oversight.checkSampledHandler.mutate({
        drawId: event.params.id,
        handler: values.handler,
        // The API names an outcome it does not know (or none chosen) beside the choices.
        outcome: values.outcome as never,
        note: values.note,
      });
    } catch (failure) {
      const { csrf: _, ...typed } = values;
      return refused(failure, typed);
    }
    redirect(303, here(event.params.id));
  },
};
