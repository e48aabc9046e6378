/**
 * `assess(request: unknown)`: the domain's public JSON contract (CONFORMANCE.md). It decodes the request
 * with the domain's Schemas, runs the rules of the regime it names, and returns the result, or an error
 * object naming the field. It does not throw on bad input.
 */
import { Either, Match, Schema } from "effect";
import { type CitationId, citation } from "../citation/citation-id.js";
import type { BasisStep } from "../explanation/basis.js";
import { type CategoryId, categorise, type Finding } from "../interference/categorise.js";
import { type NonRecordingSanction, nonRecordingConsequence } from "../interference/non-recording.js";
import { dueDate } from "../periods/due-date.js";
import { DEFAULT_REGISTRY } from "../regime/default-registry.js";
import type { Regime } from "../regime/regime.js";
import type { RegimeRegistry } from "../regime/registry.js";
import { assessWrongCase } from "../wrong-case/assess-wrong-case.js";
import type { WrongCaseStatus } from "../wrong-case/classification.js";
import type { OfficerLiability } from "../wrong-case/liability.js";
import { type ContractError, contractError, invalidRequest } from "./contract-error.js";
import { AssessRequest } from "./request.js";

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

const decode = Schema.decodeUnknownEither(AssessRequest, { onExcessProperty: "error", errors: "first" });

const officerResult = ({ proposal, ...officer }: OfficerLiability): OfficerResult => ({
  ...officer,
  proposal: proposal && {
    sanctions: proposal.sanctions,
    policy: proposal.policy,
    rule: proposal.rule,
    citations: proposal.citations,
  },
});

const run = (regime: Regime, request: AssessRequest): AssessResult =>
  Match.value(request).pipe(
    Match.discriminatorsExhaustive("kind")({
      "wrong-case": (r): AssessResult =>
        Either.match(assessWrongCase(regime.policy, r), {
          onLeft: (e) => contractError("ContradictoryFacts", e.message, e.path),
          onRight: (a) => ({
            kind: "wrong-case",
            regime: regime.ref,
            status: a.status,
            citations: a.citations,
            officers: a.officers.map(officerResult),
            basis: a.basis,
          }),
        }),
      interference: (r): AssessResult => {
        const { basis, citations, ...c } = categorise(r);
        return { kind: "interference", regime: regime.ref, ...c, citations, basis };
      },
      "non-recording": (r): AssessResult => {
        const { basis, citations, ...c } = nonRecordingConsequence(r);
        return { kind: "non-recording", regime: regime.ref, ...c, citations, basis };
      },
      period: (r): AssessResult =>
        Either.match(dueDate(regime.periods[r.period], r.start, regime.calendar, citation(r.period)), {
          onLeft: (e) => contractError("CalendarOutOfRange", e.message, ["start"]),
          onRight: (p) => ({
            kind: "period",
            regime: regime.ref,
            period: r.period,
            start: p.start,
            due: p.due,
            unit: p.unit,
            citations: [citation(r.period)],
            basis: p.steps,
          }),
        }),
    }),
  );

export const assess = (request: unknown, registry: RegimeRegistry = DEFAULT_REGISTRY): AssessResult =>
  Either.match(decode(request), {
    onLeft: invalidRequest,
    onRight: (req) => {
      const regime =
        req.asOf === undefined ? registry.find(req.regime) : registry.inForce(req.regime, req.asOf);
      return Either.match(regime, {
        onLeft: (e) => contractError(e._tag, e.message, e._tag === "UnknownRegime" ? ["regime"] : ["asOf"]),
        onRight: (regime) => run(regime, req),
      });
    },
  });
