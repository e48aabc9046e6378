/**
 * A SQLite log changed behind the store's back (triggers dropped, rows edited with better-sqlite3): the
 * store still exports what the file holds, and the verifier names the first bad position and its event.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Effect } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { AgencyId, type RecordedEvent } from "../../src/index.js";
import {
  alterPayload,
  appendBatches,
  deleteEvent,
  exportLines,
  runOn,
  sqliteExportLayer,
  swapEvents,
  temporaryDirectory,
  verifyLines,
} from "./log-fixture.js";

const directory = temporaryDirectory("liuhen-tampered-");
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
const keys = path.join(directory, "keys");
const agency = AgencyId.make("qianjiang-msa");
let logs = 0;

/** A log of twelve events with checkpoints at 4, 8 and 12, its verifier key and its file. */
const signedLog = async () => {
  const filename = path.join(directory, `log-${++logs}.db`);
  const layer = sqliteExportLayer(filename, keys);
  const { events, summary } = await runOn(
    layer,
    Effect.gen(function* () {
      const events = yield* appendBatches(agency, [4, 4, 4]);
      const { summary } = yield* exportLines(agency);
      return { events, summary };
    }),
  );
  return { filename, layer, events, key: summary.verifierKey };
};

const exportAndVerify = async (log: {
  layer: Parameters<typeof runOn>[0];
  key: string;
}): Promise<{ report: Awaited<ReturnType<typeof verifyLines>> }> => {
  const { lines } = await runOn(log.layer, exportLines(agency));
  return { report: await verifyLines(lines, { trustedKey: log.key }) };
};

const findingOf = (report: Awaited<ReturnType<typeof verifyLines>>) => {
  if (report._tag !== "Rejected") throw new Error(`expected a rejection: ${JSON.stringify(report)}`);
  return report.finding;
};

const id = (events: ReadonlyArray<RecordedEvent>, leaf: number) => events[leaf]?.id;

describe("a tampered SQLite log, exported and verified", () => {
  it("names the position and id of an event whose payload was changed in the database", async () => {
    const log = await signedLog();
    alterPayload(log.filename, agency, 5, { text: "改过的内容" });
    const { report } = await exportAndVerify(log);
    expect(findingOf(report)).toMatchObject({
      problem: "EventAltered",
      position: 5,
      eventId: id(log.events, 5),
    });
  });

  it("names the position of an event row deleted from the database, and the event found there instead", async () => {
    const log = await signedLog();
    deleteEvent(log.filename, agency, 6);
    const { report } = await exportAndVerify(log);
    expect(findingOf(report)).toMatchObject({
      problem: "EventMissing",
      position: 6,
      eventId: id(log.events, 7),
    });
  });

  it("names the first of two event rows whose positions were swapped in the database, and where its event went", async () => {
    const log = await signedLog();
    swapEvents(log.filename, agency, 3, 9);
    const { report } = await exportAndVerify(log);
    const finding = findingOf(report);
    expect(finding).toMatchObject({ problem: "EventMoved", position: 3, eventId: id(log.events, 9) });
    expect(finding.detail).toContain(`now at position 9 (event ${id(log.events, 3)})`);
  });
});
