/**
 * Where a proceeding stands and what each step of its trail is called, in the reader's language: the
 * domain's labels (explanation/labels.ts, which the terminal UI shows too), looked up by the keys the API
 * sends, with the key itself for one the domain does not know.
 */
import {
  INTERFERENCE_STAGE_LABELS,
  type Language,
  type LocalisedText,
  PROCEEDING_EVENT_LABELS,
  WRONG_CASE_STAGE_LABELS,
} from "@liuhen/domain";

const STAGES: Readonly<Record<"wrong-case" | "interference", Readonly<Record<string, LocalisedText>>>> = {
  "wrong-case": WRONG_CASE_STAGE_LABELS,
  interference: INTERFERENCE_STAGE_LABELS,
};

export const stageLabel = (
  regime: "wrong-case" | "interference",
  stage: string,
  language: Language,
): string => STAGES[regime][stage]?.[language] ?? stage;

/** The log names events by family (`InterferenceRecord.InterferenceFound`); the words go by the event's tag. */
export const eventLabel = (type: string, language: Language): string => {
  const tag = type.slice(type.lastIndexOf(".") + 1);
  return (PROCEEDING_EVENT_LABELS as Readonly<Record<string, LocalisedText>>)[tag]?.[language] ?? tag;
};
