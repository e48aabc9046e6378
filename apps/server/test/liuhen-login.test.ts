/**
 * `liuhen login` and `liuhen logout`, the built binary against a real server on a random port: login keeps a
 * bearer token in a 0600 file of the user's config directory and signs its session out; the token works
 * until logout revokes it; a wrong password is refused with exit 2 and keeps nothing. The operator's printed
 * password must be changed first: login says so and keeps nothing, `liuhen password` changes it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.js";
import { LIUHEN_BIN as bin, liuhenCli } from "./support/liuhen-cli.js";

const directory = mkdtempSync(join(tmpdir(), "liuhen-login-"));
const filename = join(directory, "data", "liuhen.db");
const keyDirectory = join(directory, "keys");
const config = join(directory, "config");
const credentials = join(config, "credentials.json");
let server: RunningServer;
let password: string;

const env = { ...process.env, LIUHEN_CONFIG_DIR: config };

/** Before the server starts (nothing in this process needs to answer meanwhile). */
const liuhenNow = (args: string[]) => {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 60_000, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** While the server runs in this process: see support/liuhen-cli.ts. */
const liuhen = (args: string[], input = "") => liuhenCli(args, { env, input });

const me = (token: string) =>
  fetch(`${server.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.status,
  );

beforeAll(async () => {
  const made = liuhenNow([
    "admin",
    "create-admin",
    "--database",
    filename,
    "--keys",
    keyDirectory,
    "--agency",
    "qianjiang-msa",
    "--username",
    "fazhi",
    "--json",
  ]);
  expect(made.status).toBe(0);
  password = JSON.parse(made.stdout).password;
  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: { kind: "sqlite", filename },
    keyDirectory,
  });
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("liuhen login and logout", { timeout: 120_000 }, () => {
  it("refuses a wrong password with exit 2 and keeps nothing", async () => {
    const run = await liuhen(
      [
        "login",
        "--server",
        server.url,
        "--agency",
        "qianjiang-msa",
        "--username",
        "fazhi",
        "--password-stdin",
      ],
      "not-the-password\n",
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("登录失败 / login failed");
    expect(existsSync(credentials)).toBe(false);
  });

  it("a password the operator set: login says to change it first and keeps nothing; liuhen password changes it and keeps a token", async () => {
    const where = ["--server", server.url, "--agency", "qianjiang-msa", "--username", "fazhi"];
    const refused = await liuhen(["login", ...where, "--password-stdin"], `${password}\n`);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("须先修改密码");
    expect(refused.stderr).toContain("you must change your password first");
    expect(refused.stderr).toContain("liuhen password");
    expect(existsSync(credentials)).toBe(false);

    // The same password again is refused: the operator knows it.
    const same = await liuhen(["password", ...where, "--password-stdin"], `${password}\n${password}\n`);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("修改密码失败 / password change failed");
    expect(existsSync(credentials)).toBe(false);

    const own = "fazhi's own passphrase";
    const changed = await liuhen(["password", ...where, "--password-stdin"], `${password}\n${own}\n`);
    expect(changed.stderr).toBe("");
    expect(changed.status).toBe(0);
    expect(changed.stdout).toContain("密码已修改 / password changed");
    const { token } = JSON.parse(readFileSync(credentials, "utf8"));
    expect(await me(token)).toBe(200);
    expect((await liuhen(["logout"])).status).toBe(0);
    password = own;
  });

  it("keeps a working bearer token in a 0600 file, and logout revokes it", async () => {
    const login = await liuhen(
      [
        "login",
        "--server",
        server.url,
        "--agency",
        "qianjiang-msa",
        "--username",
        "fazhi",
        "--password-stdin",
      ],
      `${password}\n`,
    );
    expect(login.stderr).toBe("");
    expect(login.status).toBe(0);
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    const { token } = JSON.parse(readFileSync(credentials, "utf8"));
    expect(await me(token)).toBe(200);

    const logout = await liuhen(["logout"]);
    expect(logout.status).toBe(0);
    expect(existsSync(credentials)).toBe(false);
    expect(await me(token)).toBe(401);
  });
});
