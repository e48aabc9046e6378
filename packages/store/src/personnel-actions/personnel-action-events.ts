/**
 * Personnel actions (免职、调离、辞退、降级、撤职、开除 and other sanctions) as events in the agency's log, so the
 * protection of handlers who record interference (IF.9) can be checked against what was done to them, and
 * the check itself is part of the verifiable record.
 *
 * IF.9 办案人员如实记录局机关内部人员干预、插手案件的情况，受法律和组织保护。局机关内部人员不得对办案人员打击报复。
 * 办案人员非因法定事由，非经法定程序，不得被免职、调离、辞退或者给予降级、撤职、开除等处分。
 *
 * Stream: `personnel-action/<actionId>`, one per action.
 */
import { citation, IsoDate, PersonnelActionKind } from "@liuhen/domain";
import { Schema } from "effect";
import { PersonId } from "../accounts/account-identifiers.js";
import { eventFamily } from "../event-log/event-family.js";

export const PersonnelActionId = Schema.UUID.pipe(Schema.brand("PersonnelActionId"));
export type PersonnelActionId = typeof PersonnelActionId.Type;

/** 法定事由, 法定程序: stated in words, trimmed, never empty, bounded so one request cannot fill the log. */
export const StatutoryText = Schema.NonEmptyTrimmedString.pipe(
  Schema.maxLength(2_000, { message: () => "at most 2,000 characters" }),
);

/**
 * What the protection check (the domain's `checkProtection`, IF.9) found when the action was entered: whether
 * the person had recorded interference, and so whether the legal section (or, for records routed there, the
 * district judicial supervision) was alerted; the records that made them a recorder; the articles.
 */
export const ProtectionFinding = Schema.Struct({
  alert: Schema.Boolean,
  records: Schema.Array(Schema.String.pipe(Schema.maxLength(100))).pipe(Schema.maxItems(1_000)),
  citations: Schema.Array(Schema.String.pipe(Schema.maxLength(64))).pipe(Schema.maxItems(20)),
});
export type ProtectionFinding = typeof ProtectionFinding.Type;

export const PersonnelActionRegistered = Schema.TaggedStruct("PersonnelActionRegistered", {
  actionId: PersonnelActionId,
  /** The member of staff the action is taken against. */
  personId: PersonId,
  kind: PersonnelActionKind,
  /** The day the action was decided or takes effect. */
  date: IsoDate,
  statutoryCause: StatutoryText,
  statutoryProcedure: StatutoryText,
  /** Who entered it as the holder of personnel authority (人事管理权限): their person id. */
  decidedBy: PersonId,
  protection: ProtectionFinding,
});
export type PersonnelActionRegistered = typeof PersonnelActionRegistered.Type;

export const PersonnelActionEvent = Schema.Union(PersonnelActionRegistered);
export type PersonnelActionEvent = typeof PersonnelActionEvent.Type;
export type PersonnelActionEventTag = PersonnelActionEvent["_tag"];

export const PERSONNEL_ACTION_EVENT_PREFIX = "PersonnelAction.";

const personnelActionEvents = eventFamily({
  what: "personnel action change",
  payload: PersonnelActionEvent,
  prefix: PERSONNEL_ACTION_EVENT_PREFIX,
  names: {
    PersonnelActionRegistered: "PersonnelAction.Registered",
  },
  // IF.9 when the protection check raised an alert, and nothing otherwise.
  citations: (event) => (event.protection.alert ? [citation("IF.9")] : []),
});

export const {
  types: personnelActionEventTypes,
  change: personnelActionChange,
  is: isPersonnelActionEvent,
  decode: decodePersonnelActionEvent,
} = personnelActionEvents;

export const personnelActionStreamId = (actionId: string): string => `personnel-action/${actionId}`;
