/**
 * Who may read a stored file (`GET /attachments/<sha256>`) or name it in a step: the account that stored it,
 * and whoever may read a case file that references it — a wrong-case proceeding whose investigation log
 * (WC.10.2) names its SHA-256, an interference record (IF.3) that does — by the need-to-know that guards the
 * files themselves (the domain's `readAccess`, as in the routers). The person a file is about never reads
 * the files attached to it either. To everyone else a file does not exist: not found, never "forbidden".
 *
 * What the caller learns of a file is what they are entitled to: the name and media type they gave it
 * themselves, or those the referencing file records — never another uploader's.
 */
import {
  type AttachmentRef,
  AttachmentSha256,
  type InterferenceState,
  readAccess,
  type WrongCaseState,
} from "@liuhen/domain";
import { Attachments, Proceedings, type ProceedingView } from "@liuhen/store";
import { Effect, Option, Schema } from "effect";
import type { Caller } from "../context.js";
import { InvalidInput } from "../errors/api-errors.js";
import { UnknownAttachment } from "../errors/attachment-errors.js";
import { viewerOf } from "./case-actor.js";
import {
  interferenceFileFacts,
  interferenceSubjectRoute,
  interferenceSubjects,
} from "./interference-file.js";
import { wrongCaseFileFacts } from "./wrong-case-file.js";

/** Who stores a file, as events name actors: the caller's account. */
export const attachmentActor = (caller: Caller): string => `account:${caller.accountId}`;

/** The references a wrong-case proceeding makes to the file: its investigation acts' (WC.10.2). */
export const wrongCaseReferences = (state: WrongCaseState, sha256: string): ReadonlyArray<AttachmentRef> =>
  state.rounds.flatMap((round) =>
    round.log.flatMap((act) => act.attachments.filter((a) => a.sha256 === sha256)),
  );

/** The references an interference record makes to the file: the record's own (IF.3). */
export const interferenceReferences = (
  state: InterferenceState,
  sha256: string,
): ReadonlyArray<AttachmentRef> => state.record?.attachments.filter((a) => a.sha256 === sha256) ?? [];

/** The case files of the agency that reference the file. */
export const filesReferencing = (agencyId: Caller["agencyId"], sha256: string) =>
  Effect.gen(function* () {
    const proceedings = yield* Proceedings;
    const wrongCases: ReadonlyArray<ProceedingView<WrongCaseState>> = (yield* proceedings.wrongCases(
      agencyId,
    )).filter((view) => wrongCaseReferences(view.state, sha256).length > 0);
    const interferenceRecords: ReadonlyArray<ProceedingView<InterferenceState>> =
      (yield* proceedings.interferenceRecords(agencyId)).filter(
        (view) => interferenceReferences(view.state, sha256).length > 0,
      );
    return { wrongCases, interferenceRecords };
  });

/** The file as a case file the caller may read references it, if there is one. */
const referenceInAReadableFile = (caller: Caller, personId: string, sha256: string) =>
  Effect.gen(function* () {
    const viewer = viewerOf(caller, personId);
    const { wrongCases, interferenceRecords } = yield* filesReferencing(caller.agencyId, sha256);
    for (const view of wrongCases) {
      if (readAccess(viewer, wrongCaseFileFacts(view.state)).read) {
        return Option.fromNullable(wrongCaseReferences(view.state, sha256)[0]);
      }
    }
    for (const view of interferenceRecords) {
      const route = yield* interferenceSubjectRoute(caller.agencyId, interferenceSubjects(view.state));
      if (readAccess(viewer, interferenceFileFacts(view.state, route)).read) {
        return Option.fromNullable(interferenceReferences(view.state, sha256)[0]);
      }
    }
    return Option.none<AttachmentRef>();
  });

const refOf = ({ sha256, name, mediaType, size }: AttachmentRef): AttachmentRef => ({
  sha256,
  name,
  mediaType,
  size,
});

/**
 * The stored file as the caller may know it, if they may read it: as they stored it themselves, or as a case
 * file they may read references it. None both when it is not stored and when they may not: the caller
 * cannot tell the two apart.
 */
export const readableAttachment = (caller: Caller, sha256: string) =>
  Effect.gen(function* () {
    const attachments = yield* Attachments;
    const own = yield* attachments.upload(caller.agencyId, sha256, attachmentActor(caller));
    if (Option.isSome(own)) return Option.some(refOf(own.value));
    // An account linked to no person (a pure administrator) reads no case content.
    if (caller.personId === null || !(yield* attachments.exists(caller.agencyId, sha256))) {
      return Option.none<AttachmentRef>();
    }
    return Option.map(yield* referenceInAReadableFile(caller, caller.personId, sha256), refOf);
  });

/**
 * The file's bytes with the reference the caller may know it by, if they may read it; re-hashed on the way
 * (`AttachmentAltered`).
 */
export const readAttachment = (caller: Caller, sha256: string) =>
  Effect.gen(function* () {
    const readable = yield* readableAttachment(caller, sha256);
    if (Option.isNone(readable))
      return Option.none<{ readonly ref: AttachmentRef; readonly content: Uint8Array }>();
    const stored = yield* Effect.flatMap(Attachments, (attachments) =>
      attachments.get(caller.agencyId, sha256),
    );
    return Option.map(stored, ({ content }) => ({ ref: readable.value, content }));
  });

/** Stores a file as the caller's upload: the reference they will know it by (`Attachments.put`). */
export const storeAttachment = (
  caller: Caller,
  file: { readonly content: Uint8Array; readonly name: string; readonly mediaType: string },
) =>
  Effect.flatMap(Attachments, (attachments) =>
    attachments.put({ agencyId: caller.agencyId, uploadedBy: attachmentActor(caller), ...file }),
  ).pipe(Effect.map(({ attachment, stored }) => ({ ref: refOf(attachment), stored })));

/** The most files one step may name. */
export const MAX_ATTACHMENTS = 20;
/**
 * Files a step rests on, by the SHA-256 the upload answered (`POST /attachments`); the name, media type and
 * size the event records are the store's, never the client's.
 */
export const AttachmentsInput = Schema.optionalWith(
  Schema.Array(Schema.Struct({ sha256: AttachmentSha256 })).pipe(
    Schema.maxItems(MAX_ATTACHMENTS, { message: () => `at most ${MAX_ATTACHMENTS} files` }),
  ),
  { default: () => [] },
);

/**
 * The references a step records: each file named must be stored for the agency and readable by the caller
 * (they stored it, or may read a case file that references it), or the step is refused naming the field
 * (`attachments.0.sha256`) without telling which of the two it was. Naming a file twice is a mistake too.
 */
export const attachmentRefs = (caller: Caller, given: ReadonlyArray<{ readonly sha256: string }>) =>
  Effect.forEach(given, ({ sha256 }, n) =>
    Effect.gen(function* () {
      const path = ["attachments", n, "sha256"];
      if (given.findIndex((other) => other.sha256 === sha256) !== n) {
        return yield* new InvalidInput({ message: `attachments.${n}.sha256: the file is named twice`, path });
      }
      const found = yield* readableAttachment(caller, sha256);
      if (Option.isNone(found)) {
        return yield* new UnknownAttachment({
          message: `attachments.${n}.sha256: no file ${sha256} that you may use is stored; upload it first`,
          path,
          sha256,
        });
      }
      return found.value;
    }),
  );
