/**
 * IF.2 行政执法机关内部人员是指在行政执法机关工作的人员或曾经工作的人员。其主要包括：正式在编在岗的工作人员、
 * 无正式编制的聘用人员以及已经离退休的人员。
 */
import { Schema } from "effect";
import { citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { step } from "../explanation/step.js";

/** Works at the body now, worked there once, or never did. */
export const Relation = Schema.Literal("current", "former", "none");
export type Relation = typeof Relation.Type;

/** 正式在编在岗 / 无正式编制的聘用人员 / 已经离退休. */
export const Employment = Schema.Literal("established", "contract", "retired");
export type Employment = typeof Employment.Type;

/** The capacity in which the person made the contact (IF.7 leaders and superiors, IF.8 other agencies, IF.13.1). */
export const PersonRole = Schema.Literal(
  "leader",
  "superior-body",
  "supervisory-department",
  "colleague",
  "other-agency",
  "party-side",
  "other",
);
export type PersonRole = typeof PersonRole.Type;

export const Person = Schema.Struct({
  relation: Relation,
  employment: Schema.optional(Employment),
  role: PersonRole,
}).pipe(
  Schema.filter((p) => {
    if (p.relation !== "none" && p.employment === undefined)
      return { path: ["employment"], message: "current and former staff need an employment (IF.2)" };
    if (p.relation === "none" && p.employment !== undefined)
      return {
        path: ["employment"],
        message: "someone who never worked at the body has no employment there (IF.2)",
      };
    return undefined;
  }),
);
export type Person = typeof Person.Type;

const INTERNAL: Readonly<Record<Relation, boolean>> = { current: true, former: true, none: false };

const IF_2 = citation("IF.2");

export const isInternal = (person: Person): { internal: boolean; step: BasisStep } => {
  const internal = INTERNAL[person.relation];
  return {
    internal,
    step: step(IF_2, "if.internal", internal, {
      relation: person.relation,
      employment: person.employment ?? null,
    }),
  };
};
