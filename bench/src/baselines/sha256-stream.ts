/**
 * The `verify` row's baselines, run as a child process like the command they stand beside:
 *
 *     node dist/baselines/sha256-stream.js raw FILE     SHA-256 of the file's bytes, read as the verifier
 *                                                       reads it (fs.createReadStream, 64 KiB chunks)
 *     node dist/baselines/sha256-stream.js lines FILE   the same stream decoded as UTF-8 and split into lines
 *                                                       by node:readline, as the verifier does, and a leaf
 *                                                       hash SHA-256(0x00 ‖ line) of every event line
 *
 * Prints what it hashed as JSON, for the row to check against the file it generated.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const [mode, file] = process.argv.slice(2);
if ((mode !== "raw" && mode !== "lines") || file === undefined) {
  process.stderr.write("usage: sha256-stream.js raw|lines FILE\n");
  process.exit(2);
}

if (mode === "raw") {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  process.stdout.write(`${JSON.stringify({ mode, bytes, sha256: hash.digest("hex") })}\n`);
} else {
  const LEAF = Uint8Array.of(0);
  const lines = createInterface({
    input: createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let events = 0;
  let last = "";
  for await (const line of lines) {
    if (!line.startsWith('{"kind":"event"')) continue;
    last = createHash("sha256").update(LEAF).update(line, "utf8").digest("hex");
    events += 1;
  }
  process.stdout.write(`${JSON.stringify({ mode, events, lastLeaf: last })}\n`);
}
