/**
 * Files attached to steps (WC.10.2 调阅有关案件材料、询问执法责任人……; IF.3 全面、如实记录), kept per agency and
 * addressed by the SHA-256 of their bytes (table `attachments`, migration `0012_attachments`).
 *
 * - Content-addressed: the same bytes are the same attachment, stored once (`attachments`, with the name,
 *   media type and uploader it was first stored with). Each account that stores them is recorded once with
 *   the name and media type it gave (`attachment_uploads`): a second uploader gets their own back, never
 *   learning the first's. Storing the same bytes again under the same account writes nothing.
 * - Beside the log, not derived from it: the log commits to a file through the hash in the event that
 *   references it. Every read re-hashes the bytes; a file that no longer matches fails with
 *   `AttachmentAltered` and is never served.
 * - Who may read a file is the API's business (need-to-know on the case files that reference it); this
 *   service only keeps and checks bytes.
 */
import { createHash } from "node:crypto";
import { SqlClient } from "@effect/sql";
import type { SqlError } from "@effect/sql/SqlError";
import {
  AttachmentName,
  type AttachmentRef,
  AttachmentSha256,
  AttachmentSize,
  MediaType,
} from "@liuhen/domain";
import { Clock, Context, Effect, Either, Layer, Option, ParseResult, Schema } from "effect";
import { DbInt } from "../event-log/rows.js";
import { AttachmentAltered, InvalidAttachment } from "./errors.js";

