/**
 * Bad input on every class of procedure (public query, public mutation, a signed-in caller's mutation, an
 * administrator's mutation, a case step, the public report channel): refused with BAD_REQUEST and the
 * `InvalidInput` tag, naming the field, in Chinese and English, without echoing a password, and without a
 * row written anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF_ROLES } from "./authorization/matrix.js";
import { call, type SignedIn, signIn } from "./support/http.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import { ASSESSMENT, assembleCast, driveTo, staffAccount, target } from "./support/wrong-case-driver.js";

let test: TestServer;
let url: string;
let admin: SignedIn;
/** One person holding every case role, so each case procedure reaches its input. */
let staff: SignedIn;

const TABLES = [
  "events",
  "accounts",
  "credentials",
  "sessions",
  "api_tokens",
  "login_attempts",
  "wrong_case_proceedings",
  "public_receipts",
  "intake_messages",
  "notifications",
] as const;
const rows = async () =>
  Object.fromEntries(
    await Promise.all(TABLES.map(async (table) => [table, await test.count(table)] as const)),
  );

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
  admin = await signIn(url, { agency: AGENCY, ...ADMIN }, "192.0.2.10");
  staff = await staffAccount(
    url,
    admin,
    { username: "bad-input-staff", roles: STAFF_ROLES, personId: "person-bad-input" },
    "192.0.2.11",
  );
}, 120_000);

afterAll(async () => {
  await test?.close();
});

type Case = readonly [
  who: "anyone" | "admin" | "staff",
  kind: "query" | "mutation",
  path: string,
  input: unknown,
  field: ReadonlyArray<string | number>,
  /** What the reader is told beside the field. */
  words: string,
];

const ACCOUNT = "00000000-0000-4000-8000-000000000000";
const AT = { proceedingId: "WC-2025-001", expectedVersion: 1 };

