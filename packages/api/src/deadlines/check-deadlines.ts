/**
 * One pass of the deadline scheduler: every running period of every agency, judged against today by the
 * regime's calendar, and the notices it calls for issued in-app (`Notifications`). Issuing is idempotent, so
 * a pass may run as often as wanted and on several server processes at once.
 */
import {
  AgencyId,
  HolidayYears,
  Notifications,
  PersonId,
  Proceedings,
  wrongCaseStreamId,
} from "@liuhen/store";
import { Effect, Either, Option } from "effect";
import { today } from "../case-files/case-clock.js";
import { deadlineNotices } from "./deadline-notices.js";

export interface DeadlineCheck {
  readonly day: string;
  readonly periods: number;
  /** Notices issued by this pass (not those issued before). */
  readonly issued: number;
}

const ACTOR = "system:deadline-scheduler";

export const checkDeadlines = Effect.gen(function* () {
  const day = yield* today;
  const proceedings = yield* Proceedings;
  const notifications = yield* Notifications;
  // Every agency runs the default regime, on its own calendar: the years its operator added, whichever
  // server process they were added through.
  const years = yield* HolidayYears;
  yield* years.refresh;
  const running = yield* proceedings.deadlines(undefined);
  let issued = 0;
  for (const period of running) {
    const agencyId = AgencyId.make(period.agencyId);
    const file = yield* proceedings.wrongCase(agencyId, period.streamId.slice(wrongCaseStreamId("").length));
    if (Option.isNone(file)) continue;
    const notices = deadlineNotices(
      period,
      file.value.state,
      day as never,
      years.regimeOf(agencyId).calendar,
    );
    if (Either.isLeft(notices)) {
      // Past the calendar's last year: say so in the log, and judge the others.
      yield* Effect.logWarning(notices.left.message).pipe(Effect.annotateLogs({ streamId: period.streamId }));
      continue;
    }
    for (const notice of notices.right) {
      const result = yield* notifications.issue({
        agencyId,
        notificationId: notice.notificationId,
        recipient: PersonId.make(notice.recipient),
        kind: notice.kind,
        streamId: notice.streamId,
        date: notice.date,
        details: notice.details,
        actor: ACTOR,
      });
      if (result.issued) issued += 1;
    }
  }
  return { day, periods: running.length, issued } satisfies DeadlineCheck;
});
