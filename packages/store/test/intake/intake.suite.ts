/**
 * Reports from the public on every backend (WC.10.1 任何人均有权举报或投诉): a report opens its wrong-case
 * proceeding and issues its receipt in one transaction, the code is kept as its SHA-256 only and found by
 * it, the thread between reporter and legal section is events with its projection, bad input and unknown
 * agencies write nothing, the throttle counts per address in the database (shared by every client), and a
 * rebuild from the log reproduces the intake tables row for row. Each case works on agencies of its own;
 * the clock is the test clock (it starts at 1970-01-01T00:00:00Z).
 */
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { ReportReceived } from "@liuhen/domain";
import { Effect, Layer, Option, Redacted, Schema, TestClock } from "effect";
import {
  AgencyId,
  canonicalReceiptCode,
  decodeIntakeEvent,
  EventLog,
  EventType,
  Intake,
  IntakeThrottle,
  intakeLayer,
  intakeProjection,
  newEvent,
  newReceiptCode,
  openWrongCase,
  Proceedings,
  proceedingsLayer,
  RECEIPT_CODE_SYMBOLS,
  rebuildProjections,
  receiptHash,
  receiptHashOf,
  StreamId,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));

const THROTTLE = { maxSubmissionsPerAddress: 2, maxLookupsPerAddress: 3, window: "15 minutes" } as const;

const CODE_FORM = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

