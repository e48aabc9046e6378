/**
 * `liuhen export` and `liuhen verify`, the built binary as an operator and an auditor run it, on SQLite logs
 * made through the store (twelve events, checkpoints signed at 4, 8 and 12); some then changed behind the
 * store's back with better-sqlite3, the append-only triggers dropped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgencyId, type RecordedEvent } from "../../../packages/store/src/index.js";
import {
  alterPayload,
  appendBatches,
  deleteEvent,
  runOn,
  sqliteExportLayer,
  swapEvents,
  temporaryDirectory,
} from "../../../packages/store/test/export/log-fixture.js";
import { liuhen } from "./support/liuhen.js";

const directory = temporaryDirectory("liuhen-cli-export-");
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
const agency = AgencyId.make("qianjiang-msa");
const keys = path.join(directory, "keys");
const at = (name: string) => path.join(directory, name);

/** A SQLite log of twelve events (batches of four, a checkpoint after each), in a file of its own. */
const makeLog = async (name: string, keyDirectory = keys) => {
  const database = at(`${name}.db`);
  const events: ReadonlyArray<RecordedEvent> = await runOn(
    sqliteExportLayer(database, keyDirectory),
    appendBatches(agency, [4, 4, 4], name),
  );
  return { database, events, keyDirectory };
};

