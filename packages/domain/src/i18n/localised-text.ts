/** Text in the two languages the product speaks: Simplified Chinese first, English second. */
import { Schema } from "effect";

export const Language = Schema.Literal("zh", "en");
export type Language = typeof Language.Type;

export const LocalisedText = Schema.Struct({ zh: Schema.String, en: Schema.String });
export type LocalisedText = typeof LocalisedText.Type;
