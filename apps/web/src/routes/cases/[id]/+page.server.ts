/**
 * One wrong-case proceeding (WC.10) and the steps taken on its page: the head assigns the investigation team
 * (WC.10.2), the team logs its investigation and submits its findings (WC.10.2, WC.10.3), the party committee
 * records its collective decision or orders a new investigation (WC.10.3). Whether a step may be taken, by
 * whom and with what, is the API's to decide; a refusal comes back beside the step's form with what was typed.
 * A proceeding the reader may not read does not exist for them: 404.
 */
import { error, fail, redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { AttachmentRefused, filesOf, storeFiles } from "$lib/server/attachments.js";
import { refusalOf, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad, RequestEvent } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const client = api(event);
  try {
    const [proceeding, people] = await Promise.all([
      client.wrongCase.get.query({ proceedingId: event.params.id }),
      client.directory.list.query({}),
    ]);
    return {
      proceeding,
      people: people.map((p) => ({ personId: p.personId, name: p.name, department: p.department })),
    };
  } catch (failure) {
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};

/** The form's common part: which proceeding, as the reader last saw it, and the session's token. */
const target = (event: RequestEvent, form: FormData) => ({
  csrf: String(form.get("csrf") ?? ""),
  position: { proceedingId: event.params.id, expectedVersion: Number(form.get("expectedVersion")) },
});

const ids = (form: FormData, name: string): Array<string> =>
  form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");

/** Takes one step; back to the proceeding, or the refusal with what was typed, tagged with the step. */
const take = async (
  event: RequestEvent,
  step: string,
  values: Record<string, string>,
  run: () => Promise<unknown>,
) => {
  try {
    await run();
  } catch (failure) {
    return refused(failure, values, { step });
  }
  redirect(303, `/cases/${encodeURIComponent(event.params.id)}?done=${step}`);
};

export const actions: Actions = {
  assignTeam: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const members = ids(form, "members");
    return take(event, "assignTeam", { members: members.join(",") }, () =>
      api(event, { csrf }).wrongCase.assignTeam.mutate({
        ...position,
        members: members as unknown as [string, ...Array<string>],
      }),
    );
  },
  logInvestigation: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const values = textFields(form, ["method", "summary"]);
    try {
      const attachments = await storeFiles(
        event,
        csrf || (user.csrfToken ?? ""),
        filesOf(form, "attachments"),
        "attachments",
      );
      const client = api(event, { csrf });
      type Input = Parameters<typeof client.wrongCase.logInvestigation.mutate>[0];
      return await take(event, "logInvestigation", values, () =>
        client.wrongCase.logInvestigation.mutate({
          ...position,
          method: values.method as Input["method"],
          summary: values.summary,
          attachments: attachments.map((sha256) => ({ sha256 })),
        }),
      );
    } catch (failure) {
      if (failure instanceof AttachmentRefused)
        return fail(failure.status, { values, refusal: failure.refusal, step: "logInvestigation" });
      throw failure;
    }
  },
  submitFindings: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const values = textFields(form, ["nature", "confirmed"]);
    const triggers = ids(form, "triggers");
    const responsible = ids(form, "responsible");
    const client = api(event, { csrf });
    type Input = Parameters<typeof client.wrongCase.submitFindings.mutate>[0];
    return take(
      event,
      "submitFindings",
      { ...values, triggers: triggers.join(","), responsible: responsible.join(",") },
      () =>
        client.wrongCase.submitFindings.mutate({
          ...position,
          confirmed: values.confirmed === "on",
          triggers: triggers as unknown as Input["triggers"],
          nature: values.nature,
          responsible,
        }),
    );
  },
  decide: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const values = textFields(form, ["outcome", "suspectedViolation"]);
    const attendance = ids(form, "attendance");
    const officers = ids(form, "officers");
    const client = api(event, { csrf });
    type Input = Parameters<typeof client.wrongCase.decide.mutate>[0];
    return take(
      event,
      "decide",
      { ...values, attendance: attendance.join(","), officers: officers.join(",") },
      () =>
        client.wrongCase.decide.mutate({
          ...position,
          attendance: attendance as unknown as Input["attendance"],
          outcome: values.outcome,
          officers,
          suspectedViolation: values.suspectedViolation === "on",
        }),
    );
  },
  /** WC.10.3 如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告. */
  referToDisciplineGroup: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const values = textFields(form, ["summary"]);
    return take(event, "referToDisciplineGroup", values, () =>
      api(event, { csrf }).wrongCase.referToDisciplineGroup.mutate({ ...position, summary: values.summary }),
    );
  },
  orderReinvestigation: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { csrf, position } = target(event, form);
    const values = textFields(form, ["reasons"]);
    const attendance = ids(form, "attendance");
    const client = api(event, { csrf });
    type Input = Parameters<typeof client.wrongCase.orderReinvestigation.mutate>[0];
    return take(event, "orderReinvestigation", { ...values, attendance: attendance.join(",") }, () =>
      client.wrongCase.orderReinvestigation.mutate({
        ...position,
        attendance: attendance as unknown as Input["attendance"],
        reasons: values.reasons,
      }),
    );
  },
};
