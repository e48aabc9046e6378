/**
 * The people a step names to act — the head a report goes to, an investigation team, the committee members
 * present at a decision — must be able to: in the agency's staff directory, holding the role the step gives
 * them where it needs one, and not named in the file themselves (nobody investigates or decides their own
 * case). Both regimes' steps check them here, before anything is written.
 */
import type { Role } from "@liuhen/domain";
import { Directory } from "@liuhen/store";
import { Effect, Option } from "effect";
import { ConflictOfInterest, RoleMissing, UnknownPerson } from "../errors/api-errors.js";

/**
 * A person a step names, by the input field that names them, and the role they must hold to act (`null`: a
 * member of staff without an account of theirs, such as a committee member present at a meeting).
 */
export type StepActor = readonly [field: string, personId: string, role: Role | null];

/** A person named by id must be in the directory. */
export const inDirectory = (agencyId: string, field: string, personId: string) =>
  Effect.flatMap(Directory, (directory) => directory.find(agencyId, personId)).pipe(
    Effect.flatMap(
      Option.match({
        onNone: () =>
          Effect.fail(
            new UnknownPerson({
              message: `${field}: ${personId} is not in the staff directory`,
              field,
              personId,
            }),
          ),
        onSome: Effect.succeed,
      }),
    ),
  );

/** Refuses the first actor who is among the file's `subjects`, not in the directory, or without the role. */
export const checkStepActors = (
  agencyId: string,
  file: string,
  subjects: ReadonlyArray<string>,
  actors: ReadonlyArray<StepActor>,
) =>
  Effect.gen(function* () {
    const directory = yield* Directory;
    for (const [field, actor, role] of actors) {
      if (subjects.includes(actor)) {
        return yield* new ConflictOfInterest({
          message: `${field}: ${actor} is named in ${file}`,
          field,
          personId: actor,
        });
      }
      yield* inDirectory(agencyId, field, actor);
      if (role === null) continue;
      const held = yield* directory.rolesOf(agencyId, actor);
      if (!held.includes(role)) {
        return yield* new RoleMissing({
          message: `${field}: ${actor} does not hold the role ${role}`,
          field,
          personId: actor,
          role,
        });
      }
    }
  });
