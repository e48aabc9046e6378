/**
 * The staff directory (人员名录) over the API: administrators register people, change their name, department
 * or position, and record their departure and return; every signed-in member of staff may list who works
 * where (names, departments, positions, status), which is what naming a colleague in a record or a team
 * needs. Each change is an event in the agency's log with the administrator as its actor.
 *
 * The directory holds no case content, so an administrator managing it reads none.
 */
import { IsoDate } from "@liuhen/domain";
import { Directory, PersonStatus, RegisterPerson, UpdatePerson } from "@liuhen/store";
import { Effect, Schema } from "effect";
import type { Caller } from "../context.js";
import { input, protectedProcedure, requireRole, router, run } from "../trpc.js";

const adminProcedure = requireRole("admin");

const actorOf = (caller: Caller) => `account:${caller.accountId}`;

const { personId, name, department, position } = RegisterPerson.fields;

/** A person as the directory shows them to staff. */
const personView = (p: {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly position: string | null;
  readonly status: string;
  readonly departedOn: string | null;
}) => ({
  personId: p.personId,
  name: p.name,
  department: p.department,
  position: p.position,
  status: p.status,
  departedOn: p.departedOn,
});

export const directoryRouter = router({
  /** The directory by department, name and id; `status` or `department` narrows it. */
  list: protectedProcedure
    .input(
      input(
        Schema.Struct({
          status: Schema.optional(PersonStatus),
          department: Schema.optional(department),
        }),
      ),
    )
    .query(({ ctx, input: filter }) =>
      run(
        ctx,
        Effect.flatMap(Directory, (directory) => directory.list(ctx.caller.agencyId, filter)),
      ).then((people) => people.map(personView)),
    ),

  register: adminProcedure
    .input(
      input(
        Schema.Struct({
          personId,
          name,
          department,
          position: Schema.optionalWith(position, { default: () => null }),
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.flatMap(Directory, (directory) =>
          directory.register({ ...request, agencyId: ctx.caller.agencyId, actor: actorOf(ctx.caller) }),
        ),
      ).then(personView),
    ),

  /** The fields given change; a `position` of null clears it. */
  update: adminProcedure
    .input(
      input(
        Schema.Struct({
          personId,
          name: UpdatePerson.fields.name,
          department: UpdatePerson.fields.department,
          position: UpdatePerson.fields.position,
        }),
      ),
    )
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.flatMap(Directory, (directory) =>
          directory.update({ ...request, agencyId: ctx.caller.agencyId, actor: actorOf(ctx.caller) }),
        ),
      ).then(personView),
    ),

  /** The person left on `date`; they stay in the directory, so the records naming them still resolve. */
  depart: adminProcedure
    .input(input(Schema.Struct({ personId, date: IsoDate })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.flatMap(Directory, (directory) =>
          directory.depart({ ...request, agencyId: ctx.caller.agencyId, actor: actorOf(ctx.caller) }),
        ),
      ).then(personView),
    ),

  /** A former member of staff is back. */
  returnPerson: adminProcedure.input(input(Schema.Struct({ personId }))).mutation(({ ctx, input: request }) =>
    run(
      ctx,
      Effect.flatMap(Directory, (directory) =>
        directory.return({ ...request, agencyId: ctx.caller.agencyId, actor: actorOf(ctx.caller) }),
      ),
    ).then(personView),
  ),
});
