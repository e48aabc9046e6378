/**
 * A proceeding's official documents: those issued (with their PDF and DOCX downloads and verification codes)
 * and a form per kind to generate one. Who may generate which, and whether the proceeding has reached its
 * step, is the API's to decide; a refusal comes back beside the kind's form.
 */
import { error } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { refusalOf, refused, textFields } from "$lib/server/refusal.js";
import { requireUser } from "$lib/server/session.js";
import type { Actions, PageServerLoad, RequestEvent } from "./$types.js";

const proceedingOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) => {
  const kind = event.params.kind;
  if (kind !== "wrong-case" && kind !== "interference") error(404, "no such kind of proceeding");
  return { kind, id: event.params.id } as const;
};

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const proceeding = proceedingOf(event);
  try {
    const documents = await api(event).documents.list.query({ proceeding });
    return { proceeding, documents };
  } catch (failure) {
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};

export const actions: Actions = {
  generate: async (event) => {
    const form = await event.request.formData();
    const values = textFields(form, ["kind", "officer"]);
    const officer = values.officer.trim();
    try {
      const issued = await api(event, { csrf: String(form.get("csrf") ?? "") }).documents.generate.mutate({
        proceeding: proceedingOf(event),
        kind: values.kind as never,
        ...(officer === "" ? {} : { officer }),
      });
      return { issued };
    } catch (failure) {
      return refused(failure, values, { kind: values.kind });
    }
  },
};
