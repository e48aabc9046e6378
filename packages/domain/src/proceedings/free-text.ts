/**
 * Text the regulation asks a step to state in words: reasons, an allegation, a summary, an answer. Never
 * empty: a step that must give reasons and gives none is refused at the boundary.
 */
import { Schema } from "effect";

export const FreeText = Schema.NonEmptyTrimmedString.pipe(Schema.annotations({ identifier: "FreeText" }));
export type FreeText = typeof FreeText.Type;
