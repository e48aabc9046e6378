/** An article (or item) of a regulation, with the exact text as issued, keyed by its citation id. */
import { Schema } from "effect";
import { CitationId } from "../citation/citation-id.js";

export class Article extends Schema.Class<Article>("Article")({
  id: CitationId,
  /** The heading as a reader finds it in the text: 第十条, 第十条（一）, 第五条第3项. */
  heading: Schema.String,
  /** The text exactly as issued (for an item: the item alone). */
  text: Schema.String,
  /** For an item or a part: the id of the article it belongs to. */
  parent: Schema.optional(CitationId),
  /** For a part that the source does not number (WC.9a): the words of the article it stands for. */
  excerpt: Schema.optional(Schema.String),
  /** A short note shown wherever the article is displayed (e.g. the source's duplicate 第十二条). */
  note: Schema.optional(Schema.String),
}) {}
