/**
 * The legal section's queue, from the lists the API already gives: reports to accept (WC.10.1 法治科应及时受理),
 * running periods judged by the domain (overdue first), records reported to it awaiting its check (IF.4 检查),
 * findings of interference whose notification awaits the head's approval (IF.10 报经批准), and spot checks
 * not yet drawn or with records drawn but not checked (IF.4 抽查).
 */
import { runningPeriods } from "../deadlines/running-periods.js";

interface WrongCaseRow {
  readonly proceedingId: string;
  readonly stage: string;
  readonly receivedOn: string | null;
  readonly allegation: string | null;
  readonly openPeriods: ReadonlyArray<{
    readonly period: string;
    readonly start: string;
    readonly due: string;
  }>;
}

interface RecordRow {
  readonly recordId: string;
  readonly stage: string;
  readonly recordedOn: string | null;
  readonly caseRef: string | null;
}

interface SpotCheckRow {
  readonly drawId: string;
  readonly committedOn: string;
  readonly draw: unknown;
  readonly sample: { readonly records: ReadonlyArray<{ readonly check: unknown }> } | null;
}

/** Oldest first: what waits longest comes first. */
const byDate =
  <A>(date: (a: A) => string | null) =>
  (a: A, b: A) =>
    (date(a) ?? "").localeCompare(date(b) ?? "");

export const workQueue = (
  wrongCases: ReadonlyArray<WrongCaseRow>,
  records: ReadonlyArray<RecordRow>,
  spotChecks: ReadonlyArray<SpotCheckRow>,
) => ({
  toAccept: wrongCases
    .filter((p) => p.stage === "received")
    .map((p) => ({ proceedingId: p.proceedingId, receivedOn: p.receivedOn, allegation: p.allegation }))
    .sort(byDate((p) => p.receivedOn)),
  periods: runningPeriods(wrongCases),
  toReview: records
    .filter((r) => r.stage === "reported-to-legal-section")
    .map((r) => ({ recordId: r.recordId, recordedOn: r.recordedOn, caseRef: r.caseRef }))
    .sort(byDate((r) => r.recordedOn)),
  awaitingApproval: records
    .filter((r) => r.stage === "interference-found")
    .map((r) => ({ recordId: r.recordId, recordedOn: r.recordedOn, caseRef: r.caseRef }))
    .sort(byDate((r) => r.recordedOn)),
  spotChecks: spotChecks
    .filter((s) => s.draw === null || (s.sample?.records ?? []).some((item) => item.check === null))
    .map((s) => ({ drawId: s.drawId, committedOn: s.committedOn, drawn: s.draw !== null }))
    .sort(byDate((s) => s.committedOn)),
});