const count = (table: string, agencyId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(table)} WHERE agency_id = ${agencyId}`,
      (rows) => Number(rows[0]?.n ?? 0),
    ),
  );

/** Every row of the intake tables and the proceedings of some agencies, in key order. */
const snapshot = (agencies: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const tables = [
      ["public_receipts", "agency_id, proceeding_id"],
      ["intake_messages", "agency_id, proceeding_id, seq"],
      ["wrong_case_proceedings", "agency_id, stream_id"],
    ] as const;
    const rows: Record<string, ReadonlyArray<unknown>> = {};
    for (const [table, order] of tables) {
      rows[table] = yield* sql`SELECT * FROM ${sql(table)} WHERE ${sql.in("agency_id", agencies)}
        ORDER BY ${sql.literal(order)}`;
    }
    return rows;
  });

export const describeIntake = (backend: Backend): void => {
  let agencies = 0;
  let addresses = 0;
  const freshAgency = (name: string) => AgencyId.make(`${name}-${++agencies}`);
  const freshAddress = () => `192.0.2.${++addresses}`;
  const store = () =>
    intakeLayer({ intakeThrottle: THROTTLE }).pipe(
      Layer.provideMerge(proceedingsLayer({ projections: [intakeProjection] })),
      Layer.provideMerge(backend.store()),
    );

  /** An agency whose log has begun (the operator made its first account, say). */
  const openAgency = (name: string) =>
    Effect.gen(function* () {
      const agencyId = freshAgency(name);
      const log = yield* EventLog;
      yield* log.append({
        agencyId,
        streamId: "note/1",
        expectedVersion: 0,
        events: [
          newEvent(NoteWritten, { actor: "operator:test", citations: [], payload: { text: "set up" } }),
        ],
      });
      return agencyId;
    });

  const report = (agencyId: AgencyId, extra: Record<string, unknown> = {}) => ({
    agencyId,
    date: "2025-09-29",
    allegation: "执法人员检查时未出示执法证件",
    ...extra,
  });

  layer(store(), { timeout: "120 seconds" })(`public intake on ${backend.name}`, (it) => {
    it.effect(
      "WC.10.1: a report from anyone opens its proceeding and issues a receipt; only the code's hash is kept",
      () =>
        Effect.gen(function* () {
          const intake = yield* Intake;
          const proceedings = yield* Proceedings;
          const log = yield* EventLog;
          const agencyId = yield* openAgency("submit");
          const submitted = yield* intake.submit(
            report(agencyId, { name: "王五", contact: "13800000000", officersNamed: "稽查科 张某" }),
          );
          const code = Redacted.value(submitted.receiptCode);
          expect(submitted.proceedingId).toBe("WC-2025-001");
          expect(code).toMatch(CODE_FORM);

          const file = yield* proceedings.wrongCase(agencyId, submitted.proceedingId);
          const filed = Option.getOrThrow(file).state.report;
          expect(filed?.reporter).toEqual({ _tag: "Public", name: "王五", contact: "13800000000" });
          expect(filed?.officers).toEqual([]);
          expect(filed?.allegation).toContain("执法人员检查时未出示执法证件");
          expect(filed?.allegation).toContain("稽查科 张某");

          // Found by the hash of the code, however it is typed back.
          const hash = Option.getOrThrow(receiptHashOf(code));
          for (const typed of [code, code.toLowerCase(), code.replace(/-/g, " "), code.replace(/-/g, "")]) {
            const found = yield* intake.findByReceipt(agencyId, Option.getOrThrow(receiptHashOf(typed)));
            expect(Option.map(found, (r) => r.proceedingId)).toEqual(Option.some("WC-2025-001"));
          }
          expect(Option.isNone(yield* intake.findByReceipt(freshAgency("other"), hash))).toBe(true);

          const stream = yield* log.readStream(agencyId, StreamId.make("intake/WC-2025-001"));
          expect(stream.map((e) => [e.type, e.actor, [...e.citations]])).toEqual([
            ["Intake.ReceiptIssued", "public:intake", ["WC.10.1"]],
          ]);
          expect(yield* decodeIntakeEvent(stream[0] as (typeof stream)[number])).toEqual({
            _tag: "ReceiptIssued",
            proceedingId: "WC-2025-001",
            receiptHash: hash,
          });
          // The code is nowhere in the log or the tables, in any of its forms.
          const everything = JSON.stringify([yield* log.read(agencyId), yield* snapshot([agencyId])]);
          for (const form of [code, code.replace(/-/g, ""), code.toLowerCase()]) {
            expect(everything).not.toContain(form);
          }
          expect(everything).toContain(hash);

          const second = yield* intake.submit(report(agencyId));
          expect(second.proceedingId).toBe("WC-2025-002");
          expect(Redacted.value(second.receiptCode)).not.toBe(code);
          const anonymous = Option.getOrThrow(yield* proceedings.wrongCase(agencyId, "WC-2025-002"));
          expect(anonymous.state.report?.reporter).toEqual({ _tag: "Public", name: null, contact: null });
        }),
    );

    it.effect("receipt codes carry at least 128 random bits and read back only in their own form", () =>
      Effect.sync(() => {
        expect(RECEIPT_CODE_SYMBOLS * 5).toBeGreaterThanOrEqual(128);
        const codes = Array.from({ length: 500 }, () => Redacted.value(newReceiptCode()));
        for (const code of codes) expect(code).toMatch(CODE_FORM);
        expect(new Set(codes).size).toBe(codes.length);
        // Every one of the 32 symbols turns up: no bits are stuck.
        expect(new Set(codes.join("").replace(/-/g, "")).size).toBe(32);
        for (const text of ["", "ABCD", "U".repeat(28), "-".repeat(200), `${"A".repeat(28)}!`]) {
          expect(Option.isNone(canonicalReceiptCode(text))).toBe(true);
        }
        // Crockford's forgiving letters: I and L read as 1, O as 0.
        expect(canonicalReceiptCode(`${"I".repeat(14)}${"o".repeat(14)}`)).toEqual(
          Option.some(`${"1".repeat(14)}${"0".repeat(14)}`),
        );
        expect(receiptHash("A".repeat(28))).toMatch(/^[0-9a-f]{64}$/);
      }),
    );

    it.effect("two reports at once take two numbers, each with its own receipt", () =>
      Effect.gen(function* () {
        const intake = yield* Intake;
        const agencyId = yield* openAgency("burst");
        const both = yield* Effect.all([intake.submit(report(agencyId)), intake.submit(report(agencyId))], {
          concurrency: 2,
        });
        expect(both.map((s) => s.proceedingId).sort()).toEqual(["WC-2025-001", "WC-2025-002"]);
        expect(yield* count("public_receipts", agencyId)).toBe(2);
      }),
    );

    it.effect("bad input is refused naming its field, and nothing is written", () =>
      Effect.gen(function* () {
        const intake = yield* Intake;
        const log = yield* EventLog;
        const agencyId = yield* openAgency("bad");
        const before = (yield* log.treeHead(agencyId)).treeSize;
        const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
          [{ allegation: "x".repeat(20_001) }, "allegation"],
          [{ allegation: "   " }, "allegation"],
          [{ name: "名".repeat(201) }, "name"],
          [{ contact: "c".repeat(201) }, "contact"],
          [{ officersNamed: "o".repeat(501) }, "officersNamed"],
          [{ date: "2025-02-30" }, "date"],
        ];
        for (const [change, field] of cases) {
          const refused = yield* Effect.flip(intake.submit(report(agencyId, change)));
          expect([refused._tag, "field" in refused ? refused.field : null]).toEqual(["InvalidEvent", field]);
        }
        // At the bound, and trimmed.
        const fits = yield* intake.submit(report(agencyId, { allegation: ` ${"x".repeat(20_000)} ` }));
        expect(fits.proceedingId).toBe("WC-2025-001");
        expect((yield* log.treeHead(agencyId)).treeSize).toBe(before + 2);
      }),
    );

    it.effect("an agency whose log has not begun takes no report, and its log is not begun by one", () =>
      Effect.gen(function* () {
        const intake = yield* Intake;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = freshAgency("nowhere");
        const refused = yield* Effect.flip(intake.submit(report(agencyId)));
        expect(refused._tag).toBe("UnknownAgency");
        const heads = yield* sql`SELECT agency_id FROM log_heads WHERE agency_id = ${agencyId}`;
        expect(heads).toEqual([]);
      }),
    );

    it.effect(
      "the proceeding and its receipt are appended together: when the receipt fails, no proceeding is opened",
      () =>
        Effect.gen(function* () {
          const intake = yield* Intake;
          const log = yield* EventLog;
          const agencyId = yield* openAgency("atomic");
          // Something already holds the stream the first report's receipt must start.
          yield* log.append({
            agencyId,
            streamId: "intake/WC-2025-001",
            expectedVersion: 0,
            events: [
              newEvent(NoteWritten, {
                actor: "operator:test",
                citations: [],
                payload: { text: "in the way" },
              }),
            ],
          });
          const before = yield* log.treeHead(agencyId);
          const refused = yield* Effect.flip(intake.submit(report(agencyId)));
          expect(refused._tag).toBe("StreamConflict");
          expect(yield* log.treeHead(agencyId)).toEqual(before);
          expect(yield* count("wrong_case_proceedings", agencyId)).toBe(0);
          expect(yield* count("public_receipts", agencyId)).toBe(0);
        }),
    );

    it.effect(
      "WC.10.1 负责答复: reporter and legal section write in one thread, oldest first; other proceedings have none",
      () =>
        Effect.gen(function* () {
          const intake = yield* Intake;
          const log = yield* EventLog;
          const agencyId = yield* openAgency("thread");
          const { proceedingId } = yield* intake.submit(report(agencyId));
          const first = yield* intake.postMessage({
            agencyId,
            proceedingId,
            from: "reporter",
            by: null,
            text: "  请问何时受理？ ",
            date: "2025-09-30",
            actor: "public:intake",
          });
          const second = yield* intake.postMessage({
            agencyId,
            proceedingId,
            from: "legal-section",
            by: "person-legal-1",
            text: "已收到，正在核查",
            date: "2025-10-09",
            actor: "account:legal-1",
          });
          expect([first.seq, second.seq]).toEqual([2, 3]);
          const thread = yield* intake.messages(agencyId, proceedingId);
          expect(thread.map((m) => [m.seq, m.from, m.by, m.text, m.date])).toEqual([
            [2, "reporter", null, "请问何时受理？", "2025-09-30"],
            [3, "legal-section", "person-legal-1", "已收到，正在核查", "2025-10-09"],
          ]);
          const stranger = Option.getOrThrow(receiptHashOf(newReceiptCode()));
          expect(Option.isNone(yield* intake.findByReceipt(agencyId, stranger))).toBe(true);

          // Too long, or a reporter's message claiming an author: refused, nothing written.
          const size = (yield* log.treeHead(agencyId)).treeSize;
          const tooLong = yield* Effect.flip(
            intake.postMessage({
              agencyId,
              proceedingId,
              from: "reporter",
              by: null,
              text: "字".repeat(5_001),
              date: "2025-10-10",
              actor: "public:intake",
            }),
          );
          expect([tooLong._tag, "field" in tooLong ? tooLong.field : null]).toEqual(["InvalidEvent", "text"]);
          const claimed = yield* Effect.flip(
            intake.postMessage({
              agencyId,
              proceedingId,
              from: "reporter",
              by: "person-legal-1",
              text: "冒名",
              date: "2025-10-10",
              actor: "public:intake",
            }),
          );
          expect(claimed._tag).toBe("InvalidEvent");
          expect((yield* log.treeHead(agencyId)).treeSize).toBe(size);

          // A proceeding a member of staff reported has no public thread.
          const staff = yield* openWrongCase(
            agencyId,
            "account:staff-1",
            ReportReceived.make({
              date: "2025-10-01",
              reporter: { _tag: "Staff", id: "person-staff-1" },
              officers: ["person-officer-1"],
              allegation: "内部举报",
            }),
          );
          expect(staff.proceedingId).toBe("WC-2025-002");
          const attempts: ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string }>> = [
            intake.messages(agencyId, staff.proceedingId),
            intake.postMessage({
              agencyId,
              proceedingId: staff.proceedingId,
              from: "legal-section",
              by: "person-legal-1",
              text: "答复",
              date: "2025-10-10",
              actor: "account:legal-1",
            }),
            intake.messages(agencyId, "WC-2025-999"),
          ];
          for (const attempt of attempts) {
            expect((yield* Effect.flip(attempt))._tag).toBe("NoPublicReport");
          }
        }),
    );

    it.effect("messages sent at once both land, one after the other", () =>
      Effect.gen(function* () {
        const intake = yield* Intake;
        const agencyId = yield* openAgency("crossing");
        const { proceedingId } = yield* intake.submit(report(agencyId));
        const post = (text: string) =>
          intake.postMessage({
            agencyId,
            proceedingId,
            from: "reporter",
            by: null,
            text,
            date: "2025-09-30",
            actor: "public:intake",
          });
        const posted = yield* Effect.all([post("一"), post("二"), post("三")], { concurrency: 3 });
        expect(posted.map((p) => p.seq).sort()).toEqual([2, 3, 4]);
        expect((yield* intake.messages(agencyId, proceedingId)).length).toBe(3);
      }),
    );

    it.effect(
      "the throttle counts per address and kind in the database, shared by every client, and frees with time",
      () =>
        Effect.gen(function* () {
          const throttle = yield* IntakeThrottle;
          const address = freshAddress();
          const other = freshAddress();
          // A second client of the same database, as another server process would have.
          const elsewhere = IntakeThrottle.layer(THROTTLE).pipe(Layer.provide(backend.store()), Layer.orDie);
          const admitElsewhere = (action: "submit" | "lookup") =>
            Effect.flatMap(IntakeThrottle, (t) => t.admit({ address, action })).pipe(
              Effect.provide(elsewhere),
            );

          yield* throttle.admit({ address, action: "lookup" });
          yield* admitElsewhere("lookup");
          yield* throttle.admit({ address, action: "lookup" });
          const refused = yield* Effect.flip(admitElsewhere("lookup"));
          if (refused._tag !== "IntakeThrottled")
            throw new Error(`expected IntakeThrottled, got ${refused._tag}`);
          expect(refused.action).toBe("lookup");
          expect(refused.retryAfterSeconds).toBeGreaterThan(0);
          expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
          expect((yield* Effect.flip(throttle.admit({ address, action: "lookup" })))._tag).toBe(
            "IntakeThrottled",
          );
          // Another address, and submissions from this one, are counted apart.
          yield* throttle.admit({ address: other, action: "lookup" });
          yield* throttle.admit({ address, action: "submit" });
          yield* throttle.admit({ address, action: "submit" });
          expect((yield* Effect.flip(throttle.admit({ address, action: "submit" })))._tag).toBe(
            "IntakeThrottled",
          );
          // Refused requests did not extend the wait: once the window has passed, the address may go on.
          yield* TestClock.adjust("15 minutes");
          yield* throttle.admit({ address, action: "lookup" });
          yield* throttle.admit({ address, action: "submit" });
        }),
    );

    it.effect("a rebuild from the log reproduces receipts and threads row for row", () =>
      Effect.gen(function* () {
        const intake = yield* Intake;
        const agencyId = yield* openAgency("rebuild");
        for (let i = 0; i < 3; i++) {
          const { proceedingId } = yield* intake.submit(report(agencyId, { name: `举报人${i}` }));
          for (let j = 0; j < i; j++) {
            yield* intake.postMessage({
              agencyId,
              proceedingId,
              from: j % 2 === 0 ? "reporter" : "legal-section",
              by: j % 2 === 0 ? null : "person-legal-1",
              text: `第${j + 1}条`,
              date: "2025-10-09",
              actor: j % 2 === 0 ? "public:intake" : "account:legal-1",
            });
          }
        }
        const live = yield* snapshot([agencyId]);
        expect(live.public_receipts?.length).toBe(3);
        expect(live.intake_messages?.length).toBe(3);
        const rebuilt = yield* rebuildProjections(agencyId);
        expect(rebuilt.agencies).toEqual([{ agencyId, events: 1 + 3 * 2 + 3 }]);
        expect(yield* snapshot([agencyId])).toEqual(live);
        // And the thread still takes messages where it left off.
        const receipts = (live.public_receipts ?? []) as ReadonlyArray<{ readonly receipt_hash: string }>;
        const { proceedingId } = Option.getOrThrow(
          yield* intake.findByReceipt(agencyId, receipts[2]?.receipt_hash ?? ""),
        );
        const next = yield* intake.postMessage({
          agencyId,
          proceedingId,
          from: "reporter",
          by: null,
          text: "谢谢",
          date: "2025-10-10",
          actor: "public:intake",
        });
        expect(next.seq).toBe(4);
      }),
    );
  });
};
