/**
 * `assess(request: unknown)`: the domain's public JSON contract (CONFORMANCE.md). It decodes the request
 * with the domain's Schemas, runs the rules of the regime it names, and returns the result, or an error
 * object naming the field. It does not throw on bad input.
 */
import { Either } from "effect";
import { type CitationId, citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { type CategoryId, categorise, type Finding } from "../interference/categorise.js";
import { type NonRecordingSanction, nonRecordingConsequence } from "../interference/non-recording.js";
import { duePeriod } from "../periods/due-date.js";
import { DEFAULT_REGISTRY } from "../regime/default-registry.js";
import type { Regime } from "../regime/regime.js";
import type { RegimeRegistry } from "../regime/registry.js";
import { decodeUnknownEitherFast } from "../schema/fast-decode.js";
import { assessConsistentWrongCase } from "../wrong-case/assess-wrong-case.js";
import type { WrongCaseStatus } from "../wrong-case/classification.js";
import { contradictionIn } from "../wrong-case/contradictions.js";
import type { OfficerLiability } from "../wrong-case/liability.js";
import { type ContractError, contractError, invalidRequest } from "./contract-error.js";
import { AssessRequest, type PeriodRequest, type WrongCaseRequest } from "./request.js";

interface ResultBase {
  /** The regime the result was computed under, as `id@version`. */
  readonly regime: string;
  readonly citations: ReadonlyArray<CitationId>;
  readonly basis: ReadonlyArray<BasisStep>;
}

export interface WrongCaseResult extends ResultBase {
  readonly kind: "wrong-case";
  readonly status: WrongCaseStatus;
  readonly officers: ReadonlyArray<OfficerResult>;
}

export type OfficerResult = Omit<OfficerLiability, "proposal"> & {
  readonly proposal: {
    readonly sanctions: ReadonlyArray<string>;
    readonly policy: string;
    readonly rule: string;
    readonly citations: ReadonlyArray<CitationId>;
  } | null;
};

export interface InterferenceResult extends ResultBase {
  readonly kind: "interference";
  readonly internal: boolean;
  readonly finding: Finding;
  readonly categories: ReadonlyArray<CategoryId>;
  readonly recordRequired: boolean;
  readonly notification: boolean;
}

export interface NonRecordingResult extends ResultBase {
  readonly kind: "non-recording";
  readonly sanctions: ReadonlyArray<NonRecordingSanction>;
  readonly referDiscipline: boolean;
  readonly supervisorLiable: boolean;
}

export interface PeriodDueResult extends ResultBase {
  readonly kind: "period";
  readonly period: "WC.10.1" | "WC.10.3";
  readonly start: string;
  readonly due: string;
  readonly unit: string;
}

export type AssessOutcome = WrongCaseResult | InterferenceResult | NonRecordingResult | PeriodDueResult;
export type AssessResult = AssessOutcome | ContractError;

export const isContractError = (r: AssessResult): r is ContractError => "error" in r;

// Decoded through the compiled fast path (schema/fast-decode.ts), with Effect's decoder behind it for every
// refusal. The refusal is the bare issue, not a ParseError: a refused request is an answer here, not an
// exception, and building an Error (with its stack) for each one showed in profiles.
const decode = decodeUnknownEitherFast(AssessRequest, { onExcessProperty: "error", errors: "first" });

// Fields listed rather than copied by rest and spread, which showed in profiles; their order is the contract's
// (the proposal last, without its rung).
const officerResult = (o: OfficerLiability): OfficerResult => ({
  id: o.id,
  liable: o.liable,
  conduct: o.conduct,
  mitigation: o.mitigation,
  aggravation: o.aggravation,
  referral: o.referral,
  citations: o.citations,
  basis: o.basis,
  proposal: o.proposal && {
    sanctions: o.proposal.sanctions,
    policy: o.proposal.policy,
    rule: o.proposal.rule,
    citations: o.proposal.citations,
  },
});

const wrongCase = (regime: Regime, r: WrongCaseRequest): AssessResult => {
  // Contradictions answered here as data: the ContradictoryFacts error (an Error, with its stack) is not built.
  for (let i = 0; i < r.officers.length; i++) {
    const found = contradictionIn(r.officers[i] as WrongCaseRequest["officers"][number], i);
    if (found !== undefined) return contractError("ContradictoryFacts", found.message, found.path);
  }
  const a = assessConsistentWrongCase(regime.policy, r);
  return {
    kind: "wrong-case",
    regime: regime.ref,
    status: a.status,
    citations: a.citations,
    officers: a.officers.map(officerResult),
    basis: a.basis,
  };
};

const period = (regime: Regime, r: PeriodRequest): AssessResult => {
  const id = citation(r.period);
  const due = duePeriod(regime.periods[r.period], r.start, regime.calendar, id);
  if (Either.isLeft(due)) return contractError("CalendarOutOfRange", due.left.message, ["start"]);
  const p = due.right;
  return {
    kind: "period",
    regime: regime.ref,
    period: r.period,
    start: p.start,
    due: p.due,
    unit: p.unit,
    citations: [id],
    basis: p.steps,
  };
};

// A switch rather than a `Match` pipeline: `assess` runs per request and the matcher was rebuilt on each call.
const run = (regime: Regime, request: AssessRequest): AssessResult => {
  switch (request.kind) {
    case "wrong-case":
      return wrongCase(regime, request);
    case "interference": {
      const c = categorise(request);
      return {
        kind: "interference",
        regime: regime.ref,
        internal: c.internal,
        finding: c.finding,
        categories: c.categories,
        recordRequired: c.recordRequired,
        notification: c.notification,
        citations: c.citations,
        basis: c.basis,
      };
    }
    case "non-recording": {
      const c = nonRecordingConsequence(request);
      return {
        kind: "non-recording",
        regime: regime.ref,
        sanctions: c.sanctions,
        referDiscipline: c.referDiscipline,
        supervisorLiable: c.supervisorLiable,
        citations: c.citations,
        basis: c.basis,
      };
    }
    case "period":
      return period(regime, request);
  }
};

export const assess = (request: unknown, registry: RegimeRegistry = DEFAULT_REGISTRY): AssessResult => {
  const decoded = decode(request);
  if (Either.isLeft(decoded)) return invalidRequest(decoded.left);
  const req = decoded.right;
  const regime = registry.resolve(req.regime, req.asOf);
  if (Either.isLeft(regime)) {
    const { tag, message } = regime.left;
    return contractError(tag, message, tag === "UnknownRegime" ? ["regime"] : ["asOf"]);
  }
  return run(regime.right, req);
};
