import { error } from "@sveltejs/kit";
import type { ArticleView } from "$lib/article.js";
import { api } from "$lib/server/api.js";
import { refusalOf } from "$lib/server/refusal.js";
import type { PageServerLoad } from "./$types.js";

export const load: PageServerLoad = async (event) => {
  try {
    const article: ArticleView = await api(event).domain.article.query({ id: event.params.id });
    return { article };
  } catch (failure) {
    // An id of the wrong shape or one the regulation has not: there is no such page.
    const refusal = refusalOf(failure);
    if (refusal !== null && refusal.status < 500) error(404, refusal.refusal[event.locals.lang]);
    throw failure;
  }
};
