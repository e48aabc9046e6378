/**
 * Issuing documents on every backend: GB/T 9704-2012 7.2.3 numbers each kind from 1 every year per agency,
 * and concurrent issues never repeat nor skip a number (the log's optimistic concurrency takes them); each
 * issue is one `Document.Issued` event with the files' SHA-256, found again by its verification code; bad
 * input names its field and writes nothing.
 */
import { createHash } from "node:crypto";
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Exit, Layer, Schema } from "effect";
import {
  AgencyId,
  Attachments,
  Documents,
  EventLog,
  EventType,
  newEvent,
  Projections,
  StreamId,
  withAccounts,
} from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A code from a serial, in the printed form. */
const codeFor = (agency: string, kind: string, serial: number) => {
  const hex = sha256Of(new TextEncoder().encode(`${agency}/${kind}/${serial}`)).toUpperCase();
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const code = [...hex.slice(0, 12)].map((c) => alphabet[Number.parseInt(c, 16)]).join("");
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
};

/** Renders with the serial it is given; a pause lets concurrent issues interleave between read and append. */
const render = (agency: string, kind: string, year: number, renders: Array<number>) => (serial: number) =>
  Effect.gen(function* () {
    renders.push(serial);
    // it.effect runs on the test clock, where a sleep never ends: yield to the other fibers instead.
    for (let i = Math.floor(Math.random() * 5); i > 0; i--) yield* Effect.yieldNow();
    const text = `黔江市监通〔${year}〕${serial}号 ${agency}`;
    return {
      number: `黔江市监通〔${year}〕${serial}号`,
      title: "关于内部人员违反规定干预、插手案件办理情况的通报",
      verificationCode: codeFor(agency, kind, serial),
      textSha256: sha256Of(new TextEncoder().encode(text)),
      citations: ["IF.10"],
      files: [
        {
          format: "pdf" as const,
          bytes: new TextEncoder().encode(`%PDF ${text}`),
          name: "通报.pdf",
          mediaType: "application/pdf",
        },
        {
          format: "docx" as const,
          bytes: new TextEncoder().encode(`PK ${text}`),
          name: "通报.docx",
          mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        },
      ],
    };
  });

