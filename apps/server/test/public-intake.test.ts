/**
 * WC.10.1 任何人均有权举报或投诉 over HTTP, against a real server on a real SQLite file: a report without an
 * account gets a receipt code shown once and stored only as its hash; with the code the reporter reads the
 * status, the legal section's answers and the thread, and writes back; the legal section reads and replies
 * under need-to-know; wrong codes teach nothing and are throttled per address; oversize text and oversize
 * bodies are refused with nothing written; the report and its receipt are written together or not at all.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Accounts,
  AgencyId,
  Directory,
  EventLog,
  EventType,
  newEvent,
  newReceiptCode,
  PersonId,
  receiptHashOf,
  sqliteStoreLayer,
  Username,
  withAccounts,
} from "@liuhen/store";
import Database from "better-sqlite3";
import { Duration, Effect, Option, Redacted, Schema } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AUTH_CONFIG, type RunningServer, startServer } from "../src/index.js";
import { call, type SignedIn, signIn } from "./support/http.js";
import { AGENCY, fixedCaseClock, TEST_CASE_DAY } from "./support/test-server.js";

/** An agency whose first report's receipt cannot be written: something already holds its stream. */
const BLOCKED_AGENCY = AgencyId.make("blocked-msa");
const PASSWORD = "intake-passphrase-1234";
const LOOKUPS = 5;
const SUBMISSIONS = 3;

const STAFF = {
  legal: { username: "intake-legal", roles: ["legal-officer"], personId: "person-intake-legal" },
  // A legal officer the investigation will find responsible: from then on the file is closed to them.
  subject: { username: "intake-subject", roles: ["legal-officer"], personId: "person-intake-subject" },
  head: { username: "intake-head", roles: ["head"], personId: "person-intake-head" },
  investigator: {
    username: "intake-investigator",
    roles: ["investigator"],
    personId: "person-intake-investigator",
  },
} as const;

let directory: string;
let filename: string;
let server: RunningServer;
let url: string;
let reader: Database.Database;
const staff: Partial<Record<keyof typeof STAFF, SignedIn>> = {};
const as = (who: keyof typeof STAFF): SignedIn => staff[who] as SignedIn;

let addresses = 0;
/** Each test speaks from addresses of its own, so one test's throttle does not reach another. */
const freshAddress = () => `198.51.100.${++addresses}`;

const year = () => TEST_CASE_DAY.slice(0, 4);

