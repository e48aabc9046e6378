/**
 * The roles of an agency's staff in the two regimes. A person may hold several; need-to-know
 * (`need-to-know.ts`) narrows what any role may read.
 */
import { Schema } from "effect";
import type { LocalisedText } from "../i18n/localised-text.js";

export const ROLES = [
  "handler",
  "legal-officer",
  "head",
  "investigator",
  "committee",
  "discipline-liaison",
  "judicial-supervision",
  "admin",
] as const;
export const Role = Schema.Literal(...ROLES);
export type Role = typeof Role.Type;

export const ROLE_NAMES: Readonly<Record<Role, LocalisedText>> = {
  handler: { zh: "办案人员", en: "case handler" },
  "legal-officer": { zh: "法治科", en: "legal officer" },
  head: { zh: "主要负责人", en: "head of the bureau" },
  investigator: { zh: "机关纪委调查组成员", en: "investigation team member" },
  committee: { zh: "党委", en: "party committee secretary" },
  "discipline-liaison": { zh: "纪检组联络人", en: "discipline inspection liaison" },
  "judicial-supervision": { zh: "区司法行政部门执法监督", en: "district judicial supervision" },
  admin: { zh: "系统管理员", en: "administrator" },
};
