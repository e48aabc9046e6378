/**
 * A new deployment, end to end: the operator runs the built `liuhen admin create-admin` on an empty SQLite
 * file, starts the server on that file, and the administrator signs in over HTTP with the password the
 * command printed, replaces it with their own (the operator saw it), then makes the first member of staff
 * an account.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.js";
import { call, signIn } from "./support/http.js";

const bin = createRequire(import.meta.url).resolve("@liuhen/tui/bin/liuhen.js");
const directory = mkdtempSync(join(tmpdir(), "liuhen-bootstrap-"));
const filename = join(directory, "data", "liuhen.db");
const keyDirectory = join(directory, "keys");
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

it("liuhen admin create-admin on a new file, then signing in over HTTP with the printed password", async () => {
  const run = spawnSync(
    process.execPath,
    [
      bin,
      "admin",
      "create-admin",
      "--database",
      filename,
      "--keys",
      keyDirectory,
      "--agency",
      "qianjiang-msa",
      "--username",
      "first-admin",
      "--person",
      "staff-0001",
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const password = /shown only this once\): (\S+)/.exec(run.stdout)?.[1];
  expect(password).toBeDefined();

  server = await startServer({
    host: "127.0.0.1",
    port: 0,
    database: { kind: "sqlite", filename },
    keyDirectory,
  });
  const admin = await signIn(server.url, {
    agency: "qianjiang-msa",
    username: "first-admin",
    password: password ?? "",
  });
  const me = await call(server.url, "query", "auth.me", undefined, admin);
  expect(me.data).toMatchObject({
    username: "first-admin",
    agencyId: "qianjiang-msa",
    personId: "staff-0001",
    roles: ["admin"],
    via: "session",
    mustChangePassword: true,
  });
  const early = await call(server.url, "query", "admin.listAccounts", undefined, admin);
  expect(early.error).toMatchObject({ code: "FORBIDDEN", tag: "PasswordChangeRequired" });
  const changed = await call(
    server.url,
    "mutation",
    "auth.changePassword",
    { currentPassword: password, newPassword: "the first admin's own passphrase" },
    admin,
  );
  expect(changed.error).toBeNull();
  const made = await call(
    server.url,
    "mutation",
    "admin.createAccount",
    { username: "liming", personId: "staff-0042", displayName: "李明", roles: ["legal-officer"] },
    admin,
  );
  expect(made.error).toBeNull();
  const { password: staffPassword } = made.data as { password: string };
  const staff = await signIn(server.url, {
    agency: "qianjiang-msa",
    username: "liming",
    password: staffPassword,
  });
  expect((await call(server.url, "query", "auth.me", undefined, staff)).data).toMatchObject({
    roles: ["legal-officer"],
    displayName: "李明",
    mustChangePassword: true,
  });
});
