/**
 * One interference record as the reader may see it (IF.3 全程留痕，有据可查): its elements as first made, the
 * corrections, the categorisation kept with it, its files and its trail. A record the reader may not read
 * does not exist for them (the person recorded never learns of it): 404, as for a number never used.
 */
import {
  InterferenceCategory,
  LEGITIMACY_GROUND_LABELS,
  LegitimacyGround,
  type LocalisedText,
} from "@liuhen/domain";
import { error, redirect } from "@sveltejs/kit";
import { api } from "$lib/server/api.js";
import { categoryGloss } from "$lib/server/category-gloss.js";
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
    // The findings the domain offers next name articles (IF.10.1–7, IF.13…): their words label the choices,
    // an item's own words (第十条（一）…) where it is one, otherwise a whole article's heading with what the
    // ground rests on (the domain's words: the heading is only a number).
    const findingNext = record.nextSteps.some(
      (step) => step.procedure === "findInterference" || step.procedure === "findLegitimate",
    );
    const excerpts = findingNext
      ? Object.fromEntries(
          await Promise.all(
            [...InterferenceCategory.literals, ...LegitimacyGround.literals].map(async (id) => {
              const article = await client.domain.article.query({ id });
              const ground = (LEGITIMACY_GROUND_LABELS as Readonly<Record<string, LocalisedText>>)[id];
              const words =
                article.excerpt ??
                (article.parent !== null
                  ? article.text
                  : ground === undefined
                    ? article.heading
                    : `${article.heading}：${ground.zh}`);
              return [id, words] as const;
            }),
          ),
        )
      : {};
    return {
      record,
      categories: InterferenceCategory.literals,
      grounds: LegitimacyGround.literals,
      excerpts: excerpts as Record<string, string>,
      glosses: Object.fromEntries([
        ...InterferenceCategory.literals.map((id) => [id, categoryGloss(id, event.locals.lang)]),
        ...LegitimacyGround.literals.map((id) => [
          id,
          event.locals.lang === "en" ? LEGITIMACY_GROUND_LABELS[id].en : null,
        ]),
      ]) as Record<string, string | null>,
      staff: people
        .filter((p) => p.status === "active")
        .map((p) => ({ personId: p.personId, name: p.name, department: p.department })),
      names: Object.fromEntries(people.map((p) => [p.personId, p.name])) as Record<string, string>,
      saved: event.url.searchParams.has("saved"),
    };
  } catch (failure) {
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};

/** The record's page again after a step, with the step's answer shown there. */
const back = (event: { params: { id: string } }) => `/records/${encodeURIComponent(event.params.id)}`;

/** The ids of the ticked boxes named `name`. */
const ticked = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === "string");

const investigationActions = {
  /** IF.4 并开展调查处理: the head the lead went to names who investigates. */
  openInvestigation: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["csrf", "expectedVersion"]);
    const investigators = ticked(form, "investigators");
    try {
      await api(event, { csrf: values.csrf }).interference.openInvestigation.mutate({
        recordId: event.params.id,
        expectedVersion: Number(values.expectedVersion),
        investigators,
      });
    } catch (failure) {
      return refused(failure, { investigators: investigators.join("\n") });
    }
    redirect(303, back(event));
  },

  /** IF.4 开展调查: the investigation team notes what it did and found. */
  noteInvestigation: async (event) => {
    requireUser(event);
    const values = textFields(await event.request.formData(), ["csrf", "expectedVersion", "note"]);
    try {
      await api(event, { csrf: values.csrf }).interference.noteInvestigation.mutate({
        recordId: event.params.id,
        expectedVersion: Number(values.expectedVersion),
        note: values.note,
      });
    } catch (failure) {
      return refused(failure, { note: values.note });
    }
    redirect(303, back(event));
  },

  /** IF.10 属于违反规定干预办案: the legal section's finding, with the forms it takes. */
  findInterference: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["csrf", "expectedVersion", "reasons"]);
    const categories = ticked(form, "categories");
    try {
      await api(event, { csrf: values.csrf }).interference.findInterference.mutate({
        recordId: event.params.id,
        expectedVersion: Number(values.expectedVersion),
        // The API checks each id against IF.10's items and names a wrong one.
        categories: categories as never,
        reasons: values.reasons,
      });
    } catch (failure) {
      return refused(failure, { reasons: values.reasons, categories: categories.join("\n") });
    }
    redirect(303, back(event));
  },

  /** IF.13 不应认定为干预、插手案件办理 (or IF.7, IF.2, IF.8): the legal section's finding, with its grounds. */
  findLegitimate: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = textFields(form, ["csrf", "expectedVersion", "reasons"]);
    const grounds = ticked(form, "grounds");
    try {
      await api(event, { csrf: values.csrf }).interference.findLegitimate.mutate({
        recordId: event.params.id,
        expectedVersion: Number(values.expectedVersion),
        // The API checks each id against the grounds the domain knows.
        grounds: grounds as never,
        reasons: values.reasons,
      });
    } catch (failure) {
      return refused(failure, { reasons: values.reasons, grounds: grounds.join("\n") });
    }
    redirect(303, back(event));
  },
} satisfies Actions;

export const actions: Actions = {
  ...investigationActions,
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