const exportOf = (log: { database: string; keyDirectory: string }, name: string, ...more: string[]) => {
  const out = at(`${name}.jsonl`);
  const run = liuhen(
    "export",
    "--database",
    log.database,
    "--keys",
    log.keyDirectory,
    "--agency",
    agency,
    "--out",
    out,
    ...more,
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return { out, run };
};

const jsonReport = (run: { stdout: string }) => JSON.parse(run.stdout);

let key: string;
let log: Awaited<ReturnType<typeof makeLog>>;
let exported: string;
let checkpoint: string;

beforeAll(async () => {
  log = await makeLog("original");
  checkpoint = at("original.checkpoint");
  const { out, run } = exportOf(log, "original", "--checkpoint-out", checkpoint, "--json");
  exported = out;
  key = JSON.parse(run.stdout).verifierKey;
}, 120_000);

// Each case starts the binary several times; on a busy 2-core machine one start can take seconds.
describe("liuhen export and liuhen verify", { timeout: 180_000 }, () => {
  it("exports a log with its latest checkpoint kept apart, and verifies it with --key: exit 0, size and head", () => {
    expect(fs.readFileSync(checkpoint, "utf8")).toMatch(/^liuhen\/qianjiang-msa\n12\n/);
    const run = liuhen("verify", exported, "--key", key, "--earlier", checkpoint);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("校验通过 / verified: 12 events of qianjiang-msa");
    expect(run.stdout).toContain("历史未被改写 / history not rewritten");
    expect(run.stdout).not.toContain("key taken from the file only");

    const json = liuhen("verify", exported, "--key", key, "--json");
    expect(jsonReport(json)).toMatchObject({ _tag: "Verified", treeSize: 12, keySource: "argument" });
  });

  it("takes --key from a file, and without --key says the key came from the file only", () => {
    const keyFile = at("agency.pub");
    fs.writeFileSync(keyFile, `${key}\n`);
    expect(liuhen("verify", exported, "--key", keyFile).status).toBe(0);

    const run = liuhen("verify", exported);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("公钥仅取自文件");
    expect(run.stdout).toContain("key taken from the file only");
  });

  it("writes the export to standard output and its summary to standard error when no --out is given", () => {
    const run = liuhen("export", "--database", log.database, "--keys", keys, "--agency", agency);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").filter((line) => line !== "")).toHaveLength(1 + 3 + 12);
    expect(run.stderr).toContain("导出完成 / exported: 12 events");
  });

  describe("a database changed behind the store's back (triggers dropped)", () => {
    it("reports an event whose payload was changed: exit 2, its position and id", async () => {
      const changed = await makeLog("altered");
      alterPayload(changed.database, agency, 5, { text: "改过的内容" });
      const { out } = exportOf(changed, "altered");
      const run = liuhen("verify", out, "--key", key);
      expect(run.status).toBe(2);
      expect(run.stdout).toContain("事件内容被改动 / event altered");
      expect(run.stdout).toContain("first bad position: 5");
      expect(run.stdout).toContain(`${changed.events[5]?.id}`);
      expect(jsonReport(liuhen("verify", out, "--key", key, "--json")).finding).toMatchObject({
        problem: "EventAltered",
        position: 5,
        eventId: changed.events[5]?.id,
      });
    });

    it("reports a deleted event row: exit 2, its position and the event found there instead", async () => {
      const changed = await makeLog("deleted");
      deleteEvent(changed.database, agency, 6);
      const { out } = exportOf(changed, "deleted");
      const run = liuhen("verify", out, "--key", key, "--json");
      expect(run.status).toBe(2);
      expect(jsonReport(run).finding).toMatchObject({
        problem: "EventMissing",
        position: 6,
        eventId: changed.events[7]?.id,
      });
    });

    it("reports two event rows whose positions were swapped: exit 2, the first one's position and event", async () => {
      const changed = await makeLog("swapped");
      swapEvents(changed.database, agency, 2, 10);
      const { out } = exportOf(changed, "swapped");
      const run = liuhen("verify", out, "--key", key);
      expect(run.status).toBe(2);
      expect(run.stdout).toContain("事件顺序被改动 / event out of place (reordered)");
      expect(run.stdout).toContain("first bad position: 2");
      expect(run.stdout).toContain(`event: ${changed.events[10]?.id}`);
      expect(run.stdout).toContain(`now at position 10 (event ${changed.events[2]?.id})`);
    });
  });

  it("catches an export file with one line edited after export", () => {
    const lines = fs.readFileSync(exported, "utf8").split("\n");
    const at9 = lines.findIndex((line) => line.includes('"leaf_index":9,'));
    lines[at9] = (lines[at9] as string).replace('"stream_version":2', '"stream_version":3');
    const edited = path.join(directory, "edited.jsonl");
    fs.writeFileSync(edited, lines.join("\n"));
    const run = liuhen("verify", edited, "--key", key, "--json");
    expect(run.status).toBe(2);
    expect(jsonReport(run).finding).toMatchObject({
      problem: "EventAltered",
      position: 9,
      eventId: log.events[9]?.id,
    });
  });

  it("refuses an export whose history differs from the earlier checkpoint the auditor kept", async () => {
    // The same agency and key, another history: a database rebuilt and re-signed.
    const rebuilt = await makeLog("rebuilt");
    const { out } = exportOf(rebuilt, "rebuilt");
    expect(liuhen("verify", out, "--key", key).status).toBe(0);
    const run = liuhen("verify", out, "--key", key, "--earlier", checkpoint);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("历史被改写 / history rewritten");
    expect(
      jsonReport(liuhen("verify", out, "--key", key, "--earlier", checkpoint, "--json")).finding,
    ).toMatchObject({
      problem: "HistoryRewritten",
      position: 0,
      eventId: rebuilt.events[0]?.id,
    });
  });

  it("catches a public key replaced in the file, and a log re-signed with the replaced key unless --key is given", async () => {
    const forger = await makeLog("forged", path.join(directory, "forger-keys"));
    const { out: forged, run } = exportOf(forger, "forged", "--json");
    const forgerKey: string = JSON.parse(run.stdout).verifierKey;

    // Only the key swapped: the checkpoints were not signed with it.
    const swapped = path.join(directory, "key-swapped.jsonl");
    fs.writeFileSync(swapped, fs.readFileSync(exported, "utf8").replace(key, forgerKey));
    const caught = liuhen("verify", swapped);
    expect(caught.status).toBe(2);
    expect(caught.stdout).toContain("检查点签名无效 / checkpoint not signed by the key");

    // Everything re-signed: without --key it holds together but is reported as resting on the file's key.
    const untrusted = liuhen("verify", forged);
    expect(untrusted.status).toBe(0);
    expect(untrusted.stdout).toContain("公钥仅取自文件，不能证明由该机关签名");
    expect(liuhen("verify", forged, "--key", key).status).toBe(2);
    expect(liuhen("verify", forged, "--earlier", checkpoint).status).toBe(2);
  });

  it("exits 1 when the file cannot be read or the key is malformed", () => {
    expect(liuhen("verify", path.join(directory, "missing.jsonl")).status).toBe(1);
    const bad = liuhen("verify", exported, "--key", "liuhen/qianjiang-msa+00000000+AAAA");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("TrustedKeyInvalid");
  });
});
