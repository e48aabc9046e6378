/**
 * The one article dialog of a page (ArticleDialog.svelte, in the layout), opened by any Citation. Only the
 * browser ever sets it; on the server it stays empty.
 */
import type { ArticleView } from "$lib/article.js";

export const shownArticle: { article: ArticleView | null } = $state({ article: null });
