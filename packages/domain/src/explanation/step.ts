/**
 * How a rule writes down that it was considered: one step of a basis (`explanation/basis.ts`). Apart from
 * the Schemas so that the rules, which run in the browser for the record form's preview, reach no Schema
 * definition and so none of Effect's runtime.
 */
import type { CitationId } from "../citation/citation-id.js";
import type { BasisInput, BasisStep } from "./basis.js";

export const step = (
  citation: CitationId,
  rule: string,
  holds: boolean,
  inputs: Record<string, BasisInput> = {},
): BasisStep => ({ citation, rule, holds, inputs });
