/** An article of the regulation as `domain.article` answers it: the text exactly as issued. */
export interface ArticleView {
  readonly regime: string;
  readonly id: string;
  readonly heading: string;
  readonly text: string;
  readonly parent: string | null;
  readonly excerpt: string | null;
  readonly note: string | null;
}
