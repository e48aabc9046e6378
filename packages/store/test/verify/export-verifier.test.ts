/**
 * The offline verifier against real exports (a SQLite log of twelve events, checkpoints signed at 4, 8 and
 * 12), changed line by line as someone holding the file, or the database, would change them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Effect, Either, Exit, Stream } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgencyId,
  type ExportSummary,
  eventLeafHash,
  exportFileLines,
  Merkle,
  type RecordedEvent,
  readEarlierCheckpoint,
  verifyExport,
} from "../../src/index.js";
import {
  appendBatches,
  editEventLine,
  eventLineIndex,
  exportLines,
  runOn,
  sqliteExportLayer,
  temporaryDirectory,
  verifyLines,
} from "../export/log-fixture.js";

const directory = temporaryDirectory("liuhen-verify-");
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const agency = AgencyId.make("qianjiang-msa");
const keys = path.join(directory, "keys");

interface Exported {
  readonly lines: ReadonlyArray<string>;
  readonly summary: ExportSummary;
  readonly events: ReadonlyArray<RecordedEvent>;
}

/** Twelve events of `label` in a log of its own, exported. */
const exportedLog = (file: string, label: string, keyDirectory = keys): Promise<Exported> =>
  runOn(
    sqliteExportLayer(path.join(directory, file), keyDirectory),
    Effect.gen(function* () {
      const events = yield* appendBatches(agency, [4, 4, 4], label);
      const { lines, summary } = yield* exportLines(agency);
      return { lines, summary, events };
    }),
  );

let log: Exported;
let key: string;
beforeAll(async () => {
  log = await exportedLog("log.db", "note");
  key = log.summary.verifierKey;
});

const idAt = (leaf: number) => log.events[leaf]?.id;

const rejected = async (lines: ReadonlyArray<string>, options?: Parameters<typeof verifyLines>[1]) => {
  const report = await verifyLines(lines, options ?? { trustedKey: key });
  if (report._tag !== "Rejected") throw new Error(`expected a rejection, got ${JSON.stringify(report)}`);
  return report.finding;
};

/** Every recorded hash rebuilt from the events as they now stand: what someone rewriting the log would do. */
const rebuildRecordedHashes = (lines: ReadonlyArray<string>): Array<string> => {
  const first = eventLineIndex(lines, 0);
  const parsed = lines.slice(first).map((line) => JSON.parse(line));
  const leaves = parsed.map((line) => eventLeafOf(line.event));
  const hashes = Merkle.subtreeHashesFromLeaves(leaves);
  return [
    ...lines.slice(0, first),
    ...parsed.map((line, i) =>
      JSON.stringify({
        ...line,
        leaf_hash: Merkle.toHex(leaves[i] as Merkle.Hash),
        subtrees: line.subtrees.map((_: unknown, level: number) =>
          Merkle.toHex(hashes({ level: level + 1, index: (i + 1) / 2 ** (level + 1) - 1 })),
        ),
      }),
    ),
  ];
};

const eventLeafOf = (encoded: Record<string, unknown>): Merkle.Hash =>
  eventLeafHash({
    id: encoded.id,
    agencyId: encoded.agency_id,
    streamId: encoded.stream_id,
    streamVersion: encoded.stream_version,
    type: encoded.type,
    actor: encoded.actor,
    occurredAt: encoded.occurred_at,
    citations: encoded.citations,
    payload: encoded.payload,
  } as Parameters<typeof eventLeafHash>[0]);

