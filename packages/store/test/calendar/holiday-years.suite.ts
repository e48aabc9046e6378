/**
 * Holiday years an operator adds without a release (ARCHITECTURE.md, Periods), on every backend: a year is
 * an event in the agency's log and counts for the agency's periods at once (WC.10.1 across New Year), a bad
 * file is refused naming its field and writes nothing, a year the calendar has is replaced only with a
 * reason the event keeps, and a rebuild or a store started afresh reads the years back. Each case works on
 * agencies of its own.
 *
 * The 2027 arrangement here is INVENTED, a test fixture only: nobody knows the State Council's 2027 notice
 * yet, and its one holiday (a Friday, 2027-01-01) exists to show that the added data, not the weekday, is
 * what counts.
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import {
  DEFAULT_REGISTRY,
  type IsoDate,
  ReportAccepted,
  ReportReceived,
  type WrongCaseEvent,
} from "@liuhen/domain";
import { Effect, Either, Exit, Layer } from "effect";
import {
  AgencyCalendars,
  AgencyId,
  EventLog,
  HolidayYears,
  holidayYearsProjection,
  Proceedings,
  proceedingsLayer,
  rebuildProjections,
  StreamId,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const actor = "operator:test";

/** INVENTED for the tests: not the 2027 notice, which is not published. */
export const FICTIONAL_2027 = {
  year: 2027,
  notice: {
    title: "测试用虚构通知（并非国务院办公厅2027年节假日安排）",
    documentNumber: "国办发明电〔2099〕99号",
    issued: "2026-11-01",
  },
  holidays: [{ name: "虚构假日", restDays: ["2027-01-01"], adjustedWorkingDays: ["2027-01-09"] }],
};

const day = (date: string) => date as IsoDate;

