/**
 * A genuine `liuhen-log-export` file (packages/store/src/export/README.md) of one agency's log, built
 * directly from generated proceeding events with the store's own functions — the canonical encoding
 * (`canonicalEventText`), RFC 6962 leaf hashing and the Merkle frontier (`Merkle`), C2SP checkpoint text and
 * signed notes (`formatCheckpoint`, `signNote`, `verifierKey`) — instead of appending the events through a
 * database first, which would take hours for a million events. The lines are those `exportLog` writes.
 *
 * The log it stands for: events one every 1–62 s (about a million a year), a checkpoint signed every 10
 * minutes of that clock when the log grew (the server's default, LIUHEN_CHECKPOINT_INTERVAL in
 * apps/server/src/config.ts) and one at the end, with an Ed25519 key made for the run. Seeded: the same seed
 * and size give the same events, leaf hashes and tree heads (the signatures and the key differ per run).
 *
 * The header and checkpoints come first in the file but are known only once every event is hashed, so the
 * event lines are written to a scratch file and copied after them, hashed on the way (the SHA-256 of the
 * whole file, for the baselines to agree with).
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { closeSync, createReadStream, openSync, rmSync, statSync, writeSync } from "node:fs";
import {
  canonicalEventText,
  checkpointOrigin,
  completedSubtrees,
  type Event,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  formatCheckpoint,
  Merkle,
  signNote,
  verifierKey,
} from "@liuhen/store";
import { seededRandom } from "../lib/random.js";
import { eventSource } from "./generate.js";

/** The server's default checkpoint interval (apps/server/src/config.ts, DEFAULT_CHECKPOINT_INTERVAL). */
export const CHECKPOINT_INTERVAL_MS = 10 * 60 * 1000;
const FIRST_EVENT_AT = Date.UTC(2025, 0, 6, 0, 30);

export interface ExportFileOptions {
  readonly path: string;
  readonly events: number;
  readonly seed: string;
  readonly agencyId?: string | undefined;
}

export interface GeneratedExport {
  readonly path: string;
  readonly agencyId: string;
  readonly events: number;
  readonly checkpoints: number;
  /** The tree head at `events`, hex: what the verifier must report. */
  readonly rootHash: string;
  /** The agency's verifier key (C2SP form), to pass to `liuhen verify --key`. */
  readonly verifierKey: string;
  readonly bytes: number;
  /** Where the first event line starts, and the bytes of the event lines (line breaks included). */
  readonly eventsOffset: number;
  readonly eventBytes: number;
  /** SHA-256 of the whole file, hex. */
  readonly sha256: string;
}