describe("liuhen verify, offline", () => {
  it("verifies an untouched export: every leaf, every signed checkpoint, its size and its head", async () => {
    const report = await verifyLines(log.lines, { trustedKey: key });
    expect(report).toMatchObject({
      _tag: "Verified",
      agencyId: agency,
      treeSize: 12,
      rootHash: log.summary.rootHash,
      checkpoints: 3,
      latestCheckpoint: { treeSize: 12 },
      keySource: "argument",
      notes: [],
    });
  });

  it("reads the file as liuhen verify does, a chunk at a time, its lines broken by \\n or \\r\\n", async () => {
    for (const [name, lineBreak] of [
      ["lf.jsonl", "\n"],
      ["crlf.jsonl", "\r\n"],
    ] as const) {
      const file = path.join(directory, name);
      fs.writeFileSync(file, `${log.lines.join(lineBreak)}${lineBreak}`);
      const report = await Effect.runPromise(verifyExport(exportFileLines(file), { trustedKey: key }));
      expect(report).toMatchObject({ _tag: "Verified", treeSize: 12, rootHash: log.summary.rootHash });
    }
  });

  it("says when the key was taken from the file only, since whoever wrote the file could have replaced it", async () => {
    const report = await verifyLines(log.lines);
    expect(report).toMatchObject({ _tag: "Verified", keySource: "file" });
    expect(report.notes.join(" ")).toContain("taken from the file only");
  });

  it("reports an event whose payload was edited in the file at its position, with its id", async () => {
    const finding = await rejected(
      editEventLine(log.lines, 5, (line) => {
        line.event.payload = { text: "改过的内容" };
      }),
    );
    expect(finding).toMatchObject({
      problem: "EventAltered",
      position: 5,
      lastPosition: null,
      eventId: idAt(5),
      line: eventLineIndex(log.lines, 5) + 1,
      verifiedSize: 4,
      failedHead: { source: "checkpoint", treeSize: 8 },
    });
  });

  it("pins an edited event whose leaf hash was recomputed too to its pair of positions", async () => {
    const edited = editEventLine(log.lines, 5, (line) => {
      line.event.payload = { text: "改过的内容" };
      line.leaf_hash = Merkle.toHex(eventLeafOf(line.event));
    });
    const finding = await rejected(edited);
    expect(finding).toMatchObject({
      problem: "EventsChanged",
      position: 4,
      lastPosition: 5,
      eventId: idAt(4),
    });
  });

  it("pins a change to the checkpoint interval when every recorded hash was rebuilt after it", async () => {
    const edited = rebuildRecordedHashes(
      editEventLine(log.lines, 5, (line) => {
        line.event.payload = { text: "改过的内容" };
      }),
    );
    const finding = await rejected(edited);
    expect(finding).toMatchObject({
      problem: "EventsChanged",
      position: 4,
      lastPosition: 7,
      eventId: idAt(4),
      verifiedSize: 4,
    });
  });

  it("reports an event line deleted from the file as missing at its position", async () => {
    const lines = [...log.lines];
    lines.splice(eventLineIndex(lines, 6), 1);
    const finding = await rejected(lines);
    expect(finding).toMatchObject({ problem: "EventMissing", position: 6, eventId: idAt(7) });
    expect(finding.detail).toContain("leaf 6");
  });

  it("reports events moved with their recorded leaf hashes at the first one's position, saying where its event went", async () => {
    // As if the database rows of leaves 3 and 6 had swapped places: numbering and subtrees stay.
    const lines = [...log.lines];
    const [a, b] = [eventLineIndex(lines, 3), eventLineIndex(lines, 6)];
    const [lineA, lineB] = [JSON.parse(lines[a] as string), JSON.parse(lines[b] as string)];
    lines[a] = JSON.stringify({ ...lineA, leaf_hash: lineB.leaf_hash, event: lineB.event });
    lines[b] = JSON.stringify({ ...lineB, leaf_hash: lineA.leaf_hash, event: lineA.event });
    const finding = await rejected(lines);
    expect(finding).toMatchObject({ problem: "EventMoved", position: 3, eventId: idAt(6), verifiedSize: 0 });
    expect(finding.detail).toContain(`now at position 6 (event ${idAt(3)})`);
  });

  it("reports two adjacent events swapped with their recorded leaf hashes", async () => {
    const lines = [...log.lines];
    const [a, b] = [eventLineIndex(lines, 4), eventLineIndex(lines, 5)];
    const [lineA, lineB] = [JSON.parse(lines[a] as string), JSON.parse(lines[b] as string)];
    lines[a] = JSON.stringify({ ...lineA, leaf_hash: lineB.leaf_hash, event: lineB.event });
    lines[b] = JSON.stringify({ ...lineB, leaf_hash: lineA.leaf_hash, event: lineA.event });
    const finding = await rejected(lines);
    expect(finding).toMatchObject({ problem: "EventsSwapped", position: 4, eventId: idAt(5) });
  });

  it("reports whole event lines swapped in the file by their out-of-place leaf index", async () => {
    const lines = [...log.lines];
    const [a, b] = [eventLineIndex(lines, 2), eventLineIndex(lines, 9)];
    [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    const finding = await rejected(lines);
    expect(finding).toMatchObject({ problem: "EventMissing", position: 2, eventId: idAt(9) });
  });

  it("refuses a malformed line, naming its line and field", async () => {
    const lines = editEventLine(log.lines, 2, (line) => {
      line.event.stream_version = "two";
    });
    const finding = await rejected(lines);
    expect(finding).toMatchObject({
      problem: "MalformedLine",
      position: 2,
      line: eventLineIndex(lines, 2) + 1,
    });
    expect(finding.detail).toContain("event.stream_version");
  });

  it("refuses a field the signatures do not cover", async () => {
    const lines = editEventLine(log.lines, 1, (line) => {
      line.event.approved_by = "head";
    });
    expect((await rejected(lines)).detail).toContain("event.approved_by");
  });

  it("refuses a file cut short, and events past the last signed checkpoint", async () => {
    const cut = log.lines.slice(0, -2);
    expect(await rejected(cut)).toMatchObject({ problem: "EventsTruncated", position: 10 });

    const unsigned = log.lines.filter((line) => !line.includes('"tree_size":12,"root_hash"'));
    expect(await rejected(unsigned)).toMatchObject({
      problem: "EventsUncovered",
      position: 8,
      verifiedSize: 8,
    });
  });

  it("refuses checkpoints not signed by the trusted key: a forged note, or a key replaced in the file", async () => {
    const forged = log.lines.map((line) =>
      line.includes('"tree_size":8,"root_hash"') ? line.replace("\\n8\\n", "\\n7\\n") : line,
    );
    expect(await rejected(forged)).toMatchObject({ problem: "CheckpointNotSigned" });

    const other = await exportedLog("other-key.db", "other", path.join(directory, "other-keys"));
    const replaced = [
      (log.lines[0] as string).replace(key, other.summary.verifierKey),
      ...log.lines.slice(1),
    ];
    // Without --key the replaced key is the one used: the checkpoints were not signed with it.
    expect(await rejected(replaced, {})).toMatchObject({ problem: "CheckpointNotSigned" });
    // With --key, another agency's key is not this log's at all.
    expect(await rejected(log.lines, { trustedKey: other.summary.verifierKey })).toMatchObject({
      problem: "CheckpointNotSigned",
    });
  });

  it("refuses a key named for another log", async () => {
    const elsewhere = await runOn(
      sqliteExportLayer(path.join(directory, "elsewhere.db"), keys),
      exportLines(AgencyId.make("elsewhere-msa")),
    );
    expect(await rejected(log.lines, { trustedKey: elsewhere.summary.verifierKey })).toMatchObject({
      problem: "KeyNotForAgency",
    });
  });

  it("fails to start, rather than judge the file, on a malformed --key or earlier checkpoint", async () => {
    const badKey = await Effect.runPromiseExit(
      verifyExport(Stream.fromIterable(log.lines), { trustedKey: "nope" }),
    );
    expect(Exit.isFailure(badKey) && JSON.stringify(badKey.cause)).toContain("TrustedKeyInvalid");
    expect(Either.isLeft(readEarlierCheckpoint("liuhen/x\n1\n"))).toBe(true);
  });

  describe("with an earlier checkpoint the auditor kept", () => {
    it("finds the export consistent with an earlier checkpoint of the same history", async () => {
      const earlier = JSON.parse(log.lines[1] as string).note as string;
      const report = await verifyLines(log.lines, { trustedKey: key, earlier });
      expect(report).toMatchObject({ _tag: "Verified", earlier: { treeSize: 4 } });
    });

    it("takes the earlier checkpoint as a checkpoint line of an older export too", async () => {
      const report = await verifyLines(log.lines, { trustedKey: key, earlier: log.lines[2] });
      expect(report).toMatchObject({ _tag: "Verified", earlier: { treeSize: 8 } });
    });

    it("refuses an export whose history differs from the earlier checkpoint's, though the same key signed both", async () => {
      const rewritten = await exportedLog("rewritten.db", "rewritten");
      const finding = await rejected(rewritten.lines, {
        trustedKey: key,
        earlier: log.summary.latestCheckpoint.note,
      });
      expect(finding).toMatchObject({
        problem: "HistoryRewritten",
        position: 0,
        lastPosition: 11,
        eventId: rewritten.events[0]?.id,
        failedHead: { source: "earlier", treeSize: 12 },
      });
      expect(finding.detail).toContain("signed two different histories");
    });

    it("refuses an export that holds fewer events than the earlier checkpoint vouches for", async () => {
      const shorter = [
        (log.lines[0] as string).replace('"tree_size":12', '"tree_size":8'),
        ...log.lines.slice(1, 3),
        ...log.lines.slice(4, eventLineIndex(log.lines, 8)),
      ];
      expect(await verifyLines(shorter, { trustedKey: key })).toMatchObject({
        _tag: "Verified",
        treeSize: 8,
      });
      expect(
        await rejected(shorter, { trustedKey: key, earlier: log.summary.latestCheckpoint.note }),
      ).toMatchObject({ problem: "EarlierCheckpointBeyondExport" });
    });

    it("catches a whole log re-signed with another key when the earlier checkpoint is given, even without --key", async () => {
      const forged = await exportedLog("forged.db", "forged", path.join(directory, "forger-keys"));
      expect(await verifyLines(forged.lines)).toMatchObject({ _tag: "Verified", keySource: "file" });
      expect(await rejected(forged.lines, { earlier: log.summary.latestCheckpoint.note })).toMatchObject({
        problem: "EarlierCheckpointNotSigned",
      });
      expect(await rejected(forged.lines, { trustedKey: key })).toMatchObject({
        problem: "CheckpointNotSigned",
      });
    });
  });
});
