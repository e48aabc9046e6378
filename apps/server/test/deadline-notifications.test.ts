/**
 * WC.10.1 转送 within 2 working days of 受理, watched by the deadline scheduler with a test clock walking
 * through the 2025 National Day holiday (10月1日–8日, with Saturday 10月11日 a working day): the legal officer
 * who accepted the report is told in-app when one working day is left and when the period has run out, and
 * nobody else is.
 */
import { CaseClock } from "@liuhen/api";
import { Effect, Ref } from "effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { assembleCast, type Cast, driveTo, type Position, target } from "./support/wrong-case-driver.js";

describeOnDatabases("WC.10.1 deadline notifications across the National Day holiday", (database) => {
  const day = Effect.runSync(Ref.make("2025-09-30"));
  const setDay = (d: string) => Effect.runSync(Ref.set(day, d));
  let test: TestServer;
  let url: string;
  let cast: Cast;
  let accepted: Position;

  interface Notice {
    readonly notificationId: string;
    readonly kind: string;
    readonly streamId: string | null;
    readonly concernsDate: string;
    readonly details: Record<string, string>;
    readonly readOn: string | null;
  }

  const noticesOf = async (who: SignedIn) => {
    const answer = await call(url, "query", "notifications.list", {}, who);
    expect(answer.error).toBeNull();
    return answer.data as Array<Notice>;
  };

  const passOn = async (d: string) => {
    setDay(d);
    return test.server.checkDeadlines();
  };

  beforeAll(async () => {
    test = await startTestServer({}, { caseClock: CaseClock.fixed(day), database });
    url = test.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN }, "198.51.100.20");
    cast = await assembleCast(url, root, "198.51.100.20");
    // Accepted on 2025年9月30日: the WC.10.1 period runs to 2025年10月10日 across the holiday.
    accepted = await driveTo(url, cast, "accepted");
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  it("counts the period in working days: due 2025-10-10", async () => {
    const file = await call(
      url,
      "query",
      "wrongCase.get",
      { proceedingId: accepted.proceedingId },
      cast.legal,
    );
    expect((file.data as { state: { openPeriods: unknown[] } }).state.openPeriods).toEqual([
      expect.objectContaining({ period: "WC.10.1", start: "2025-09-30", due: "2025-10-10" }),
    ]);
  });

  it("says nothing during the holiday, when two working days are still left", async () => {
    for (const d of ["2025-10-01", "2025-10-05", "2025-10-08"]) {
      expect(await passOn(d)).toMatchObject({ day: d, issued: 0 });
    }
    expect(await noticesOf(cast.legal)).toEqual([]);
  });

  it("tells the accepting legal officer on 2025-10-09, one working day before, once", async () => {
    expect(await passOn("2025-10-09")).toMatchObject({ issued: 1 });
    expect(await passOn("2025-10-09")).toMatchObject({ issued: 0 });
    // The due day itself repeats nothing: the notice of one day left stands.
    expect(await passOn("2025-10-10")).toMatchObject({ issued: 0 });
    expect(await noticesOf(cast.legal)).toEqual([
      expect.objectContaining({
        kind: "deadline-due-soon",
        streamId: `wrong-case/${accepted.proceedingId}`,
        concernsDate: "2025-10-09",
        details: { period: "WC.10.1", start: "2025-09-30", due: "2025-10-10" },
        readOn: null,
      }),
    ]);
  });

  it("tells them it is overdue on Saturday 2025-10-11, a working day in 2025", async () => {
    expect(await passOn("2025-10-11")).toMatchObject({ issued: 1 });
    const notices = await noticesOf(cast.legal);
    expect(notices.map((n) => n.kind)).toEqual(["deadline-overdue", "deadline-due-soon"]);
  });

  it("tells nobody else: not the reporter, not the head", async () => {
    expect(await noticesOf(cast.reporter)).toEqual([]);
    expect(await noticesOf(cast.head)).toEqual([]);
  });

  it("lets only the recipient mark a notice read", async () => {
    const [overdue] = await noticesOf(cast.legal);
    if (overdue === undefined) throw new Error("no notice");
    const byOther = await call(
      url,
      "mutation",
      "notifications.markRead",
      { notificationId: overdue.notificationId },
      cast.head,
    );
    expect(byOther.error).toMatchObject({ code: "NOT_FOUND", tag: "NotificationNotFound" });
    const before = await call(url, "query", "notifications.unreadCount", undefined, cast.legal);
    expect(before.data).toBe(2);
    const read = await call(
      url,
      "mutation",
      "notifications.markRead",
      { notificationId: overdue.notificationId },
      cast.legal,
    );
    expect(read.error).toBeNull();
    expect((await call(url, "query", "notifications.unreadCount", undefined, cast.legal)).data).toBe(1);
  });

  it("stops once the period ends: a transfer closes it and later passes issue nothing", async () => {
    const transferred = await call(
      url,
      "mutation",
      "wrongCase.transfer",
      { ...target(accepted), competentBody: "区人社局", reason: "不属于本局管辖" },
      cast.legal,
    );
    expect(transferred.error).toBeNull();
    expect(await passOn("2025-10-13")).toMatchObject({ periods: 0, issued: 0 });
  });
});
