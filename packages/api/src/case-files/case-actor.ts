/**
 * The signed-in caller as someone who takes steps in a case file: a person of the staff directory (the id
 * events record as `by`, and need-to-know compares with a file's subjects), and the day they act on.
 */
import type { Viewer } from "@liuhen/domain";
import { Effect } from "effect";
import type { Caller } from "../context.js";
import { Forbidden, StepDateInFuture } from "../errors/api-errors.js";
import { type CaseClock, today } from "./case-clock.js";

/** Who the caller is in the directory; an account linked to no person (a pure administrator) takes no step. */
export const personOf = (caller: Caller): Effect.Effect<string, Forbidden> =>
  caller.personId === null
    ? Effect.fail(
        new Forbidden({
          message: "this account is linked to no person in the staff directory: it takes no case step",
        }),
      )
    : Effect.succeed(caller.personId);

export const viewerOf = (caller: Caller, personId: string): Viewer => ({
  personId,
  roles: new Set(caller.roles),
});

/**
 * The day a step is recorded for: the day given (a committee meeting held yesterday, say) or today. A step
 * cannot be dated after today: a period counted from a future day would run from nothing that happened.
 */
export const stepDate = (given: string | undefined): Effect.Effect<string, StepDateInFuture, CaseClock> =>
  Effect.flatMap(today, (now) =>
    given === undefined
      ? Effect.succeed(now)
      : given > now
        ? Effect.fail(
            new StepDateInFuture({
              message: `date: ${given} is after today (${now})`,
              field: "date",
              date: given,
              today: now,
            }),
          )
        : Effect.succeed(given),
  );
