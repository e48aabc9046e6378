/**
 * `liuhen admin`, the built binary as an operator runs it on a fresh SQLite file: the first administrator with
 * a password printed once, accounts with roles, grants and revocations, disabling, a reset, the list; exit 0
 * when done, 2 when an input is refused, and every change in the agency's log with the operator as actor.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { liuhen as run } from "./support/liuhen.js";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "liuhen-cli-admin-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const database = path.join(directory, "data", "liuhen.db");
const keys = path.join(directory, "keys");
const on = ["--database", database, "--keys", keys, "--agency", "qianjiang-msa"];

const liuhen = (...args: string[]) => run("admin", ...args);

const events = () => {
  const db = new Database(database, { readonly: true });
  try {
    return db
      .prepare("SELECT stream_id, type, actor, payload FROM events ORDER BY leaf_index")
      .all() as Array<{
      stream_id: string;
      type: string;
      actor: string;
      payload: string;
    }>;
  } finally {
    db.close();
  }
};

// Each case starts the binary several times; on a busy 2-core machine one start can take seconds.
describe("liuhen admin", { timeout: 180_000 }, () => {
  it("create-admin makes the agency's first administrator, its key, and prints a generated password once", () => {
    const run = liuhen("create-admin", ...on, "--username", "Root-Admin", "--display-name", "王局");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("administrator created: root-admin (qianjiang-msa), roles admin");
    expect(run.stdout).toMatch(/shown only this once\): [A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}\n/);
    expect(fs.statSync(path.join(keys, "qianjiang-msa.ed25519.pem")).mode & 0o777).toBe(0o600);
    const [created, password] = events();
    expect([created?.type, password?.type]).toEqual(["Account.Created", "Account.PasswordChanged"]);
    expect(created?.actor).toBe(`operator:${os.userInfo().username}`);
    // The operator saw the password: the administrator must change it at the first sign-in.
    expect(JSON.parse(password?.payload ?? "{}")).toMatchObject({ how: "initial", mustChange: true });
    expect(JSON.stringify(events())).not.toMatch(/argon2|[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-/);
  });

  it("create-account, grant, revoke, disable, enable and reset-password change the account and log each change", () => {
    const made = liuhen(
      "create-account",
      ...on,
      "--username",
      "li",
      "--role",
      "handler",
      "--person",
      "staff-7",
      "--json",
    );
    expect(made.status).toBe(0);
    const { account, password } = JSON.parse(made.stdout) as {
      account: { username: string; roles: string[]; personId: string };
      password: string;
    };
    expect(account).toMatchObject({ username: "li", roles: ["handler"], personId: "staff-7" });
    expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);

    expect(
      liuhen("grant", ...on, "--username", "li", "--role", "legal-officer", "--role", "head").status,
    ).toBe(0);
    expect(liuhen("revoke", ...on, "--username", "li", "--role", "handler").status).toBe(0);
    expect(liuhen("disable", ...on, "--username", "li", "--reason", "调离").status).toBe(0);
    expect(liuhen("enable", ...on, "--username", "li").status).toBe(0);
    const reset = liuhen("reset-password", ...on, "--username", "li", "--json");
    expect(reset.status).toBe(0);
    expect(JSON.parse(reset.stdout).password).not.toBe(password);

    const listed = liuhen("list", ...on, "--json");
    expect(listed.status).toBe(0);
    expect(
      (
        JSON.parse(listed.stdout) as Array<{
          username: string;
          roles: string[];
          status: string;
          mustChangePassword: boolean;
        }>
      ).map((a) => [a.username, a.roles, a.status, a.mustChangePassword]),
    ).toEqual([
      ["li", ["legal-officer", "head"], "active", true],
      ["root-admin", ["admin"], "active", true],
    ]);
    const li = events().filter(
      (e) => e.stream_id.startsWith("account/") && e.stream_id !== events()[0]?.stream_id,
    );
    expect(li.map((e) => e.type)).toEqual([
      "Account.Created",
      "Account.PasswordChanged",
      "Account.RolesChanged",
      "Account.RolesChanged",
      "Account.Disabled",
      "Account.Enabled",
      "Account.PasswordChanged",
    ]);
    expect(JSON.parse(li[4]?.payload ?? "{}")).toMatchObject({ reason: "调离" });
    expect(JSON.parse(li[1]?.payload ?? "{}")).toMatchObject({ how: "initial", mustChange: true });
    expect(JSON.parse(li[6]?.payload ?? "{}")).toMatchObject({ how: "reset", mustChange: true });
  });

  it("refuses bad input and impossible changes with exit 2, writing nothing", () => {
    const before = events().length;
    const refusals = [
      liuhen("create-account", ...on, "--username", "li", "--role", "handler"),
      liuhen("create-account", ...on, "--username", "x y", "--role", "handler"),
      liuhen("create-account", ...on, "--username", "zhang", "--role", "boss"),
      liuhen("grant", ...on, "--username", "nobody", "--role", "head"),
      liuhen("grant", ...on, "--username", "li", "--role", "head"),
      liuhen("list", "--database", database, "--keys", keys, "--agency", "Not An Agency"),
      liuhen(
        "list",
        "--database",
        path.join(directory, "missing.db"),
        "--keys",
        keys,
        "--agency",
        "qianjiang-msa",
      ),
    ];
    expect(refusals.map((r) => r.status)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(refusals[0]?.stderr).toContain("UsernameTaken");
    expect(refusals[1]?.stderr).toContain("--username");
    expect(refusals[2]?.stderr).toContain("--role: boss is not a role");
    expect(refusals[3]?.stderr).toContain("has no account nobody");
    expect(refusals[4]?.stderr).toContain("NothingToChange");
    expect(refusals[5]?.stderr).toContain("--agency");
    expect(refusals[6]?.stderr).toContain("there is no database");
    expect(fs.existsSync(path.join(directory, "missing.db"))).toBe(false);
    expect(events().length).toBe(before);
  });

  it("fails with exit 1 when the database cannot be used", () => {
    const run = liuhen(
      "list",
      "--database-url",
      "postgres://nobody@127.0.0.1:1/none",
      "--keys",
      keys,
      "--agency",
      "qianjiang-msa",
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("admin failed");
  });
});
