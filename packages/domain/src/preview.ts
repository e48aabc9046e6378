/**
 * `@liuhen/domain/preview`: the part of the domain the record form's live preview runs in the browser —
 * `categorise` (IF.2, IF.7, IF.8, IF.10, IF.13), the labels and the explanation sentences. Only modules
 * that hold no Schema definitions and run nothing at import time (the barrel also parses the regulation
 * and builds the holiday calendar and registry), so the form's JavaScript stays small.
 */

export { ACT_LABELS, FINDING_LABELS, METHOD_LABELS, ROLE_LABELS } from "./explanation/labels.js";
export { MESSAGES } from "./explanation/messages.js";
export type { Language } from "./i18n/localised-text.js";
export { categorise, type Finding } from "./interference/categorise.js";
export type { ActKind, Contact, Method } from "./interference/contact.js";
export type { PersonRole } from "./interference/internal-staff.js";
