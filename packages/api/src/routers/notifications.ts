/**
 * The caller's own in-app notifications (deadline notices, protection alerts…), newest first. Each person
 * sees and marks only theirs: the store answers someone else's notification as not found.
 */
import { Notifications, PersonId } from "@liuhen/store";
import { Effect, Schema } from "effect";
import { personOf } from "../case-files/case-actor.js";
import { today } from "../case-files/case-clock.js";
import { input, protectedProcedure, router, run } from "../trpc.js";

const NotificationRef = Schema.String.pipe(
  Schema.minLength(1, { message: () => "name a notification" }),
  Schema.maxLength(200, { message: () => "a notification id has at most 200 characters" }),
);

export const notificationsRouter = router({
  list: protectedProcedure
    .input(
      input(Schema.Struct({ unreadOnly: Schema.optionalWith(Schema.Boolean, { default: () => false }) })),
    )
    .query(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = PersonId.make(yield* personOf(ctx.caller));
          const notifications = yield* Notifications;
          const list = yield* notifications.listFor(ctx.caller.agencyId, person, {
            unreadOnly: request.unreadOnly,
          });
          return list.map((n) => ({ ...n }));
        }),
      ),
    ),

  unreadCount: protectedProcedure.query(({ ctx }) =>
    run(
      ctx,
      Effect.gen(function* () {
        const person = PersonId.make(yield* personOf(ctx.caller));
        return yield* Effect.flatMap(Notifications, (n) => n.unreadCount(ctx.caller.agencyId, person));
      }),
    ),
  ),

  markRead: protectedProcedure
    .input(input(Schema.Struct({ notificationId: NotificationRef })))
    .mutation(({ ctx, input: request }) =>
      run(
        ctx,
        Effect.gen(function* () {
          const person = PersonId.make(yield* personOf(ctx.caller));
          yield* Effect.flatMap(Notifications, (n) =>
            Effect.flatMap(today, (readOn) =>
              n.markRead({
                agencyId: ctx.caller.agencyId,
                notificationId: request.notificationId,
                reader: person,
                readOn,
                actor: `account:${ctx.caller.accountId}`,
              }),
            ),
          );
          return { read: true };
        }),
      ),
    ),
});