const count = (table: string, agency: string = AGENCY) =>
  (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE agency_id = ?`).get(agency) as { n: number }).n;
const written = () =>
  ["events", "wrong_case_proceedings", "public_receipts", "intake_messages"].map((t) => count(t));

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "liuhen-intake-"));
  filename = join(directory, "liuhen.db");
  const keyDirectory = join(directory, "keys");
  // The staff accounts, made in the store as the operator would, and the blocked agency's log begun, with
  // its first receipt's stream taken.
  const Note = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));
  await Effect.runPromise(
    Effect.gen(function* () {
      const accounts = yield* Accounts;
      const directory = yield* Directory;
      for (const account of Object.values(STAFF)) {
        // Staff of the directory: a step names its head and team by their ids.
        yield* directory.register({
          agencyId: AGENCY,
          personId: account.personId,
          name: account.username,
          department: "法治科",
          position: null,
          actor: "operator:test",
        });
        yield* accounts.create({
          agencyId: AGENCY,
          username: Schema.decodeSync(Username)(account.username),
          personId: PersonId.make(account.personId),
          displayName: null,
          roles: account.roles,
          password: Redacted.make(PASSWORD),
          mustChangePassword: false,
          actor: "operator:test",
        });
      }
      const log = yield* EventLog;
      yield* log.append({
        agencyId: BLOCKED_AGENCY,
        streamId: `intake/WC-${year()}-001`,
        expectedVersion: 0,
        events: [newEvent(Note, { actor: "operator:test", citations: [], payload: { text: "in the way" } })],
      });
    }).pipe(Effect.provide(withAccounts(sqliteStoreLayer({ filename, keyDirectory })))),
  );
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: { kind: "sqlite", filename },
    keyDirectory,
    auth: { ...DEFAULT_AUTH_CONFIG, trustProxy: true },
    caseClock: fixedCaseClock(),
    intake: {
      maxSubmissionsPerAddress: SUBMISSIONS,
      maxLookupsPerAddress: LOOKUPS,
      window: Duration.minutes(15),
    },
  });
  url = server.url;
  reader = new Database(filename, { readonly: true, fileMustExist: true });
  for (const [key, account] of Object.entries(STAFF) as Array<[keyof typeof STAFF, { username: string }]>) {
    staff[key] = await signIn(
      url,
      { agency: AGENCY, username: account.username, password: PASSWORD },
      freshAddress(),
    );
  }
}, 120_000);

afterAll(async () => {
  reader?.close();
  await server?.close();
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
});

interface Submitted {
  readonly proceedingId: string;
  readonly receiptCode: string;
}

const submit = async (input: Record<string, unknown>, address = freshAddress()) => {
  const answer = await call(url, "mutation", "intake.submit", { agency: AGENCY, ...input }, { address });
  expect(answer.error).toBeNull();
  return { answer, submitted: answer.data as Submitted };
};

interface Status {
  readonly proceedingId: string;
  readonly receivedOn: string;
  readonly stage: { readonly key: string; readonly zh: string; readonly en: string };
  readonly transferredTo: string | null;
  readonly answers: ReadonlyArray<{ readonly date: string; readonly answer: string }>;
  readonly messages: ReadonlyArray<{ readonly from: string; readonly date: string; readonly text: string }>;
}

const status = (receiptCode: string, address = freshAddress(), agency: string = AGENCY) =>
  call(url, "query", "intake.status", { agency, receiptCode }, { address });

/** Every row of every table of the database, as text. */
const everyRow = () => {
  const tables = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
    name: string;
  }>;
  return JSON.stringify(tables.map(({ name }) => reader.prepare(`SELECT * FROM "${name}"`).all()));
};

/** The bytes of the database and its write-ahead log, as text. */
const databaseFiles = () =>
  readdirSync(directory)
    .filter((name) => name.startsWith("liuhen.db"))
    .map((name) => readFileSync(join(directory, name)).toString("latin1"))
    .join("");

const step = async (who: SignedIn, name: string, proceedingId: string, version: number, fields = {}) => {
  const answer = await call(
    url,
    "mutation",
    `wrongCase.${name}`,
    { proceedingId, expectedVersion: version, ...fields },
    who,
  );
  expect(answer.error).toBeNull();
  return version + 1;
};

describe("WC.10.1 reports from the public over HTTP", { timeout: 120_000 }, () => {
  let report: Submitted;

  it("WC.10.1: a report needs no account; its code is shown once and only its hash is stored", async () => {
    const { answer, submitted } = await submit({
      allegation: "执法人员在检查时未出示执法证件，并要求当场缴纳罚款",
      officersNamed: "市场监管所 张某",
      name: "王五",
      contact: "13800000000",
    });
    report = submitted;
    expect(report.proceedingId).toBe(`WC-${year()}-001`);
    expect(report.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
    expect(answer.headers.getSetCookie()).toEqual([]);

    // Nowhere in any table, nor in the database's files, in any form; its hash is.
    const hash = Option.getOrThrow(receiptHashOf(report.receiptCode));
    const forms = [
      report.receiptCode,
      report.receiptCode.replace(/-/g, ""),
      report.receiptCode.toLowerCase(),
    ];
    const rows = everyRow();
    const files = databaseFiles();
    for (const form of forms) {
      expect(rows).not.toContain(form);
      expect(files).not.toContain(form);
    }
    expect(reader.prepare("SELECT receipt_hash FROM public_receipts").all()).toEqual([
      { receipt_hash: hash },
    ]);

    // The code opens the status, however it is typed back; the reporter's own details are not sent back.
    const read = await status(report.receiptCode);
    expect(read.error).toBeNull();
    expect(read.data).toEqual({
      proceedingId: report.proceedingId,
      receivedOn: TEST_CASE_DAY,
      stage: { key: "received", zh: "已收到，待受理", en: "received, awaiting acceptance" },
      transferredTo: null,
      answers: [],
      messages: [],
    });
    expect(read.body).not.toContain("王五");
    expect(read.body).not.toContain("13800000000");
    expect(read.body).not.toContain("张某");
    const typed = await status(` ${report.receiptCode.toLowerCase().replace(/-/g, " ")} `);
    expect((typed.data as Status).proceedingId).toBe(report.proceedingId);
  });

  it("WC.10.1 负责答复: the legal section replies and answers, the reporter sees both and writes back", async () => {
    const legal = as("legal");
    expect(
      (await call(url, "query", "intake.messages", { proceedingId: report.proceedingId }, legal)).data,
    ).toEqual([]);
    let version = await step(legal, "accept", report.proceedingId, 1);
    const replied = await call(
      url,
      "mutation",
      "intake.reply",
      { proceedingId: report.proceedingId, text: "您的举报已受理，请留意答复。" },
      legal,
    );
    expect(replied.error).toBeNull();
    version = await step(legal, "answerReporter", report.proceedingId, version, {
      answer: "经初步核查，已报局主要负责人组织调查。",
    });
    expect(version).toBe(3);

    const read = await status(report.receiptCode);
    const seen = read.data as Status;
    expect(seen.stage).toEqual({ key: "accepted", zh: "已受理", en: "accepted" });
    expect(seen.answers.map((a) => a.answer)).toEqual(["经初步核查，已报局主要负责人组织调查。"]);
    expect(seen.messages.map((m) => [m.from, m.text])).toEqual([
      ["legal-section", "您的举报已受理，请留意答复。"],
    ]);
    // Nobody of the bureau is named to the reporter.
    expect(read.body).not.toContain("person-intake");

    const posted = await call(
      url,
      "mutation",
      "intake.postMessage",
      { agency: AGENCY, receiptCode: report.receiptCode, text: "请问调查大概需要多长时间？" },
      { address: freshAddress() },
    );
    expect(posted.error).toBeNull();
    const thread = (await call(url, "query", "intake.messages", { proceedingId: report.proceedingId }, legal))
      .data as Array<{ seq: number; from: string; by: string | null; text: string }>;
    expect(thread.map((m) => [m.seq, m.from, m.by, m.text])).toEqual([
      [2, "legal-section", STAFF.legal.personId, "您的举报已受理，请留意答复。"],
      [3, "reporter", null, "请问调查大概需要多长时间？"],
    ]);
  });

  it("need-to-know: a legal officer the findings hold responsible no longer reads or writes the thread", async () => {
    const subject = as("subject");
    const messages = () =>
      call(url, "query", "intake.messages", { proceedingId: report.proceedingId }, subject);
    expect((await messages()).error).toBeNull();

    let version = await step(as("legal"), "reportToHead", report.proceedingId, 3, {
      head: STAFF.head.personId,
    });
    version = await step(as("head"), "assignTeam", report.proceedingId, version, {
      members: [STAFF.investigator.personId],
    });
    version = await step(as("investigator"), "logInvestigation", report.proceedingId, version, {
      method: "file-review",
      summary: "调阅执法记录仪视频",
    });
    await step(as("investigator"), "submitFindings", report.proceedingId, version, {
      confirmed: true,
      triggers: ["WC.5.1"],
      nature: "未出示执法证件",
      responsible: [STAFF.subject.personId],
    });

    const before = written();
    expect((await messages()).error).toMatchObject({ code: "FORBIDDEN", tag: "Forbidden" });
    const reply = await call(
      url,
      "mutation",
      "intake.reply",
      { proceedingId: report.proceedingId, text: "此事与我无关" },
      subject,
    );
    expect(reply.error).toMatchObject({ code: "FORBIDDEN", tag: "Forbidden" });
    // The role gate, and nobody signed in.
    expect(
      (await call(url, "query", "intake.messages", { proceedingId: report.proceedingId }, as("head"))).error,
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      (
        await call(
          url,
          "query",
          "intake.messages",
          { proceedingId: report.proceedingId },
          { address: freshAddress() },
        )
      ).error,
    ).toMatchObject({ code: "UNAUTHORIZED" });
    expect(written()).toEqual(before);

    // The reporter learns that it is under investigation, and nothing of who or what was found.
    const read = await status(report.receiptCode);
    expect((read.data as Status).stage).toEqual({
      key: "under-investigation",
      zh: "调查处理中",
      en: "under investigation",
    });
    expect(read.body).not.toContain("person-intake");
    expect(read.body).not.toContain("未出示执法证件");
  });

  it("WC.10.1 转送有权部门: a transferred report tells the reporter where it went, then that it is closed", async () => {
    const { submitted } = await submit({ allegation: "食品经营许可审批超期" });
    const legal = as("legal");
    let version = await step(legal, "accept", submitted.proceedingId, 1);
    version = await step(legal, "transfer", submitted.proceedingId, version, {
      competentBody: "区行政审批局",
      reason: "许可审批不属本局职责",
    });
    expect((await status(submitted.receiptCode)).data).toMatchObject({
      stage: { key: "transferred", zh: "已转送区行政审批局处理", en: "transferred to 区行政审批局" },
      transferredTo: "区行政审批局",
    });
    await step(legal, "close", submitted.proceedingId, version);
    expect((await status(submitted.receiptCode)).data).toMatchObject({
      stage: { key: "closed", zh: "已办结", en: "closed" },
      transferredTo: "区行政审批局",
    });
  });

  it("a wrong code is NOT_FOUND with one message, whether malformed, unknown or of another agency", async () => {
    const wrong = [
      "hello",
      "",
      "0".repeat(5_000),
      Redacted.value(newReceiptCode()),
      report.receiptCode.replace(/^./, (c) => (c === "A" ? "B" : "A")),
    ];
    const answers = await Promise.all(wrong.map((code) => status(code)));
    answers.push(await status(report.receiptCode, freshAddress(), "no-such-msa"));
    answers.push(
      await call(
        url,
        "mutation",
        "intake.postMessage",
        { agency: AGENCY, receiptCode: "hello", text: "你好" },
        { address: freshAddress() },
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.error).toEqual({
        code: "NOT_FOUND",
        tag: "NotFound",
        field: null,
        zh: "找不到",
        en: "Not found",
        message: "找不到 / Not found: no report of this agency has that receipt code",
      });
    }
  });

  it("receipt look-ups are throttled per address, right codes and wrong alike; another address goes on", async () => {
    const address = freshAddress();
    for (let i = 0; i < LOOKUPS; i++) {
      const answer = await status(i % 2 === 0 ? report.receiptCode : `WRONG-${i}`, address);
      expect(answer.status).toBe(i % 2 === 0 ? 200 : 404);
    }
    const throttled = await status(report.receiptCode, address);
    expect(throttled.status).toBe(429);
    expect(throttled.error).toMatchObject({ code: "TOO_MANY_REQUESTS", tag: "IntakeThrottled" });
    const posting = await call(
      url,
      "mutation",
      "intake.postMessage",
      { agency: AGENCY, receiptCode: report.receiptCode, text: "还在吗？" },
      { address },
    );
    expect(posting.error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await status(report.receiptCode)).status).toBe(200);

    // Submissions count apart, with their own limit.
    const from = freshAddress();
    for (let i = 0; i < SUBMISSIONS; i++) await submit({ allegation: `举报第${i + 1}件` }, from);
    const before = written();
    const refused = await call(
      url,
      "mutation",
      "intake.submit",
      { agency: AGENCY, allegation: "又一件" },
      {
        address: from,
      },
    );
    expect(refused.error).toMatchObject({ code: "TOO_MANY_REQUESTS", tag: "IntakeThrottled" });
    expect(written()).toEqual(before);
  });

  it("text over its bound is refused naming the field, and nothing is written", async () => {
    const before = written();
    const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
      ["intake.submit", { agency: AGENCY, allegation: "举".repeat(20_001) }, "allegation"],
      ["intake.submit", { agency: AGENCY, allegation: "   " }, "allegation"],
      ["intake.submit", { agency: AGENCY, allegation: "举报", name: "王".repeat(201) }, "name"],
      ["intake.submit", { agency: AGENCY, allegation: "举报", contact: "1".repeat(201) }, "contact"],
      [
        "intake.postMessage",
        { agency: AGENCY, receiptCode: report.receiptCode, text: "字".repeat(5_001) },
        "text",
      ],
    ];
    for (const [path, input, field] of cases) {
      const answer = await call(url, "mutation", path, input, { address: freshAddress() });
      expect(answer.status).toBe(400);
      expect(answer.error).toMatchObject({ code: "BAD_REQUEST", tag: "InvalidInput", field: [field] });
      expect(answer.error?.message).toContain(field);
    }
    const reply = await call(
      url,
      "mutation",
      "intake.reply",
      { proceedingId: report.proceedingId, text: "答".repeat(5_001) },
      as("legal"),
    );
    expect(reply.error).toMatchObject({ code: "BAD_REQUEST", field: ["text"] });
    expect(written()).toEqual(before);
  });

  it("a request body over the limit is refused with 413 before it is read, and nothing is written", async () => {
    const before = written();
    const body = JSON.stringify({ agency: AGENCY, allegation: "x".repeat(300 * 1024) });
    const declared = await fetch(new URL("/trpc/intake.submit", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": freshAddress() },
      body,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { data: { code: string } } }).error.data.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );

    // Without a length to go by, tRPC stops reading at the limit.
    const bytes = new TextEncoder().encode(body);
    const streamed = await fetch(new URL("/trpc/intake.submit", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": freshAddress() },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 16 * 1024)
            controller.enqueue(bytes.slice(at, at + 16 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(written()).toEqual(before);
  });

  it("the report and its receipt are written together: when the receipt cannot be, no proceeding is opened", async () => {
    const before = ["events", "wrong_case_proceedings", "public_receipts"].map((t) =>
      count(t, BLOCKED_AGENCY),
    );
    const answer = await call(
      url,
      "mutation",
      "intake.submit",
      { agency: BLOCKED_AGENCY, allegation: "执法人员态度恶劣" },
      { address: freshAddress() },
    );
    expect(answer.error).toMatchObject({ code: "CONFLICT", tag: "StreamConflict" });
    expect(
      ["events", "wrong_case_proceedings", "public_receipts"].map((t) => count(t, BLOCKED_AGENCY)),
    ).toEqual(before);
    expect(before).toEqual([1, 0, 0]);

    // An agency this server does not serve takes no report at all.
    const nowhere = await call(
      url,
      "mutation",
      "intake.submit",
      { agency: "no-such-msa", allegation: "举报" },
      { address: freshAddress() },
    );
    expect(nowhere.error).toMatchObject({ code: "NOT_FOUND", tag: "UnknownAgency" });
    expect(reader.prepare("SELECT agency_id FROM log_heads WHERE agency_id = 'no-such-msa'").all()).toEqual(
      [],
    );
  });
});
