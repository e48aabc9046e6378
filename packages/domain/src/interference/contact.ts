/**
 * A contact about a case that a handler records (IF.3): who, what acts, by what method, whether through
 * procedure and whether recorded. These Schemas are also the `interference` request of the JSON contract.
 */
import { Schema } from "effect";
import { Person } from "./internal-staff.js";

export const ACTS = [
  "guidance",
  "inquiry",
  "instruct-open-case",
  "instruct-withdraw-case",
  "instruct-stop-investigation",
  "instruct-change-coercive-measure",
  "instruct-lower-penalty",
  "instruct-raise-penalty",
  "characterisation-opinion",
  "forward-case-materials",
  "demand-unlawful-evidence-preservation",
  "demand-unlawful-property-disposal",
  "propose-private-meeting",
  "plead-for-party",
  "probe-case-details",
  "tip-off",
  "forward-materials-for-party",
  "other",
] as const;
export const ActKind = Schema.Literal(...ACTS);
export type ActKind = typeof ActKind.Type;

export const Act = Schema.Struct({
  act: ActKind,
  withinAuthority: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  description: Schema.optional(Schema.String),
}).pipe(
  Schema.filter((a) =>
    a.act === "other" && (a.description ?? "").trim() === ""
      ? { path: ["description"], message: "an act of kind other needs a description" }
      : undefined,
  ),
);
export type Act = typeof Act.Type;

/** 口头、电话、书面 (IF.5) and the other ways a contact reaches a handler. */
export const Method = Schema.Literal("oral", "phone", "written", "message", "in-person");
export type Method = typeof Method.Type;

export const Contact = Schema.Struct({
  person: Person,
  acts: Schema.NonEmptyArray(Act),
  method: Method,
  /** Went through legal or work procedure (IF.8, IF.13.2). */
  viaProcedure: Schema.Boolean,
  /** The handler recorded it (IF.3, IF.7, IF.13.2). */
  recorded: Schema.Boolean,
  /** Made for a party to the case (IF.10.5, IF.10.6). */
  onBehalfOfParty: Schema.optionalWith(Schema.Boolean, { default: () => false }),
});
export type Contact = typeof Contact.Type;
