/**
 * One interference record as the reader may see it (IF.3 全程留痕，有据可查): its elements as first made, the
 * corrections, the categorisation kept with it, its files and its trail. A record the reader may not read
 * does not exist for them (the person recorded never learns of it): 404, as for a number never used.
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
    const [record, people] = await Promise.all([
      client.interference.get.query({ recordId: event.params.id }),
      client.directory.list.query({}),
    ]);
    return {
      record,
      names: Object.fromEntries(people.map((p) => [p.personId, p.name])) as Record<string, string>,
      saved: event.url.searchParams.has("saved"),
    };
  } catch (failure) {
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};

export const actions: Actions = {
  /** IF.3 遇有……非法过问案件办理的情况，应向区局法治科报告: the author reports the record. */
  report: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const csrf = String(form.get("csrf") ?? "");
    const expectedVersion = Number(form.get("expectedVersion"));
    try {
      await api(event, { csrf }).interference.reportToLegalSection.mutate({
        recordId: event.params.id,
        expectedVersion,
      });
    } catch (failure) {
      return refused(failure, {});
    }
    redirect(303, `/records/${encodeURIComponent(event.params.id)}`);
  },

  /** IF.10 应按人事管理权限并报经批准: the head approves the notification, as the holder of that authority. */
  approveNotification: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["authority", "csrf", "expectedVersion"]);
    try {
      await api(event, { csrf: values.csrf }).interference.approveNotification.mutate({
        recordId: event.params.id,
        expectedVersion: Number(values.expectedVersion),
        authority: values.authority,
      });
    } catch (failure) {
      return refused(failure, { authority: values.authority });
    }
    redirect(303, `/records/${encodeURIComponent(event.params.id)}`);
  },
};
