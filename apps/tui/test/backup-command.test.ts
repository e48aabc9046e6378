/**
 * `liuhen backup`, `liuhen check-db` and `liuhen restore`, the built binary on a SQLite log made through
 * the store: a backup is a checked copy, restore refuses to overwrite, and a log changed behind the
 * store's back fails its check with exit 2.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgencyId } from "../../../packages/store/src/index.js";
import {
  alterPayload,
  appendBatches,
  runOn,
  sqliteExportLayer,
  temporaryDirectory,
} from "../../../packages/store/test/export/log-fixture.js";
import { liuhen } from "./support/liuhen.js";

const directory = temporaryDirectory("liuhen-cli-backup-");
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
const agency = AgencyId.make("qianjiang-msa");
const keys = path.join(directory, "keys");
const at = (name: string) => path.join(directory, name);
const database = at("live.db");

beforeAll(async () => {
  await runOn(sqliteExportLayer(database, keys), appendBatches(agency, [4, 4], "live"));
}, 120_000);

describe("liuhen backup, check-db and restore", { timeout: 180_000 }, () => {
  it("backs up the database into a checked copy with the same head", () => {
    const backup = liuhen("backup", "--database", database, "--out", at("copy.db"), "--keys", keys, "--json");
    expect(backup.status).toBe(0);
    const copied = JSON.parse(backup.stdout);
    const live = JSON.parse(liuhen("check-db", "--database", database, "--keys", keys, "--json").stdout);
    expect(copied.logs).toEqual(live.logs);
    expect(copied.logs[0]).toMatchObject({ agencyId: agency, treeSize: 8 });
    expect(copied.logs[0].signaturesChecked).toBeGreaterThan(0);
  });

  it("refuses to back up over an existing file", () => {
    fs.writeFileSync(at("taken.db"), "something precious");
    const run = liuhen("backup", "--database", database, "--out", at("taken.db"));
    expect(run.status).not.toBe(0);
    expect(fs.readFileSync(at("taken.db"), "utf8")).toBe("something precious");
  });

  it("restores a backup where no database is, and refuses to overwrite one", () => {
    expect(liuhen("backup", "--database", database, "--out", at("for-restore.db")).status).toBe(0);
    const restored = liuhen(
      "restore",
      "--backup",
      at("for-restore.db"),
      "--database",
      at("restored.db"),
      "--json",
    );
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout).logs[0]).toMatchObject({ treeSize: 8 });
    expect(liuhen("restore", "--backup", at("for-restore.db"), "--database", database).status).not.toBe(0);
  });

  it("fails the check with exit 2 when an event was changed behind the store's back", () => {
    expect(liuhen("backup", "--database", database, "--out", at("tampered.db")).status).toBe(0);
    alterPayload(at("tampered.db"), agency, 3, { altered: true });
    const run = liuhen("check-db", "--database", at("tampered.db"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("校验失败 / check failed");
  });
});

describe("liuhen import", { timeout: 180_000 }, () => {
  it("reads an export into an empty database with the same head, and refuses a non-empty one", () => {
    const exported = at("live.jsonl");
    expect(
      liuhen("export", "--database", database, "--keys", keys, "--agency", agency, "--out", exported).status,
    ).toBe(0);
    // An empty file is an empty SQLite database; the store migrates it on first open.
    fs.writeFileSync(at("imported.db"), "");
    const imported = liuhen(
      "import",
      "--file",
      exported,
      "--database",
      at("imported.db"),
      "--keys",
      keys,
      "--agency",
      agency,
      "--json",
    );
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    const head = (db: string) =>
      JSON.parse(liuhen("check-db", "--database", db, "--keys", keys, "--json").stdout).logs[0];
    expect(head(at("imported.db"))).toEqual(head(database));

    const again = liuhen(
      "import",
      "--file",
      exported,
      "--database",
      database,
      "--keys",
      keys,
      "--agency",
      agency,
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("导入失败 / import failed");
  });
});
