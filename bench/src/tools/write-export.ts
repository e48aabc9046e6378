/**
 * An export file to profile `liuhen verify` on, the one the `verify` row measures:
 * `node bench/dist/tools/write-export.js [events] [file]` writes FILE (default /tmp/liuhen-export.jsonl) and
 * FILE.key, the verifier key to pass to `liuhen verify FILE --key FILE.key`.
 */
import { writeFileSync } from "node:fs";
import { writeExportFile } from "../corpus/export-file.js";
import { EXPORT_SEED } from "../rows/verify.js";

const events = Number(process.argv[2] ?? "20000");
const path = process.argv[3] ?? "/tmp/liuhen-export.jsonl";
const file = await writeExportFile({ path, events, seed: EXPORT_SEED });
writeFileSync(`${path}.key`, `${file.verifierKey}\n`);
process.stdout.write(
  `${path}: ${file.events} events, ${file.checkpoints} checkpoints, ${(file.bytes / 1e6).toFixed(1)} MB, head ${file.rootHash}\nkey: ${path}.key\n`,
);
