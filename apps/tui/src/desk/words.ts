/**
 * The words the terminal UI shows for stages and steps: the domain's labels (explanation/labels.ts), looked
 * up by the keys the API sends, with the key itself for one the domain does not know.
 */
import {
  INTERFERENCE_STAGE_LABELS,
  type LocalisedText,
  PROCEEDING_EVENT_LABELS,
  WRONG_CASE_STAGE_LABELS,
} from "@liuhen/domain";

const asIs = (key: string): LocalisedText => ({ zh: key, en: key });

export const stageWords = (regime: "wrong-case" | "interference", stage: string): LocalisedText =>
  (
    (regime === "wrong-case" ? WRONG_CASE_STAGE_LABELS : INTERFERENCE_STAGE_LABELS) as Record<
      string,
      LocalisedText
    >
  )[stage] ?? asIs(stage);

/** The log names events by family (`WrongCase.ReportAccepted`); the words go by the event's own tag. */
export const eventWords = (type: string): LocalisedText => {
  const tag = type.slice(type.lastIndexOf(".") + 1);
  return (PROCEEDING_EVENT_LABELS as Record<string, LocalisedText>)[tag] ?? asIs(tag);
};
