/**
 * The `http` row's baseline, run as a child process: a bare `node:http` handler doing what
 * `interference.record` does at its core — parse the body, categorise the contact with the domain (the same
 * `assess`, explanation and decision receipt), and open the record through the store
 * (`openInterferenceRecord`: numbering, append and projection in one transaction) on a SQLite file — with no
 * tRPC, no authentication, no input Schema, no directory lookups and no protection alerts.
 *
 * `node bare-record-server.js <data-dir>`: listens on a free port of 127.0.0.1 and prints {"port": n}.
 */
import { createServer } from "node:http";
import { join } from "node:path";
import {
  assess,
  decisionReceipt,
  explain,
  InterferenceRecorded,
  isContractError,
  qianjiangRegime,
} from "@liuhen/domain";
import { AgencyId, openInterferenceRecord, proceedingsLayer, sqliteStoreLayer } from "@liuhen/store";
import { Layer, ManagedRuntime } from "effect";
import type { RecordRequest } from "./record-request.js";

const dataDir = process.argv[2];
if (dataDir === undefined) {
  process.stderr.write("usage: bare-record-server <data-dir>\n");
  process.exit(2);
}

const AGENCY = AgencyId.make("qianjiang-msa");
const HANDLER = "person-bench-handler";
const runtime = ManagedRuntime.make(
  proceedingsLayer().pipe(
    Layer.provideMerge(
      sqliteStoreLayer({ filename: join(dataDir, "liuhen.db"), keyDirectory: join(dataDir, "keys") }),
    ),
  ),
);

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

const record = async (body: RecordRequest) => {
  const request = {
    kind: "interference",
    regime: qianjiangRegime.id,
    asOf: body.time.slice(0, 10),
    person: { relation: body.person.relation, role: body.capacity },
    acts: body.acts,
    method: body.method,
    viaProcedure: body.viaProcedure,
    recorded: true,
    onBehalfOfParty: false,
  };
  const result = assess(request);
  if (isContractError(result) || result.kind !== "interference")
    throw new Error("not an interference result");
  const categorisation = {
    request,
    result,
    receipt: { ...decisionReceipt(qianjiangRegime, request, result) },
    explanation: {
      zh: explain(qianjiangRegime, result.basis, "zh"),
      en: explain(qianjiangRegime, result.basis, "en"),
    },
  };
  const opened = await runtime.runPromise(
    openInterferenceRecord(
      AGENCY,
      "account:bench-handler",
      InterferenceRecorded.make({
        date: today(),
        handler: HANDLER,
        caseRef: body.caseRef,
        elements: {
          time: body.time,
          place: body.place,
          person: body.person.other,
          method: body.method,
          content: body.content,
        },
        response: body.response,
        categorisation,
        attachments: [],
      }),
    ),
  );
  return { recordId: opened.recordId, version: opened.version, categorisation: result };
};

const server = createServer((req, res) => {
  const chunks: Array<Buffer> = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    record(JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordRequest).then(
      (answer) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      },
    );
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === "object" && address !== null ? address.port : 0 })}\n`,
  );
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    runtime.dispose().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
