/**
 * Wrong-case proceedings are numbered per agency and year, as a bureau files them: WC-2025-001, WC-2025-002…
 * A new proceeding takes the next free number; two reports filed at once both try the same one, the log's
 * optimistic concurrency lets one through, and the other takes the number after.
 *
 * Opening a proceeding may run inside a caller's transaction (a public report opens its proceeding and
 * issues its receipt together, src/intake/): each try is then a savepoint, and a number lost to another
 * report is rolled back to it alone.
 */
import type { ReportReceived } from "@liuhen/domain";
import { Effect, Schema } from "effect";
import type { AgencyId } from "../event-log/identifiers.js";
import { wrongCaseStreamId } from "./proceeding-events.js";
import { Proceedings, type StepFailure } from "./proceedings.js";

export const WrongCaseNumber = Schema.String.pipe(
  Schema.pattern(/^WC-\d{4}-\d{3,6}$/, {
    message: () => "a wrong-case proceeding number is written WC-<year>-<number>, e.g. WC-2025-001",
  }),
);

const STREAM_PREFIX = wrongCaseStreamId("");

/** The number after the highest of `year` among the agency's stream ids. */
export const nextWrongCaseNumber = (streamIds: ReadonlyArray<string>, year: string): string => {
  const prefix = `${STREAM_PREFIX}WC-${year}-`;
  const highest = streamIds
    .filter((id) => id.startsWith(prefix))
    .map((id) => Number.parseInt(id.slice(prefix.length), 10))
    .reduce((max, n) => (Number.isFinite(n) && n > max ? n : max), 0);
  return `WC-${year}-${String(highest + 1).padStart(3, "0")}`;
};

// Enough for a burst of simultaneous reports; past it the caller sees the conflict and may resend.
const ATTEMPTS = 5;

/** Opens a proceeding with its report under the next free number. */
export const openWrongCase = (
  agencyId: AgencyId,
  actor: string,
  report: typeof ReportReceived.Type,
): Effect.Effect<{ readonly proceedingId: string; readonly version: number }, StepFailure, Proceedings> =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const year = report.date.slice(0, 4);
    const attempt = Effect.gen(function* () {
      const existing = yield* proceedings.wrongCaseStreamIds(agencyId, `${STREAM_PREFIX}WC-${year}-`);
      const proceedingId = nextWrongCaseNumber(existing, year);
      const recorded = yield* proceedings.recordWrongCase({
        agencyId,
        proceedingId,
        expectedVersion: 0,
        actor,
        event: report,
      });
      return { proceedingId, version: recorded.proceeding.version };
    });
    return yield* attempt.pipe(
      Effect.retry({ times: ATTEMPTS - 1, while: (error) => error._tag === "StreamConflict" }),
    );
  });
