/**
 * Bad input on every class of procedure (public query, public mutation, a signed-in caller's mutation, an
 * administrator's mutation): refused with BAD_REQUEST and the `InvalidInput` tag, naming the field, in
 * Chinese and English, without echoing a password, and without a row written anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";

let test: TestServer;
let url: string;
let admin: SignedIn;

const TABLES = ["events", "accounts", "credentials", "sessions", "api_tokens", "login_attempts"] as const;
const rows = () => Object.fromEntries(TABLES.map((table) => [table, test.count(table)]));

beforeAll(async () => {
  test = await startTestServer();
  url = test.server.url;
  admin = await signIn(url, { agency: AGENCY, ...ADMIN }, "192.0.2.10");
}, 120_000);

afterAll(async () => {
  await test?.close();
});

type Case = readonly [
  who: "anyone" | "admin",
  kind: "query" | "mutation",
  path: string,
  input: unknown,
  field: ReadonlyArray<string | number>,
];

const ACCOUNT = "00000000-0000-4000-8000-000000000000";

const CASES: ReadonlyArray<Case> = [
  // public query
  ["anyone", "query", "domain.article", { id: "WC-6" }, ["id"]],
  ["anyone", "query", "domain.regime", { id: 7 }, ["id"]],
  // public mutation
  [
    "anyone",
    "mutation",
    "auth.login",
    { agency: "Qianjiang MSA", username: "li", password: "x" },
    ["agency"],
  ],
  ["anyone", "mutation", "auth.login", { agency: AGENCY, username: "李 明", password: "x" }, ["username"]],
  ["anyone", "mutation", "auth.login", { agency: AGENCY, username: "liming" }, ["password"]],
  [
    "anyone",
    "mutation",
    "auth.login",
    { agency: AGENCY, username: "liming", password: "x".repeat(129) },
    ["password"],
  ],
  // a signed-in caller's mutations
  ["admin", "mutation", "auth.createToken", { name: "" }, ["name"]],
  ["admin", "mutation", "auth.createToken", { name: "tab\there" }, ["name"]],
  ["admin", "mutation", "auth.revokeToken", { tokenId: "not-a-token-id" }, ["tokenId"]],
  [
    "admin",
    "mutation",
    "auth.changePassword",
    { currentPassword: ADMIN.password, newPassword: "tooShort1" },
    ["newPassword"],
  ],
  // an administrator's mutations
  ["admin", "mutation", "admin.createAccount", { username: "x y", roles: [] }, ["username"]],
  ["admin", "mutation", "admin.createAccount", { username: "zhang", roles: ["boss"] }, ["roles", 0]],
  [
    "admin",
    "mutation",
    "admin.createAccount",
    { username: "zhang", roles: [], personId: "!bad" },
    ["personId"],
  ],
  [
    "admin",
    "mutation",
    "admin.createAccount",
    { username: "zhang", roles: [], password: "short" },
    ["password"],
  ],
  ["admin", "mutation", "admin.grantRoles", { accountId: "not-a-uuid", roles: ["head"] }, ["accountId"]],
  ["admin", "mutation", "admin.grantRoles", { accountId: ACCOUNT, roles: [] }, ["roles"]],
  ["admin", "mutation", "admin.disableAccount", { accountId: ACCOUNT, reason: 12 }, ["reason"]],
  ["admin", "mutation", "admin.enableAccount", {}, ["accountId"]],
];

describe("bad input", () => {
  it.each(CASES)("%s %s %s: names the field and writes nothing", async (who, kind, path, input, field) => {
    const before = rows();
    const answer = await call(url, kind, path, input, who === "admin" ? admin : { address: "192.0.2.20" });
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({
      code: "BAD_REQUEST",
      tag: "InvalidInput",
      zh: "输入有误",
      en: "Invalid input",
      field,
    });
    expect(answer.error?.message).toContain(`${field.join(".")}:`);
    expect(answer.body).not.toMatch(/stack|\.ts:\d+/);
    for (const secret of ["tooShort1", "short", ADMIN.password]) expect(answer.body).not.toContain(secret);
    expect(rows()).toEqual(before);
  });
});