export const describeHolidayYears = (backend: Backend): void => {
  let agencies = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);

  const add = (agencyId: AgencyId, year: unknown, reason: string | null = null) =>
    Effect.flatMap(HolidayYears, (years) => years.add({ agencyId, year, reason, actor }));

  const treeSize = (agencyId: AgencyId) =>
    Effect.flatMap(EventLog, (log) => Effect.map(log.treeHead(agencyId), (head) => head.treeSize));

  const refusal = <A, E>(effect: Effect.Effect<A, E, HolidayYears>) =>
    Effect.map(Effect.exit(effect), (exit) => {
      if (Exit.isSuccess(exit)) throw new Error("expected a refusal");
      return exit.cause._tag === "Fail" ? (exit.cause.error as Record<string, unknown>) : {};
    });

  const rows = (agencyId: AgencyId) =>
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) => sql`SELECT * FROM holiday_years WHERE agency_id = ${agencyId} ORDER BY calendar_id, addition`,
    );

  layer(withAccounts(backend.store()), { timeout: "120 seconds" })(
    `holiday years on ${backend.name}`,
    (it) => {
      it.effect("an added year is an event in the agency's log and counts for its periods at once", () =>
        Effect.gen(function* () {
          const years = yield* HolidayYears;
          const log = yield* EventLog;
          const agencyId = freshAgency("added");
          const other = freshAgency("other");
          const before = years.regimeOf(agencyId);
          expect(Either.isLeft(before.calendar.isWorkingDay(day("2027-01-01")))).toBe(true);

          const added = yield* add(agencyId, FICTIONAL_2027);
          expect(added).toMatchObject({
            source: "added",
            added: { addition: 1, replaced: null, reason: null },
          });
          const [event] = yield* log.readStream(agencyId, StreamId.make("holiday-calendar/china-mainland"));
          expect(event).toMatchObject({
            type: "HolidayCalendar.YearAdded",
            actor,
            citations: ["WC.10.1", "WC.10.3"],
            payload: {
              calendarId: "china-mainland",
              addition: 1,
              replaces: null,
              reason: null,
              year: FICTIONAL_2027,
            },
          });

          const after = years.regimeOf(agencyId);
          expect(after.calendar.isWorkingDay(day("2027-01-01"))).toEqual(Either.right(false));
          expect(after.calendar.isWorkingDay(day("2027-01-09"))).toEqual(Either.right(true));
          expect(after.calendar.isWorkingDay(day("2027-01-04"))).toEqual(Either.right(true));
          // The regime names the calendar it counts on; the built-in one stays as released.
          expect(after.version).toBe(`${before.version}+china-mainland.1`);
          expect(years.registryOf(agencyId).find()).toEqual(Either.right(after));
          // Another agency's calendar is its own.
          expect(Either.isLeft(years.regimeOf(other).calendar.day(day("2027-01-01")))).toBe(true);

          const listed = yield* years.list(agencyId);
          expect(listed.map((y) => [y.year.year, y.source])).toEqual([
            [2020, "built-in"],
            [2021, "built-in"],
            [2022, "built-in"],
            [2023, "built-in"],
            [2024, "built-in"],
            [2025, "built-in"],
            [2026, "built-in"],
            [2027, "added"],
          ]);
          expect(listed[6]?.year.notice.documentNumber).toBe("国办发明电〔2025〕7号");
        }),
      );

      it.effect(
        "WC.10.1: an acceptance on 2026-12-30 is refused until 2027 is added, then due 2027-01-04",
        () =>
          Effect.gen(function* () {
            const proceedings = yield* Proceedings;
            const agencyId = freshAgency("period");
            const record = (expectedVersion: number, event: WrongCaseEvent) =>
              proceedings.recordWrongCase({ agencyId, proceedingId: "wc-1", expectedVersion, actor, event });
            yield* record(
              0,
              ReportReceived.make({
                date: "2026-12-29",
                reporter: { _tag: "Public", name: null, contact: "138-0000-0000" },
                officers: ["officer-1"],
                allegation: "罚款未按法定程序决定",
              }),
            );
            const accept = ReportAccepted.make({ date: "2026-12-30", by: "legal-1" });
            const refused = yield* refusal(record(1, accept));
            expect(refused).toMatchObject({ _tag: "CalendarOutOfRange", date: "2027-01-01" });

            yield* add(agencyId, FICTIONAL_2027);
            const accepted = yield* record(1, accept);
            // 受理后2日内: Thursday 31 December, then (the invented 1 January off) Monday 4 January.
            expect(accepted.proceeding.state.openPeriods).toEqual([
              expect.objectContaining({ period: "WC.10.1", start: "2026-12-30", due: "2027-01-04" }),
            ]);
            const deadlines = yield* proceedings.deadlines(agencyId);
            expect(deadlines.map((d) => d.due)).toEqual(["2027-01-04"]);

            // A replay that read nothing beforehand (`liuhen import`) meets the year in the log before the
            // acceptance that needs it.
            const calendars = new AgencyCalendars(DEFAULT_REGISTRY);
            const replay = proceedingsLayer({
              regimeOf: calendars.regimeOf,
              projections: [holidayYearsProjection(calendars)],
            }).pipe(Layer.provideMerge(backend.store()));
            yield* rebuildProjections(agencyId).pipe(Effect.provide(replay));
            expect(calendars.regimeOf(agencyId).calendar.lastYear).toBe(2027);
            expect((yield* proceedings.deadlines(agencyId)).map((d) => d.due)).toEqual(["2027-01-04"]);
          }),
      );

      it.effect("a bad file is refused naming the field, and nothing is written", () =>
        Effect.gen(function* () {
          const agencyId = freshAgency("bad");
          const size = yield* treeSize(agencyId);
          const cases: ReadonlyArray<[unknown, string, string]> = [
            [
              { ...FICTIONAL_2027, notice: { ...FICTIONAL_2027.notice, documentNumber: " " } },
              "year.notice.documentNumber",
              "",
            ],
            [
              { ...FICTIONAL_2027, holidays: [{ name: "虚构假日", restDays: ["2028-01-01"] }] },
              "year.holidays[0].restDays[0]",
              "2028-01-01 is not in 2027",
            ],
            [
              {
                ...FICTIONAL_2027,
                holidays: [
                  { name: "虚构假日", restDays: ["2027-01-01"], adjustedWorkingDays: ["2027-01-01"] },
                ],
              },
              "year.holidays[0].adjustedWorkingDays[0]",
              "2027-01-01 is not a Saturday or Sunday",
            ],
            [
              { ...FICTIONAL_2027, holidays: [{ name: "虚构假日", restDays: ["2027-02-30"] }] },
              "year.holidays[0].restDays[0]",
              "",
            ],
            [{ ...FICTIONAL_2027, source: "web" }, "year.source", ""],
            [{ ...FICTIONAL_2027, year: "2027" }, "year.year", ""],
          ];
          const blank = yield* refusal(add(agencyId, FICTIONAL_2027, " "));
          expect(blank).toMatchObject({ _tag: "InvalidEvent", field: "reason" });
          for (const [year, field, message] of cases) {
            const refused = yield* refusal(add(agencyId, year));
            expect(refused).toMatchObject({ _tag: "InvalidEvent", field });
            expect(String(refused.message)).toContain(message);
          }
          expect(yield* treeSize(agencyId)).toBe(size);
          expect(yield* rows(agencyId)).toEqual([]);
          expect((yield* HolidayYears).regimeOf(agencyId).calendar.lastYear).toBe(2026);
        }),
      );

      it.effect("a year the calendar has is replaced only with a reason, which the event keeps", () =>
        Effect.gen(function* () {
          const years = yield* HolidayYears;
          const log = yield* EventLog;
          const agencyId = freshAgency("replace");
          const built2026 = years.regimeOf(agencyId).calendar.holidayYear(2026);
          const revised2026 = { ...asJson(built2026), holidays: [] };

          const silently = yield* refusal(add(agencyId, revised2026));
          expect(silently).toMatchObject({
            _tag: "HolidayYearKnown",
            year: 2026,
            source: "built-in",
            documentNumbers: ["国办发明电〔2025〕7号"],
          });
          expect(yield* treeSize(agencyId)).toBe(0);

          const replaced = yield* add(agencyId, revised2026, "测试：以空安排替换内置年份");
          expect(replaced).toMatchObject({
            source: "added",
            added: { replaced: ["国办发明电〔2025〕7号"], reason: "测试：以空安排替换内置年份" },
          });
          expect(years.regimeOf(agencyId).calendar.isWorkingDay(day("2026-10-01"))).toEqual(
            Either.right(true),
          );

          yield* add(agencyId, FICTIONAL_2027);
          const again = yield* refusal(add(agencyId, FICTIONAL_2027));
          expect(again).toMatchObject({ _tag: "HolidayYearKnown", year: 2027, source: "added" });
          const events = yield* log.readStream(agencyId, StreamId.make("holiday-calendar/china-mainland"));
          expect(events.map((e) => e.payload)).toEqual([
            expect.objectContaining({
              addition: 1,
              replaces: { documentNumbers: ["国办发明电〔2025〕7号"], source: "built-in" },
              reason: "测试：以空安排替换内置年份",
            }),
            expect.objectContaining({ addition: 2, replaces: null, reason: null }),
          ]);
          expect(years.regimeOf(agencyId).version).toMatch(/\+china-mainland\.2$/);
        }),
      );

      it.effect(
        "a rebuild reproduces the table, and a store started afresh counts with the added years",
        () =>
          Effect.gen(function* () {
            const agencyId = freshAgency("rebuild");
            yield* add(agencyId, FICTIONAL_2027);
            const replacement = { ...FICTIONAL_2027, holidays: [] };
            yield* add(agencyId, replacement, "测试：撤销虚构假日");
            const live = yield* rows(agencyId);
            expect(live).toHaveLength(2);
            yield* rebuildProjections(agencyId);
            expect(yield* rows(agencyId)).toEqual(live);
            expect((yield* HolidayYears).regimeOf(agencyId).calendar.isWorkingDay(day("2027-01-01"))).toEqual(
              Either.right(true),
            );

            const fresh = yield* Effect.map(HolidayYears, (years) => years.regimeOf(agencyId)).pipe(
              Effect.provide(withAccounts(backend.store())),
            );
            expect(fresh.calendar.holidayYear(2027)?.holidays).toEqual([]);
            expect(fresh.version).toMatch(/\+china-mainland\.2$/);
          }),
      );
    },
  );
};

/** A built-in year as the JSON an operator would write for it. */
const asJson = (year: unknown) => JSON.parse(JSON.stringify(year)) as Record<string, unknown>;
