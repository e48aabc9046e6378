/** What a benchmark row is to the runner: an id to pick it by, and a function that measures it. */
import type { Machine } from "./machine.js";
import type { Plan } from "./measure.js";
import type { Check, RowStatus } from "./report.js";

export interface RowContext {
  readonly quick: boolean;
  readonly plan: Plan;
  readonly machine: Machine;
  /** Progress on stderr, so stdout carries only the table. */
  readonly log: (message: string) => void;
}

export interface RowOutcome {
  readonly status: RowStatus;
  readonly reason?: string | undefined;
  readonly checks: ReadonlyArray<Check>;
  readonly notes: ReadonlyArray<string>;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

export interface Row {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly run: (context: RowContext) => Promise<RowOutcome>;
}
