/**
 * Interference records are numbered per agency and year, as wrong-case proceedings are (wrong-case-number.ts):
 * IF-2025-001, IF-2025-002… A new record takes the next free number; two handlers recording at once both try
 * the same one, the log's optimistic concurrency lets one through, and the other takes the number after.
 */
import type { InterferenceRecorded } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import type { AgencyId } from "../event-log/identifiers.js";
import { interferenceStreamId } from "./proceeding-events.js";
import { Proceedings, type StepFailure } from "./proceedings.js";

export const InterferenceRecordNumber = Schema.String.pipe(
  Schema.pattern(/^IF-\d{4}-\d{3,6}$/, {
    message: () => "an interference record number is written IF-<year>-<number>, e.g. IF-2025-001",
  }),
);

const STREAM_PREFIX = interferenceStreamId("");

/** The number after the highest of `year` among the agency's stream ids. */
export const nextInterferenceRecordNumber = (streamIds: ReadonlyArray<string>, year: string): string => {
  const prefix = `${STREAM_PREFIX}IF-${year}-`;
  const highest = streamIds
    .filter((id) => id.startsWith(prefix))
    .map((id) => Number.parseInt(id.slice(prefix.length), 10))
    .reduce((max, n) => (Number.isFinite(n) && n > max ? n : max), 0);
  return `IF-${year}-${String(highest + 1).padStart(3, "0")}`;
};

// Enough for a burst of simultaneous records; past it the caller sees the conflict and may resend.
const ATTEMPTS = 5;

/** Starts a record under the next free number of the year it was made in. */
export const openInterferenceRecord = (
  agencyId: AgencyId,
  actor: string,
  recorded: typeof InterferenceRecorded.Type,
): Effect.Effect<{ readonly recordId: string; readonly version: number }, StepFailure, Proceedings> =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const year = recorded.date.slice(0, 4);
    const attempt = Effect.gen(function* () {
      const existing = yield* proceedings.interferenceStreamIds(agencyId, `${STREAM_PREFIX}IF-${year}-`);
      const recordId = nextInterferenceRecordNumber(existing, year);
      const step = yield* proceedings.recordInterference({
        agencyId,
        proceedingId: recordId,
        expectedVersion: 0,
        actor,
        event: recorded,
      });
      return { recordId, version: step.proceeding.version };
    });
    return yield* attempt.pipe(
      Effect.retry({ times: ATTEMPTS - 1, while: (error) => error._tag === "StreamConflict" }),
    );
  });
