/**
 * The demo server's own SQLite store, opened beside the running server (as an operator's tool would), for
 * what no procedure does on demand: a notification is issued by the deadline scheduler on its day, so a
 * test issues one through the store's real `Notifications` service.
 */
import { join } from "node:path";
import { Notifications, sqliteStoreLayer, withAccounts } from "@liuhen/store";
import { Effect, ManagedRuntime } from "effect";
import type { DemoServer } from "./demo-server.js";
import { AGENCY } from "./signed-in.js";

/** Issues a message to `recipient` (a person id) and closes the store again. */
export const issueNotification = async (
  server: DemoServer,
  notice: {
    readonly notificationId: string;
    readonly recipient: string;
    readonly date: string;
    readonly text: string;
  },
): Promise<void> => {
  const runtime = ManagedRuntime.make(
    withAccounts(
      sqliteStoreLayer({
        filename: join(server.dataDir, "liuhen.db"),
        keyDirectory: join(server.dataDir, "keys"),
      }),
    ),
  );
  try {
    await runtime.runPromise(
      Effect.flatMap(Notifications, (notifications) =>
        notifications.issue({
          agencyId: AGENCY,
          notificationId: notice.notificationId,
          recipient: notice.recipient,
          kind: "message",
          streamId: null,
          date: notice.date,
          details: { text: notice.text },
          actor: "operator:tui-test",
        }),
      ),
    );
  } finally {
    await runtime.dispose();
  }
};
