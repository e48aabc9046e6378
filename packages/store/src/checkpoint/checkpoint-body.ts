/**
 * The checkpoint an agency's log signs, after C2SP tlog-checkpoint:
 *
 *     liuhen/<agency id>          origin: whose log this is
 *     <tree size>                 decimal
 *     <root hash>                 base64 of the 32-byte RFC 6962 tree head
 *     time <ISO timestamp>        extension line: when the log signed it
 *
 * Pure; `signed-note.ts` signs and opens it.
 */
import type { Hash } from "../merkle/hashing.js";

export interface CheckpointBody {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Hash;
  readonly signedAt: string;
}

/** The origin line, also the signing key's name. */
export const checkpointOrigin = (agencyId: string): string => `liuhen/${agencyId}`;

export const formatCheckpoint = (body: CheckpointBody): string =>
  `${body.origin}\n${body.treeSize}\n${Buffer.from(body.rootHash).toString("base64")}\ntime ${body.signedAt}\n`;

/** Reads a checkpoint text (as `openNote` returns it); undefined if it is not one. */
export const parseCheckpoint = (text: string): CheckpointBody | undefined => {
  const m = /^([^\n]+)\n(0|[1-9][0-9]{0,15})\n([A-Za-z0-9+/]{43}=)\ntime (\S+)\n$/.exec(text);
  if (m === null) return undefined;
  const treeSize = Number(m[2]);
  const rootHash = new Uint8Array(Buffer.from(m[3] as string, "base64"));
  if (!Number.isSafeInteger(treeSize) || rootHash.length !== 32) return undefined;
  if (Buffer.from(rootHash).toString("base64") !== m[3]) return undefined;
  return { origin: m[1] as string, treeSize, rootHash, signedAt: m[4] as string };
};
