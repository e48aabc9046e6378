/**
 * The live preview of the record form: the domain's own categorisation (`categorise`, IF.2, IF.7, IF.8,
 * IF.10, IF.13) of the contact as typed so far, each step of its basis with its citation and the domain's
 * sentence for it in the reader's language. It runs in the browser and decides nothing the server relies on:
 * saving categorises again in the API (through `assess`, with the regime in force that day).
 *
 * `categorise` rather than `assess`: the contract's request decoding would bring Effect's whole Schema
 * decoder into the form's JavaScript; the form's values are checked here only for being complete (each
 * choice one the domain's labels name), which is all `categorise` needs of them.
 */
import {
  ACT_LABELS,
  type ActKind,
  type Contact,
  categorise,
  FINDING_LABELS,
  type Language,
  MESSAGES,
  METHOD_LABELS,
  type Method,
  type PersonRole,
  ROLE_LABELS,
} from "@liuhen/domain/preview";
import { contactRequest, type RecordFormValues, type StaffStatus } from "./contact-form.js";

export interface ExplainedStep {
  readonly citation: string;
  readonly text: string;
}

export interface CategorisationPreview {
  readonly finding: string;
  readonly categories: ReadonlyArray<string>;
  readonly notification: boolean;
  readonly citations: ReadonlyArray<string>;
  readonly explanation: ReadonlyArray<ExplainedStep>;
}

const isMethod = (value: string): value is Method => value in METHOD_LABELS;
const isRole = (value: string): value is PersonRole => value in ROLE_LABELS;
const isAct = (value: string): value is ActKind => value in ACT_LABELS;

/** The contact as `categorise` takes it, or null while a choice it needs is missing. */
const contactOf = (values: RecordFormValues, staffStatus: StaffStatus): Contact | null => {
  const request = contactRequest(values, staffStatus);
  const { person, method, acts } = request;
  if (!isRole(person.role) || !isMethod(method) || acts.length === 0) return null;
  if (!acts.every((a) => isAct(a.act))) return null;
  const relation = person.relation === "former" || person.relation === "none" ? person.relation : "current";
  return {
    person: {
      relation,
      role: person.role,
      ...("employment" in person && person.employment !== undefined
        ? { employment: person.employment as NonNullable<Contact["person"]["employment"]> }
        : {}),
    },
    acts: acts as unknown as Contact["acts"],
    method,
    viaProcedure: request.viaProcedure,
    recorded: request.recorded,
    onBehalfOfParty: request.onBehalfOfParty,
  };
};

/** The preview, or null while the form lacks what the domain needs (a capacity, a method, an act). */
export const previewCategorisation = (
  values: RecordFormValues,
  staffStatus: StaffStatus,
  language: Language,
): CategorisationPreview | null => {
  const contact = contactOf(values, staffStatus);
  if (contact === null) return null;
  const result = categorise(contact);
  return {
    finding: FINDING_LABELS[result.finding][language],
    categories: [...result.categories],
    notification: result.notification,
    citations: [...result.citations],
    explanation: result.basis.map((s) => ({
      citation: s.citation,
      text: MESSAGES[s.rule]?.[language]?.(s.inputs, s.holds) ?? s.rule,
    })),
  };
};
