/**
 * `liuhen calendar add` and `liuhen calendar list` as the operator runs them: the real binary against the
 * real server with the demo agency, signed in through `liuhen login` as its administrator. A year added
 * counts for the agency's periods at once (WC.10.1 受理后2日内 from 2026-12-30 runs into it), without a
 * restart; a bad file is refused (exit 2) naming its field, and the calendar stays as it was; a year the
 * calendar has is replaced only with --reason.
 *
 * The 2027 arrangement here is INVENTED, a test fixture only: the State Council's 2027 notice is not known.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCredentials } from "../src/session/credentials-file.js";
import { type DemoServer, startDemoServer } from "./support/demo-server.js";
import { liuhenAsync, liuhenWithEnv } from "./support/liuhen.js";
import { AGENCY, sessionOf } from "./support/signed-in.js";

/** INVENTED for the test: not the 2027 notice, which is not published. */
const FICTIONAL_2027 = {
  year: 2027,
  notice: {
    title: "测试用虚构通知（并非国务院办公厅2027年节假日安排）",
    documentNumber: "国办发明电〔2099〕99号",
    issued: "2026-11-01",
  },
  holidays: [{ name: "虚构假日", restDays: ["2027-01-01"], adjustedWorkingDays: [] }],
};

const PERIOD = { kind: "period", period: "WC.10.1", start: "2026-12-30" } as const;

let server: DemoServer;
let files: string;
let env: NodeJS.ProcessEnv;

const file = (name: string, content: string) => {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
};

const calendar = (...args: string[]) => liuhenAsync(env, "calendar", ...args);

/** The WC.10.1 period from 2026-12-30 as the demo's legal officer's `assess` counts it. */
const periodForOfficer = async () =>
  (await sessionOf(server, "fazhi")).domain.assess.query(PERIOD).then(
    (result) => ({ due: (result as { due?: string }).due }),
    (error: Error) => ({ error: error.message }),
  );

beforeAll(async () => {
  server = await startDemoServer();
  files = mkdtempSync(join(tmpdir(), "liuhen-calendar-cmd-"));
  env = { ...process.env, LIUHEN_CONFIG_DIR: files };
  const login = liuhenWithEnv(
    `${server.passwords.admin}\n`,
    env,
    "login",
    "--server",
    server.url,
    "--agency",
    AGENCY,
    "--username",
    "admin",
    "--password-stdin",
  );
  expect(login.stderr).toBe("");
  expect(login.status).toBe(0);
  expect(readCredentials(join(files, "credentials.json"))).not.toBeNull();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

describe("liuhen calendar", () => {
  it("lists the released years with their notices, and nothing after 2026", async () => {
    const run = await calendar("list");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "2020\t内置 / built-in\t国办发明电〔2019〕16号、国办发明电〔2020〕1号\t2019年11月21日",
    );
    expect(run.stdout).toContain("2026\t内置 / built-in\t国办发明电〔2025〕7号\t2025年11月4日");
    expect(run.stdout).not.toContain("2027\t");
  });

  it("refuses a bad file naming its field, and a file that is not JSON; the calendar stays as it was", async () => {
    const outside = await calendar(
      "add",
      file(
        "outside.json",
        JSON.stringify({ ...FICTIONAL_2027, holidays: [{ name: "虚构", restDays: ["2028-01-01"] }] }),
      ),
    );
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain("未添加 / not added: year.holidays.0.restDays.0:");
    expect(outside.stderr).toContain("2028-01-01 is not in 2027");
    const broken = await calendar("add", file("broken.json", "{ year: 2027"));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain("FILE: 不是 JSON / not JSON");
    expect((await calendar("list")).stdout).not.toContain("2027\t");
    expect(await periodForOfficer()).toEqual({ error: expect.stringContaining("2027-01-01") });
  });

  it("WC.10.1: adds 2027, and the period from 2026-12-30 is due 2027-01-04 at once, without a restart", async () => {
    const year = file("2027.json", JSON.stringify(FICTIONAL_2027, null, 2));
    const added = await calendar("add", year);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(
      "已添加 / added\t2027\t添加 / added\t国办发明电〔2099〕99号\t2026年11月1日",
    );
    expect(await periodForOfficer()).toEqual({ due: "2027-01-04" });

    // Added again without a reason: a year is never replaced silently.
    const again = await calendar("add", year);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("china-mainland already has 2027 (added, 国办发明电〔2099〕99号)");
    const replaced = await calendar(
      "add",
      "--reason",
      "测试：撤销虚构假日",
      file("2027-revised.json", JSON.stringify({ ...FICTIONAL_2027, holidays: [] })),
    );
    expect(replaced.stderr).toBe("");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain("替换 / replaced 国办发明电〔2099〕99号: 测试：撤销虚构假日");
    expect(await periodForOfficer()).toEqual({ due: "2027-01-01" });

    const listed = await calendar("list", "--json");
    expect(listed.status).toBe(0);
    const years = JSON.parse(listed.stdout) as Array<{ year: number; source: string; added: unknown }>;
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(years[7]).toMatchObject({
      source: "added",
      added: { addition: 2, replaced: ["国办发明电〔2099〕99号"], reason: "测试：撤销虚构假日" },
    });
  });
});
