/**
 * Every result explains itself: beside its value it carries a basis naming the rules considered, the
 * inputs they used, and whether each held (grounds considered and found not to hold are kept too, so an
 * explanation can say "no WC.8 ground applies"). A basis is plain data, serialisable and deterministic;
 * `explanation/prose.ts` renders it in Chinese or English; the rules write their steps with `step`
 * (`explanation/step.ts`).
 */
import { Schema } from "effect";
import { CitationId } from "../citation/citation-id.js";

/** The facts a rule looked at, as JSON scalars or lists of strings. */
export const BasisInput = Schema.Union(
  Schema.String,
  Schema.Number,
  Schema.Boolean,
  Schema.Null,
  Schema.Array(Schema.String),
);
export type BasisInput = typeof BasisInput.Type;

/**
 * One rule considered. `rule` is a stable key into the prose tables (`explanation/messages.ts`);
 * `holds` says whether the rule's condition was met. Plain objects (a Struct, not a Class): results are
 * built on the hot path of `assess`.
 */
export const BasisStep = Schema.Struct({
  citation: CitationId,
  rule: Schema.String,
  holds: Schema.Boolean,
  inputs: Schema.Record({ key: Schema.String, value: BasisInput }),
});
export type BasisStep = typeof BasisStep.Type;

export const Basis = Schema.Array(BasisStep);
export type Basis = typeof Basis.Type;

export const applied = (basis: Basis): Basis => basis.filter((s) => s.holds);
export const notHolding = (basis: Basis): Basis => basis.filter((s) => !s.holds);
