/**
 * An English gloss of each IF.10 item (第十条（一）至（七）), made of the domain's act labels: an act glosses an
 * item when the domain's rules (`ACT_RULES`) put it there, on behalf of a party or not, by a colleague acting
 * beyond their authority. Acts whose item depends on the circumstances (probing case details, an inquiry)
 * gloss none. The Chinese words are the item's own, from the regulation's text. Server-side: the rules bring
 * Effect's Schema, which the record's page need not load to show a few words.
 */
import { ACT_LABELS, ACT_RULES, type ActKind, InterferenceCategory, type Language } from "@liuhen/domain";

const categoriesOf = (act: ActKind, onBehalfOfParty: boolean): ReadonlyArray<string> => {
  const outcome = ACT_RULES[act](
    { act, withinAuthority: false },
    { role: "colleague", written: false, viaProcedure: false, recorded: true, onBehalfOfParty },
  );
  return outcome.kind === "interference" ? outcome.categories : [];
};

const ACTS = Object.keys(ACT_LABELS) as ReadonlyArray<ActKind>;

const GLOSSES: Readonly<Record<string, string>> = Object.fromEntries(
  InterferenceCategory.literals.map((item) => [
    item,
    ACTS.filter((act) => categoriesOf(act, true).includes(item) && categoriesOf(act, false).includes(item))
      .map((act) => ACT_LABELS[act].en)
      .join("; "),
  ]),
);

/** The item's gloss in the reader's language, or null where there is none (Chinese reads the item itself). */
export const categoryGloss = (item: string, language: Language): string | null =>
  language === "en" && (GLOSSES[item] ?? "") !== "" ? (GLOSSES[item] ?? null) : null;