const CASES: ReadonlyArray<Case> = [
  // public query
  ["anyone", "query", "domain.article", { id: "WC-6" }, ["id"], "格式不正确"],
  ["anyone", "query", "domain.regime", { id: 7 }, ["id"], "输入有误"],
  // public mutation
  [
    "anyone",
    "mutation",
    "auth.login",
    { agency: "Qianjiang MSA", username: "li", password: "x" },
    ["agency"],
    "格式不正确",
  ],
  [
    "anyone",
    "mutation",
    "auth.login",
    { agency: AGENCY, username: "李 明", password: "x" },
    ["username"],
    "格式不正确",
  ],
  ["anyone", "mutation", "auth.login", { agency: AGENCY, username: "liming" }, ["password"], "请填写此项"],
  [
    "anyone",
    "mutation",
    "auth.login",
    { agency: AGENCY, username: "liming", password: "x".repeat(129) },
    ["password"],
    "不能超过 128 个字",
  ],
  // a signed-in caller's mutations
  ["admin", "mutation", "auth.createToken", { name: "" }, ["name"], "请填写此项"],
  ["admin", "mutation", "auth.createToken", { name: "tab\there" }, ["name"], "输入有误"],
  ["admin", "mutation", "auth.revokeToken", { tokenId: "not-a-token-id" }, ["tokenId"], "格式不正确"],
  [
    "admin",
    "mutation",
    "auth.changePassword",
    { currentPassword: ADMIN.password, newPassword: "tooShort1" },
    ["newPassword"],
    "至少 12 个字",
  ],
  // an administrator's mutations
  ["admin", "mutation", "admin.createAccount", { username: "x y", roles: [] }, ["username"], "格式不正确"],
  [
    "admin",
    "mutation",
    "admin.createAccount",
    { username: "zhang", roles: ["boss"] },
    ["roles", 0],
    "不是可选的值",
  ],
  [
    "admin",
    "mutation",
    "admin.createAccount",
    { username: "zhang", roles: [], personId: "!bad" },
    ["personId"],
    "格式不正确",
  ],
  [
    "admin",
    "mutation",
    "admin.createAccount",
    { username: "zhang", roles: [], password: "short" },
    ["password"],
    "至少 12 个字",
  ],
  [
    "admin",
    "mutation",
    "admin.grantRoles",
    { accountId: "not-a-uuid", roles: ["head"] },
    ["accountId"],
    "格式不正确",
  ],
  ["admin", "mutation", "admin.grantRoles", { accountId: ACCOUNT, roles: [] }, ["roles"], "至少 1 项"],
  ["admin", "mutation", "admin.disableAccount", { accountId: ACCOUNT, reason: 12 }, ["reason"], "输入有误"],
  ["admin", "mutation", "admin.enableAccount", {}, ["accountId"], "请填写此项"],
  // case steps
  [
    "staff",
    "mutation",
    "wrongCase.report",
    { officers: [], allegation: "x".repeat(20_001) },
    ["allegation"],
    "不能超过 20,000 个字",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.report",
    { officers: [" "], allegation: "未告知" },
    ["officers", 0],
    "请填写此项",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.accept",
    { ...AT, proceedingId: "2025-1" },
    ["proceedingId"],
    "格式不正确",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.accept",
    { ...AT, expectedVersion: 0 },
    ["expectedVersion"],
    "数值超出允许范围",
  ],
  ["staff", "mutation", "wrongCase.accept", { ...AT, date: "2025-02-30" }, ["date"], "输入有误"],
  [
    "staff",
    "mutation",
    "wrongCase.transfer",
    { ...AT, competentBody: "   ", reason: "不属于本局" },
    ["competentBody"],
    "请填写此项",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.logInvestigation",
    { ...AT, method: "torture", summary: "询问" },
    ["method"],
    "不是可选的值",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.decide",
    { ...AT, attendance: ["p-1"], outcome: "书面检查", officers: [], suspectedViolation: false },
    ["attendance"],
    "至少 2 项",
  ],
  [
    "staff",
    "mutation",
    "wrongCase.fileAppeal",
    { ...AT, body: "court", grounds: "不服" },
    ["body"],
    "不是可选的值",
  ],
  ["staff", "query", "wrongCase.get", { proceedingId: "" }, ["proceedingId"], "格式不正确"],
  ["staff", "mutation", "notifications.markRead", { notificationId: "" }, ["notificationId"], "请填写此项"],
  // the public report channel
  ["anyone", "mutation", "intake.submit", { agency: AGENCY, allegation: "" }, ["allegation"], "请填写此项"],
  ["anyone", "query", "intake.status", { agency: AGENCY }, ["receiptCode"], "请填写此项"],
];

describe("bad input", () => {
  it.each(CASES)(
    "%s %s %s: names the field, says what is wrong, writes nothing",
    async (who, kind, path, input, field, words) => {
      const before = await rows();
      const caller = { admin, staff, anyone: { address: "192.0.2.20" } }[who];
      const answer = await call(url, kind, path, input, caller);
      expect(answer.status).toBe(400);
      expect(answer.error).toMatchObject({
        code: "BAD_REQUEST",
        tag: "InvalidInput",
        zh: words,
        field,
      });
      expect(answer.error?.message).toContain(`${field.join(".")}:`);
      expect(answer.body).not.toMatch(/stack|\.ts:\d+/);
      for (const secret of ["tooShort1", "short", ADMIN.password]) expect(answer.body).not.toContain(secret);
      expect(await rows()).toEqual(before);
    },
  );

  it("WC.7 a proposal's assessment that fails the domain's contract is refused naming the field inside it", async () => {
    const cast = await assembleCast(url, admin, "192.0.2.12");
    const at = await driveTo(url, cast, "findings-submitted");
    const before = await rows();
    const answer = await call(
      url,
      "mutation",
      "wrongCase.propose",
      { ...target(at), assessment: { ...ASSESSMENT, case: { kind: "penalty" } }, summary: "建议" },
      cast.legal,
    );
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({
      code: "BAD_REQUEST",
      tag: "InvalidRequest",
      field: ["assessment", "case", "kind"],
    });
    expect(await rows()).toEqual(before);
  });
});