export const describeDocuments = (backend: Backend): void => {
  let agencies = 0;
  const store = () => withAccounts(backend.store()).pipe(Layer.orDie);
  /** An agency whose log has begun (its first account was made, say). */
  const newAgency = (name: string) =>
    Effect.gen(function* () {
      const agencyId = AgencyId.make(`${name}-${++agencies}-${Date.now()}`);
      const log = yield* EventLog;
      yield* log.append({
        agencyId,
        streamId: "note/1",
        expectedVersion: 0,
        events: [
          newEvent(NoteWritten, { actor: "operator:test", citations: [], payload: { text: "set up" } }),
        ],
      });
      return agencyId;
    });

  const request = (agencyId: string, kind = "interference-notification", year = 2025) => ({
    agencyId,
    kind,
    year,
    proceeding: { kind: "interference" as const, id: "2025-0001" },
    issuedOn: `${year}-06-30`,
    by: "staff-0001",
    actor: "account:legal-1",
  });

  layer(store(), { timeout: "60 seconds" })(`documents on ${backend.name}`, (it) => {
    it.effect("GB/T 9704 7.2.3: numbers run from 1 each year, separately per kind and per agency", () =>
      Effect.gen(function* () {
        const documents = yield* Documents;
        const a = yield* newAgency("numbering");
        const b = yield* newAgency("numbering");
        const issue = (agency: string, kind: string, year: number) =>
          Effect.map(
            documents.issue(request(agency, kind, year), render(agency, kind, year, [])),
            (d) => d.serial,
          );
        expect(yield* issue(a, "interference-notification", 2025)).toBe(1);
        expect(yield* issue(a, "interference-notification", 2025)).toBe(2);
        expect(yield* issue(a, "committee-decision", 2025)).toBe(1);
        expect(yield* issue(a, "interference-notification", 2026)).toBe(1);
        expect(yield* issue(b, "interference-notification", 2025)).toBe(1);
        expect(yield* issue(a, "interference-notification", 2025)).toBe(3);
      }),
    );

    it.effect("concurrent issues of one kind and year never repeat nor skip a number", () =>
      Effect.gen(function* () {
        const documents = yield* Documents;
        const agency = yield* newAgency("concurrent");
        const renders: Array<number> = [];
        const issued = yield* Effect.all(
          Array.from({ length: 16 }, () =>
            documents.issue(request(agency), render(agency, "interference-notification", 2025, renders)),
          ),
          { concurrency: "unbounded" },
        );
        expect(issued.map((d) => d.serial).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 16 }, (_, i) => i + 1),
        );
        expect(new Set(issued.map((d) => d.number)).size).toBe(16);
        // The log agrees: one event per number, in order, on the kind's numbering stream.
        const log = yield* EventLog;
        const events = yield* log.readStream(
          agency,
          StreamId.make("document-numbers/interference-notification/2025"),
        );
        expect(events.map((e) => (e.payload as { serial: number }).serial)).toEqual(
          Array.from({ length: 16 }, (_, i) => i + 1),
        );
        expect(events.every((e) => e.type === "Document.Issued")).toBe(true);
        // Races were lost and retried with the next number, not skipped.
        expect(renders.length).toBeGreaterThanOrEqual(16);
      }),
    );

    it.effect(
      "the event records each file's SHA-256; the files are kept and the code finds the document",
      () =>
        Effect.gen(function* () {
          const documents = yield* Documents;
          const attachments = yield* Attachments;
          const agency = yield* newAgency("hashes");
          const issued = yield* documents.issue(
            request(agency),
            render(agency, "interference-notification", 2025, []),
          );
          const pdf = new TextEncoder().encode(`%PDF 黔江市监通〔2025〕1号 ${agency}`);
          expect(issued.pdfSha256).toBe(sha256Of(pdf));
          const kept = yield* attachments.get(agency, issued.pdfSha256);
          expect(kept._tag === "Some" && Buffer.from(kept.value.content).equals(Buffer.from(pdf))).toBe(true);
          const found = yield* documents.byCode(issued.verificationCode);
          expect(found.map((d) => [d.agencyId, d.number])).toEqual([[agency, "黔江市监通〔2025〕1号"]]);
          const log = yield* EventLog;
          const [event] = yield* log.readStream(
            agency,
            StreamId.make("document-numbers/interference-notification/2025"),
          );
          expect(event?.payload).toMatchObject({
            verificationCode: issued.verificationCode,
            files: [
              { format: "pdf", sha256: sha256Of(pdf) },
              { format: "docx", sha256: issued.docxSha256 },
            ],
            proceeding: { kind: "interference", id: "2025-0001" },
          });
          expect(
            yield* documents.forProceeding(agency, { kind: "interference", id: "2025-0001" }),
          ).toHaveLength(1);
          expect(yield* documents.byCode("0000-0000-0000")).toEqual([]);
        }),
    );

    it.effect("a rebuild from the log reproduces the issued documents row for row", () =>
      Effect.gen(function* () {
        const documents = yield* Documents;
        const agency = yield* newAgency("rebuild");
        for (const kind of ["committee-decision", "committee-decision", "statement-notice"]) {
          yield* documents.issue(request(agency, kind), render(agency, kind, 2025, []));
        }
        const sql = yield* SqlClient.SqlClient;
        const rows = () =>
          sql`SELECT * FROM issued_documents WHERE agency_id = ${agency} ORDER BY kind, serial`;
        const before = yield* rows();
        expect(before).toHaveLength(3);
        yield* Effect.flatMap(Projections, (projections) => projections.rebuild(agency));
        expect(yield* rows()).toEqual(before);
      }),
    );

    it.effect("a bad kind or year is refused naming the field, and nothing is stored", () =>
      Effect.gen(function* () {
        const documents = yield* Documents;
        const agency = yield* newAgency("refused");
        for (const [bad, field] of [
          [{ ...request(agency), kind: "Not A Kind" }, "kind"],
          [{ ...request(agency), year: 25 }, "year"],
        ] as const) {
          const exit = yield* Effect.exit(documents.issue(bad, render(agency, "x", 2025, [])));
          expect(Exit.isFailure(exit)).toBe(true);
          if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
            expect(exit.cause.error).toMatchObject({ _tag: "InvalidEvent", field });
          }
        }
        const sql = yield* SqlClient.SqlClient;
        const rows = yield* sql<{
          n: number | string;
        }>`SELECT COUNT(*) AS n FROM issued_documents WHERE agency_id = ${agency}`;
        expect(Number(rows[0]?.n)).toBe(0);
      }),
    );
  });
};