/** A UUID (version 4 layout) drawn from a seeded source, so event ids repeat from run to run. */
const uuidFrom = (next: () => number) => () => {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(next() * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Buffered synchronous writes to a file descriptor (fast, and nothing is left pending on a throw). */
const writer = (fd: number) => {
  let chunks: Array<string> = [];
  let size = 0;
  let written = 0;
  const flush = () => {
    if (chunks.length === 0) return;
    const buffer = Buffer.from(chunks.join(""), "utf8");
    writeSync(fd, buffer);
    written += buffer.length;
    chunks = [];
    size = 0;
  };
  return {
    line: (text: string) => {
      chunks.push(text, "\n");
      size += text.length + 1;
      if (size >= 1 << 20) flush();
    },
    flush,
    written: () => written,
  };
};

export const writeExportFile = async (options: ExportFileOptions): Promise<GeneratedExport> => {
  const agencyId = options.agencyId ?? "qianjiang-msa";
  const origin = checkpointOrigin(agencyId);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const key = verifierKey(origin, publicKey);
  const source = eventSource({ seed: options.seed, agencies: { [agencyId]: 1 } });
  const r = seededRandom(`${options.seed}/clock`);
  const uuid = uuidFrom(r.next);

  const checkpointLines: Array<string> = [];
  const sign = (size: number, root: Merkle.Hash, at: number) => {
    const signedAt = new Date(at).toISOString();
    const note = signNote(
      formatCheckpoint({ origin, treeSize: size, rootHash: root, signedAt }),
      origin,
      privateKey,
    );
    checkpointLines.push(
      JSON.stringify({
        kind: "checkpoint",
        tree_size: size,
        root_hash: Merkle.toHex(root),
        signed_at: signedAt,
        note,
      }),
    );
  };

  const scratch = `${options.path}.events`;
  const eventsFd = openSync(scratch, "w", 0o600);
  let frontier: Merkle.Frontier = Merkle.emptyFrontier;
  let clock = FIRST_EVENT_AT;
  let nextCheckpointAt = FIRST_EVENT_AT + CHECKPOINT_INTERVAL_MS;
  let signedSize = 0;
  try {
    const out = writer(eventsFd);
    for (let i = 0; i < options.events; i++) {
      clock += r.int(1, 62) * 1000;
      // The signer's pass at each 10-minute tick signs the head as it was then, if the log grew.
      for (; clock >= nextCheckpointAt; nextCheckpointAt += CHECKPOINT_INTERVAL_MS) {
        if (frontier.size > signedSize) {
          sign(frontier.size, Merkle.frontierRoot(frontier), nextCheckpointAt);
          signedSize = frontier.size;
        }
      }
      const e = source.next();
      const event = {
        id: uuid(),
        agencyId,
        streamId: e.streamId,
        streamVersion: e.expectedVersion + 1,
        type: e.type,
        actor: e.actor,
        occurredAt: new Date(clock).toISOString(),
        citations: e.citations,
        payload: e.payload,
      } as unknown as Event;
      const text = canonicalEventText(event);
      const leaf = Merkle.leafHash(Buffer.from(text, "utf8"));
      const appended = Merkle.appendLeaves(frontier, [leaf]);
      frontier = appended.frontier;
      // `completed` lists the subtrees this leaf completes, level 1 upwards: what the database records.
      const subtrees = appended.completed.map((s) => Merkle.toHex(s.hash));
      if (subtrees.length !== completedSubtrees(i).length) {
        throw new Error(`leaf ${i}: ${subtrees.length} completed subtrees, the format expects another count`);
      }
      out.line(
        `{"kind":"event","leaf_index":${i},"leaf_hash":"${Merkle.toHex(leaf)}","subtrees":${JSON.stringify(subtrees)},"event":${text}}`,
      );
    }
    out.flush();
  } finally {
    closeSync(eventsFd);
  }
  // The checkpoint at the exported size (export signs one if the log has none there).
  const root = Merkle.frontierRoot(frontier);
  if (signedSize !== frontier.size) sign(frontier.size, root, clock + 1000);

  const fileFd = openSync(options.path, "w", 0o600);
  const whole = createHash("sha256");
  let eventsOffset = 0;
  try {
    const prefix = `${[
      JSON.stringify({
        kind: "header",
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        agency_id: agencyId,
        verifier_key: key,
        tree_size: frontier.size,
        exported_at: new Date(clock + 2000).toISOString(),
      }),
      ...checkpointLines,
    ].join("\n")}\n`;
    const head = Buffer.from(prefix, "utf8");
    writeSync(fileFd, head);
    whole.update(head);
    eventsOffset = head.length;
    for await (const chunk of createReadStream(scratch, { highWaterMark: 1 << 20 })) {
      writeSync(fileFd, chunk as Buffer);
      whole.update(chunk as Buffer);
    }
  } finally {
    closeSync(fileFd);
    rmSync(scratch, { force: true });
  }
  const bytes = statSync(options.path).size;
  return {
    path: options.path,
    agencyId,
    events: frontier.size,
    checkpoints: checkpointLines.length,
    rootHash: Merkle.toHex(root),
    verifierKey: key,
    bytes,
    eventsOffset,
    eventBytes: bytes - eventsOffset,
    sha256: whole.digest("hex"),
  };
};
