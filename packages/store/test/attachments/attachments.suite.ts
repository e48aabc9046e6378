/**
 * Attached files on every backend: bytes go in and come back exactly (a BLOB on SQLite, BYTEA on PostgreSQL),
 * addressed by their SHA-256 within an agency; the same bytes stored twice are one attachment; bad names and
 * media types write nothing; a row is never rewritten; and bytes changed behind the store's back are refused
 * on every read (`AttachmentAltered`), since the log has committed to their hash. Each case works on an agency
 * of its own.
 */
import { createHash, randomBytes } from "node:crypto";
import { SqlClient } from "@effect/sql";
import { expect, layer } from "@effect/vitest";
import { Effect, Layer, Option, Schema } from "effect";
import { AgencyId, Attachments, EventLog, EventType, newEvent, withAccounts } from "../../src/index.js";
import type { Backend } from "../support/backends.js";

const NoteWritten = EventType("NoteWritten", Schema.Struct({ text: Schema.String }));

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const count = (agencyId: string, table = "attachments") =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(table)} WHERE agency_id = ${agencyId}`,
      (rows) => Number(rows[0]?.n ?? 0),
    ),
  );

export const describeAttachments = (backend: Backend): void => {
  let agencies = 0;
  const store = () => withAccounts(backend.store()).pipe(Layer.orDie);

  /** An agency whose log has begun (its first account was made, say). */
  const openAgency = (name: string) =>
    Effect.gen(function* () {
      const agencyId = AgencyId.make(`${name}-${++agencies}`);
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

  const photo = (agencyId: string, content: Uint8Array, name = "现场照片.jpg") => ({
    agencyId,
    content,
    name,
    mediaType: "image/jpeg",
    uploadedBy: "account:investigator-1",
  });

  layer(store(), { timeout: "120 seconds" })(`attachments on ${backend.name}`, (it) => {
    it.effect("a file comes back byte for byte, addressed by the SHA-256 of its content", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const agencyId = yield* openAgency("round-trip");
        // Every byte value, NUL included, and a megabyte of noise.
        const files = [Uint8Array.from({ length: 256 }, (_, i) => i), new Uint8Array(randomBytes(1 << 20))];
        for (const content of files) {
          const { attachment, stored } = yield* attachments.put(photo(agencyId, content));
          expect(stored).toBe(true);
          expect(attachment).toMatchObject({
            sha256: sha256Of(content),
            name: "现场照片.jpg",
            mediaType: "image/jpeg",
            size: content.byteLength,
            uploadedBy: "account:investigator-1",
          });
          const read = Option.getOrThrow(yield* attachments.get(agencyId, attachment.sha256));
          expect(read.attachment).toEqual(attachment);
          expect(Buffer.from(read.content).equals(Buffer.from(content))).toBe(true);
          expect(yield* attachments.find(agencyId, attachment.sha256)).toEqual(Option.some(attachment));
          expect(yield* attachments.exists(agencyId, attachment.sha256)).toBe(true);
        }
        // An empty file is a file too.
        const empty = yield* attachments.put(photo(agencyId, new Uint8Array(0), "空白.txt"));
        expect(empty.attachment.sha256).toBe(sha256Of(new Uint8Array(0)));
        const readEmpty = Option.getOrThrow(yield* attachments.get(agencyId, empty.attachment.sha256));
        expect(readEmpty.content.byteLength).toBe(0);
      }),
    );

    it.effect("a file belongs to its agency: another agency does not find it", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const agencyId = yield* openAgency("mine");
        const other = yield* openAgency("theirs");
        const { attachment } = yield* attachments.put(photo(agencyId, Buffer.from("询问笔录")));
        expect(Option.isNone(yield* attachments.get(other, attachment.sha256))).toBe(true);
        expect(yield* attachments.exists(other, attachment.sha256)).toBe(false);
        // Not a hash at all: nothing to find, nothing asked of the database.
        for (const sha of ["", "A".repeat(64), `${attachment.sha256}0`, "' OR 1=1 --"]) {
          expect(yield* attachments.exists(agencyId, sha)).toBe(false);
          expect(Option.isNone(yield* attachments.get(agencyId, sha))).toBe(true);
        }
      }),
    );

    it.effect("the same content stored twice is one blob; each uploader keeps the name they gave", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const agencyId = yield* openAgency("twice");
        const content = Buffer.from("同一份材料");
        const first = yield* attachments.put(photo(agencyId, content, "举报人提供的材料.pdf"));
        const again = yield* attachments.put(photo(agencyId, content, "改了名字.pdf"));
        expect(first.stored).toBe(true);
        expect(again.stored).toBe(false);
        // The same uploader again: nothing changes, not even the name.
        expect(again.attachment).toEqual(first.attachment);
        // Someone else with the same bytes: their own name and type back, not the first uploader's.
        const other = yield* attachments.put({
          ...photo(agencyId, content, "另一个名字.pdf"),
          mediaType: "application/pdf",
          uploadedBy: "account:someone-else",
        });
        expect(other.stored).toBe(false);
        expect(other.attachment).toMatchObject({
          sha256: first.attachment.sha256,
          name: "另一个名字.pdf",
          mediaType: "application/pdf",
          size: content.byteLength,
          uploadedBy: "account:someone-else",
        });
        expect(yield* attachments.find(agencyId, first.attachment.sha256)).toEqual(
          Option.some(first.attachment),
        );
        expect(
          Option.isNone(yield* attachments.upload(agencyId, first.attachment.sha256, "account:nobody")),
        ).toBe(true);
        expect(yield* count(agencyId)).toBe(1);
        expect(yield* count(agencyId, "attachment_uploads")).toBe(2);
        // Twice at once: still one row, and both answers name it.
        const both = yield* Effect.all(
          [
            attachments.put(photo(agencyId, Buffer.from("并发"))),
            attachments.put(photo(agencyId, Buffer.from("并发"))),
          ],
          { concurrency: 2 },
        );
        expect(both.filter((b) => b.stored)).toHaveLength(1);
        expect(both[0]?.attachment).toEqual(both[1]?.attachment);
        expect(yield* count(agencyId)).toBe(2);
      }),
    );

    it.effect("a bad name or media type is refused naming it, and nothing is written", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const agencyId = yield* openAgency("bad");
        const cases: ReadonlyArray<readonly [Partial<ReturnType<typeof photo>>, string]> = [
          [{ name: "" }, "name"],
          [{ name: "../../etc/passwd" }, "name"],
          [{ name: "a\u0000b.jpg" }, "name"],
          [{ name: "名".repeat(201) }, "name"],
          [{ mediaType: "image/JPEG; charset=x" }, "mediaType"],
          [{ mediaType: "" }, "mediaType"],
        ];
        for (const [change, field] of cases) {
          const error = yield* Effect.flip(
            attachments.put({ ...photo(agencyId, Buffer.from("x")), ...change }),
          );
          expect(error._tag, JSON.stringify(change)).toBe("InvalidAttachment");
          expect((error as { field?: string }).field, JSON.stringify(change)).toBe(field);
        }
        expect(yield* count(agencyId)).toBe(0);
        expect(yield* count(agencyId, "attachment_uploads")).toBe(0);
      }),
    );

    it.effect("a stored file is never rewritten: UPDATE is refused", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = yield* openAgency("rewrite");
        const { attachment } = yield* attachments.put(photo(agencyId, Buffer.from("原件")));
        const rewrite = yield* Effect.either(
          sql`UPDATE attachments SET content = ${Buffer.from("伪造")}
            WHERE agency_id = ${agencyId} AND sha256 = ${attachment.sha256}`,
        );
        expect(rewrite._tag).toBe("Left");
        const read = Option.getOrThrow(yield* attachments.get(agencyId, attachment.sha256));
        expect(Buffer.from(read.content).toString()).toBe("原件");
      }),
    );

    it.effect("bytes swapped behind the store's back are refused on reading (AttachmentAltered)", () =>
      Effect.gen(function* () {
        const attachments = yield* Attachments;
        const sql = yield* SqlClient.SqlClient;
        const agencyId = yield* openAgency("swapped");
        const { attachment } = yield* attachments.put(photo(agencyId, Buffer.from("询问笔录：原件")));
        // An intruder cannot UPDATE, but can delete the row and write another under the same hash.
        const forged = Buffer.from("询问笔录：伪造");
        yield* sql`DELETE FROM attachments WHERE agency_id = ${agencyId} AND sha256 = ${attachment.sha256}`;
        yield* sql`INSERT INTO attachments ${sql.insert({
          agency_id: agencyId,
          sha256: attachment.sha256,
          media_type: attachment.mediaType,
          size: forged.byteLength,
          content: forged,
          name: attachment.name,
          uploaded_by: attachment.uploadedBy,
          uploaded_at: attachment.uploadedAt,
        })}`;
        const error = yield* Effect.flip(attachments.get(agencyId, attachment.sha256));
        expect(error._tag).toBe("AttachmentAltered");
        expect(error).toMatchObject({ agencyId, sha256: attachment.sha256 });
        // Storing the true bytes again does not repair it quietly: the row is kept as it is.
        const again = yield* attachments.put(photo(agencyId, Buffer.from("询问笔录：原件")));
        expect(again.stored).toBe(false);
        expect((yield* Effect.flip(attachments.get(agencyId, attachment.sha256)))._tag).toBe(
          "AttachmentAltered",
        );
      }),
    );
  });
};