/** A stored file as a step references it, with who stored it (first, for the blob itself) and when. */
export interface AttachmentInfo extends AttachmentRef {
  /** The actor who stored it, as events name actors (`account:<id>`). */
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

/** A stored file with its bytes, checked against its hash. */
export interface AttachmentContent {
  readonly attachment: AttachmentInfo;
  readonly content: Uint8Array;
}

export interface NewAttachment {
  readonly agencyId: string;
  readonly content: Uint8Array;
  readonly name: string;
  readonly mediaType: string;
  /** Who stores it, as events name actors (`account:<id>`). */
  readonly uploadedBy: string;
}

export interface AttachmentsService {
  /**
   * Stores a file, or finds its bytes stored already (the same bytes in the same agency): `stored` says
   * whether they were new. The answer is the file as this uploader stored it: the name and media type they
   * gave (the first time, if they stored the same bytes before).
   */
  readonly put: (
    attachment: NewAttachment,
  ) => Effect.Effect<
    { readonly attachment: AttachmentInfo; readonly stored: boolean },
    InvalidAttachment | AttachmentAltered | SqlError
  >;
  /** What is known of a stored file, without its bytes: its first upload's name and media type. */
  readonly find: (
    agencyId: string,
    sha256: string,
  ) => Effect.Effect<Option.Option<AttachmentInfo>, AttachmentAltered | SqlError>;
  /** The file as `uploadedBy` stored it, if they did and its bytes are still kept. */
  readonly upload: (
    agencyId: string,
    sha256: string,
    uploadedBy: string,
  ) => Effect.Effect<Option.Option<AttachmentInfo>, AttachmentAltered | SqlError>;
  readonly exists: (agencyId: string, sha256: string) => Effect.Effect<boolean, AttachmentAltered | SqlError>;
  /** A stored file with its bytes, re-hashed: `AttachmentAltered` if they no longer match. */
  readonly get: (
    agencyId: string,
    sha256: string,
  ) => Effect.Effect<Option.Option<AttachmentContent>, AttachmentAltered | SqlError>;
}

const sha256Of = (content: Uint8Array): string => createHash("sha256").update(content).digest("hex");

const InfoRow = Schema.Struct({
  sha256: AttachmentSha256,
  name: AttachmentName,
  media_type: MediaType,
  size: Schema.compose(DbInt, AttachmentSize),
  uploaded_by: Schema.String,
  uploaded_at: Schema.String,
});
const decodeInfoRow = Schema.decodeUnknownEither(InfoRow);
const isSha256 = Schema.is(AttachmentSha256);
const decodeName = Schema.decodeUnknownEither(AttachmentName);
const decodeMediaType = Schema.decodeUnknownEither(MediaType);

const INFO_COLUMNS = "sha256, name, media_type, size, uploaded_by, uploaded_at";
const UPLOAD_COLUMNS = "u.sha256, u.name, u.media_type, a.size, u.uploaded_by, u.uploaded_at";

export const makeAttachments = (sql: SqlClient.SqlClient): AttachmentsService => {
  /** A row read back: a row that fails its Schema was changed behind the store's back. */
  const infoOf = (agencyId: string, sha256: string, row: unknown) =>
    Either.match(decodeInfoRow(row), {
      onLeft: () => Effect.fail(new AttachmentAltered({ agencyId, sha256 })),
      onRight: (r) =>
        r.sha256 === sha256
          ? Effect.succeed<AttachmentInfo>({
              sha256: r.sha256,
              name: r.name,
              mediaType: r.media_type,
              size: r.size,
              uploadedBy: r.uploaded_by,
              uploadedAt: r.uploaded_at,
            })
          : Effect.fail(new AttachmentAltered({ agencyId, sha256 })),
    });

  const find: AttachmentsService["find"] = (agencyId, sha256) =>
    isSha256(sha256)
      ? sql`SELECT ${sql.literal(INFO_COLUMNS)} FROM attachments
          WHERE agency_id = ${agencyId} AND sha256 = ${sha256}`.pipe(
          Effect.flatMap((rows) =>
            rows[0] === undefined ? Effect.succeedNone : Effect.asSome(infoOf(agencyId, sha256, rows[0])),
          ),
        )
      : Effect.succeedNone;

  const upload: AttachmentsService["upload"] = (agencyId, sha256, uploadedBy) =>
    isSha256(sha256)
      ? sql`SELECT ${sql.literal(UPLOAD_COLUMNS)} FROM attachment_uploads u
          JOIN attachments a ON a.agency_id = u.agency_id AND a.sha256 = u.sha256
          WHERE u.agency_id = ${agencyId} AND u.sha256 = ${sha256} AND u.uploaded_by = ${uploadedBy}`.pipe(
          Effect.flatMap((rows) =>
            rows[0] === undefined ? Effect.succeedNone : Effect.asSome(infoOf(agencyId, sha256, rows[0])),
          ),
        )
      : Effect.succeedNone;

  return {
    put: ({ agencyId, content, name, mediaType, uploadedBy }) =>
      Effect.gen(function* () {
        const validName = decodeName(name);
        if (Either.isLeft(validName)) {
          return yield* new InvalidAttachment({ field: "name", detail: firstMessage(validName.left) });
        }
        const validType = decodeMediaType(mediaType);
        if (Either.isLeft(validType)) {
          return yield* new InvalidAttachment({ field: "mediaType", detail: firstMessage(validType.left) });
        }
        const sha256 = sha256Of(content);
        const uploadedAt = new Date(yield* Clock.currentTimeMillis).toISOString();
        // Both drivers take a Buffer as bytes: better-sqlite3 binds it as a BLOB, node-postgres as BYTEA.
        const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
        const inserted = yield* sql.withTransaction(
          Effect.gen(function* () {
            const inserted = yield* sql`INSERT INTO attachments ${sql.insert({
              agency_id: agencyId,
              sha256,
              media_type: validType.right,
              size: content.byteLength,
              content: bytes,
              name: validName.right,
              uploaded_by: uploadedBy,
              uploaded_at: uploadedAt,
            })} ON CONFLICT (agency_id, sha256) DO NOTHING RETURNING sha256`;
            yield* sql`INSERT INTO attachment_uploads ${sql.insert({
              agency_id: agencyId,
              sha256,
              uploaded_by: uploadedBy,
              name: validName.right,
              media_type: validType.right,
              uploaded_at: uploadedAt,
            })} ON CONFLICT (agency_id, sha256, uploaded_by) DO NOTHING`;
            return inserted;
          }),
        );
        const kept = yield* upload(agencyId, sha256, uploadedBy);
        if (Option.isNone(kept)) return yield* Effect.dieMessage(`attachment ${sha256} does not read back`);
        return { attachment: kept.value, stored: inserted.length > 0 };
      }),
    find,
    upload,
    exists: (agencyId, sha256) => Effect.map(find(agencyId, sha256), Option.isSome),
    get: (agencyId, sha256) =>
      isSha256(sha256)
        ? Effect.gen(function* () {
            const rows = yield* sql`SELECT ${sql.literal(INFO_COLUMNS)}, content FROM attachments
              WHERE agency_id = ${agencyId} AND sha256 = ${sha256}`;
            const row = rows[0];
            if (row === undefined) return Option.none();
            const attachment = yield* infoOf(agencyId, sha256, row);
            const content: unknown = (row as { readonly content?: unknown }).content;
            // SQLite would keep text written over a BLOB as text: anything but the right bytes is altered.
            if (
              !(content instanceof Uint8Array) ||
              content.byteLength !== attachment.size ||
              sha256Of(content) !== sha256
            ) {
              return yield* new AttachmentAltered({ agencyId, sha256 });
            }
            return Option.some({ attachment, content });
          })
        : Effect.succeedNone,
  };
};

const firstMessage = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)[0]?.message ??
  ParseResult.TreeFormatter.formatErrorSync(error);

export class Attachments extends Context.Tag("@liuhen/store/Attachments")<Attachments, AttachmentsService>() {
  static readonly layer: Layer.Layer<Attachments, never, SqlClient.SqlClient> = Layer.effect(
    Attachments,
    Effect.map(SqlClient.SqlClient, makeAttachments),
  );
}
