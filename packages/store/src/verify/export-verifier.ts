/**
 * The offline verifier of an export (export/README.md), one line at a time, in O(log n) memory besides the
 * signed heads: no database, no server. What it decides on rests only on what a signature checked with the
 * trusted key covers:
 *
 * - every signed head (each checkpoint of the file, and the earlier checkpoint the auditor kept) must be the
 *   RFC 6962 head of the events' recomputed leaf hashes at its size (a frontier of perfect subtrees, one per
 *   level, is all it keeps);
 * - leaf indexes run 0, 1, 2, … without gap or repeat, and every event is covered by a signed head.
 *
 * Where it fails, it names the first bad position. The hashes the database recorded (leaf and subtree
 * hashes, carried in the file) are claims: they are used only to locate a change, and only as far as they
 * hash up to the signed head that failed. Walking down from that head through recorded hashes that agree
 * with their children, towards the leftmost subtree whose recomputed hash differs, ends at one leaf (an
 * altered event), at a pair of leaves whose recorded hashes were also changed (then a later event that
 * completes the pair's recorded hash shows which one moved), or at the smallest range the recorded hashes
 * allow. The walk is done bottom-up as subtrees complete, so nothing already read is needed again.
 */
import { Effect, Either, ParseResult, Schema } from "effect";
import { checkpointOrigin, parseCheckpoint } from "../checkpoint/checkpoint-body.js";
import { openNote, parseVerifierKey, type Verifier } from "../checkpoint/signed-note.js";
import { eventLeafHash } from "../event-log/canonical-encoding.js";
import type { Event } from "../event-log/event.js";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportCheckpoint,
  ExportEvent,
  type ExportHeader,
  ExportHeader as ExportHeaderSchema,
  plainExportEvent,
  subtreesCompletedBy,
} from "../export/export-format.js";
import { emptyTreeHash, fromHex, type Hash, hashEquals, nodeHash, toHex } from "../merkle/hashing.js";
import { EarlierCheckpointInvalid, TrustedKeyInvalid } from "./errors.js";
import type { Finding, KeySource, Problem, Rejected, VerificationReport } from "./verification-report.js";

export interface ExportVerifierOptions {
  /**
   * The verifier key the auditor trusts (`liuhen/<agency>+<id>+<key>`). Without it the file's own key is
   * used, which shows only that the file agrees with itself; the report says so.
   */
  readonly trustedKey?: string | undefined;
  /** A checkpoint the auditor kept from before: a signed note, or a checkpoint line of an export. */
  readonly earlier?: string | undefined;
}

/** A checkpoint whose signature verified, as the verifier read it. */
export interface VerifiedCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signedAt: string;
  readonly note: string;
}

/** What one line held, once read; an event is not yet proven until the next signed head. */
export type LineRead =
  | { readonly _tag: "Header"; readonly header: ExportHeader }
  | { readonly _tag: "Checkpoint"; readonly checkpoint: VerifiedCheckpoint }
  | {
      readonly _tag: "Event";
      readonly position: number;
      readonly event: Event;
      /** Recomputed from the event, not the recorded one. */
      readonly leafHash: Hash;
    }
  /** A blank line, or a line read after the verdict only to locate the change it found. */
  | { readonly _tag: "Skipped" }
  | { readonly _tag: "Rejected"; readonly report: Rejected };

export interface ExportVerifier {
  /** Reads the next line (without its line break). After a rejection every line is answered with it. */
  readonly push: (line: string) => LineRead;
  /** The verdict, once the file has ended. */
  readonly end: () => VerificationReport;
}

/** A signed head to hold the tree against once it reaches `size` events. */
interface Head {
  readonly size: number;
  readonly root: Hash;
  readonly source: "checkpoint" | "earlier";
}

/**
 * Where, below a subtree, the first leaf lies whose recomputed hash differs from the leaf the subtree's
 * recorded hash stands for, supposing that recorded hash is genuine.
 */
type Located =
  | {
      readonly _tag: "Leaf";
      readonly position: number;
      readonly eventId: string;
      readonly problem: Problem;
      readonly detail: string;
    }
  | { readonly _tag: "Pair"; readonly search: PairSearch }
  | { readonly _tag: "Range"; readonly start: number; readonly end: number; readonly eventId: string };

/**
 * Two adjacent leaves whose recorded hashes do not make up their recorded parent: both may have moved with
 * their events. A later event whose leaf completes the parent with one of the two shows which one.
 */
interface PairSearch {
  readonly start: number;
  readonly target: Hash;
  readonly left: { readonly r: Hash; readonly eventId: string };
  readonly right: { readonly r: Hash; readonly eventId: string };
  found: Located | undefined;
}

/** A perfect subtree on the right edge: recomputed hash, recorded (claimed) hash, and what differs below. */
interface Node {
  readonly level: number;
  readonly start: number;
  readonly r: Hash;
  readonly c: Hash;
  readonly firstEventId: string;
  /** Undefined exactly when `r` equals `c`. */
  readonly located: Located | undefined;
}

const foldRoot = (nodes: ReadonlyArray<Node>, pick: (node: Node) => Hash): Hash => {
  const last = nodes[nodes.length - 1];
  if (last === undefined) return emptyTreeHash;
  let hash = pick(last);
  for (let i = nodes.length - 2; i >= 0; i--) hash = nodeHash(pick(nodes[i] as Node), hash);
  return hash;
};

const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text === "" ? name : `${text}.${name}`;
  }, "");

/** A parse error as the field it concerns and what is wrong there (the deepest issue names it best). */
const describeParseError = (error: ParseResult.ParseError): { field: string; message: string } => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error);
  const deepest = issues.reduce<(typeof issues)[number] | undefined>(
    (best, issue) => (best === undefined || issue.path.length > best.path.length ? issue : best),
    undefined,
  );
  return {
    field: deepest === undefined || deepest.path.length === 0 ? "(line)" : formatPath(deepest.path),
    message: deepest?.message ?? ParseResult.TreeFormatter.formatErrorSync(error),
  };
};

const decodeOptions = { errors: "first", onExcessProperty: "error" } as const;
const decodeHeader = Schema.decodeUnknownEither(ExportHeaderSchema, decodeOptions);
const decodeCheckpoint = Schema.decodeUnknownEither(ExportCheckpoint, decodeOptions);
const decodeEventWithSchema = Schema.decodeUnknownEither(ExportEvent, decodeOptions);
/** An event line decoded: by plain checks when they accept it, otherwise by the Schema, which names the field. */
const decodeEvent = (json: unknown) => {
  const plain = plainExportEvent(json);
  return plain === undefined ? decodeEventWithSchema(json) : Either.right(plain);
};

/** The checkpoint text of a signed note, unverified: for reading an earlier checkpoint before the key is known. */
const noteText = (note: string): string | undefined => {
  const split = note.lastIndexOf("\n\n");
  return split < 0 ? undefined : note.slice(0, split + 1);
};

/** An earlier checkpoint as the auditor kept it: the signed note itself, or a checkpoint line of an export. */
export const readEarlierCheckpoint = (text: string): Either.Either<string, EarlierCheckpointInvalid> => {
  const trimmed = text.trimStart();
  let note = text;
  if (trimmed.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (cause) {
      return Either.left(new EarlierCheckpointInvalid({ reason: `not JSON: ${String(cause)}` }));
    }
    const line = decodeCheckpoint(json);
    if (Either.isLeft(line)) {
      const { field, message } = describeParseError(line.left);
      return Either.left(new EarlierCheckpointInvalid({ reason: `${field}: ${message}` }));
    }
    note = line.right.note;
  }
  const body = noteText(note);
  if (body === undefined || parseCheckpoint(body) === undefined) {
    return Either.left(
      new EarlierCheckpointInvalid({
        reason: "expected a signed checkpoint note (origin, size, head, time, a blank line, signatures)",
      }),
    );
  }
  return Either.right(note);
};

/** Starts a verification; fails only if the auditor's key or earlier checkpoint cannot be read. */
export const makeExportVerifier = (
  options: ExportVerifierOptions = {},
): Effect.Effect<ExportVerifier, TrustedKeyInvalid | EarlierCheckpointInvalid> =>
  Effect.gen(function* () {
    let trusted: Verifier | undefined;
    if (options.trustedKey !== undefined) {
      trusted = parseVerifierKey(options.trustedKey.trim());
      if (trusted === undefined) {
        const shown = options.trustedKey.trim();
        return yield* new TrustedKeyInvalid({
          key: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown,
          reason: "expected a verifier key of the form liuhen/<agency>+<8 hex digits>+<base64 Ed25519 key>",
        });
      }
    }
    const earlierNote =
      options.earlier === undefined ? undefined : yield* readEarlierCheckpoint(options.earlier);
    return createVerifier(trusted, options.trustedKey?.trim(), earlierNote);
  });

const createVerifier = (
  trusted: Verifier | undefined,
  trustedKeyText: string | undefined,
  earlierNote: string | undefined,
): ExportVerifier => {
  let lineNumber = 0;
  let phase: "header" | "checkpoints" | "events" = "header";
  let header: ExportHeader | undefined;
  let verifier: Verifier | undefined;
  let keySource: KeySource | undefined;
  let rejected: Rejected | undefined;
  const notes: Array<string> = [];

  // Signed heads: the file's checkpoints (ascending), then merged with the earlier one when events start.
  const checkpoints: Array<Head> = [];
  let latestCheckpoint: VerifiedCheckpoint | undefined;
  let earlier: Head | undefined;
  let earlierMatched = false;
  let heads: Array<Head> = [];
  let nextHead = 0;

  // The tree so far.
  let count = 0;
  let verifiedSize = 0;
  const frontier: Array<Node> = [];
  /** The first event, past the verified prefix, whose content does not hash to its recorded leaf hash. */
  let firstMismatch: { position: number; eventId: string; line: number } | undefined;
  let search: PairSearch | undefined;
  /** The id of the event at position `verifiedSize`, where a range of unproven events starts. */
  let firstUnprovenEventId: string | undefined;
  /** The line of the first event, and whether blank lines came after it (then lines are not counted). */
  let firstEventLine: number | undefined;
  let firstEventId: string | undefined;
  let blankAmongEvents = false;
  const lineOf = (position: number): number | null =>
    firstEventLine === undefined || blankAmongEvents ? null : firstEventLine + position;
  /** A signed head that failed, waiting for a later event to show which of a pair moved. */
  let pending: { head: Head; computed: Hash; located: Located } | undefined;

  type FindingFields = Omit<Finding, "verifiedSize" | "lastPosition" | "failedHead"> &
    Partial<Pick<Finding, "lastPosition" | "failedHead">>;

  /** Records the verdict: the first problem found ends the verification. */
  const fail = (finding: FindingFields): Rejected => {
    const report: Rejected = {
      _tag: "Rejected",
      agencyId: header?.agency_id ?? null,
      keySource: keySource ?? null,
      finding: { lastPosition: null, failedHead: null, ...finding, verifiedSize },
      notes: [...notes],
    };
    rejected = report;
    return report;
  };

  const reject = (finding: FindingFields): LineRead => ({ _tag: "Rejected", report: fail(finding) });

  const malformed = (field: string, message: string, position: number | null = null) =>
    reject({
      problem: "MalformedLine",
      line: lineNumber,
      position,
      eventId: null,
      detail: `line ${lineNumber}, ${field}: ${message}`,
    });

  const parseJson = (text: string): Either.Either<unknown, string> => {
    try {
      return Either.right(JSON.parse(text));
    } catch (cause) {
      return Either.left(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const readHeader = (json: unknown): LineRead => {
    const decoded = decodeHeader(json);
    if (Either.isLeft(decoded)) {
      const { field, message } = describeParseError(decoded.left);
      return field === "kind" || field === "format" || field === "version" || field === "(line)"
        ? reject({
            problem: "MissingHeader",
            line: lineNumber,
            position: null,
            eventId: null,
            detail: `line ${lineNumber} is not a ${EXPORT_FORMAT} version ${EXPORT_VERSION} header (${field}: ${message})`,
          })
        : malformed(field, message);
    }
    header = decoded.right;
    const origin = checkpointOrigin(header.agency_id);
    if (trusted !== undefined) {
      verifier = trusted;
      keySource = "argument";
      if (header.verifier_key !== trustedKeyText) {
        notes.push(
          `the file names another verifier key (${header.verifier_key}); the trusted key given was used instead`,
        );
      }
    } else {
      verifier = parseVerifierKey(header.verifier_key);
      keySource = "file";
      if (verifier === undefined) return malformed("verifier_key", "not a C2SP Ed25519 verifier key");
    }
    if (verifier.name !== origin) {
      return reject({
        problem: "KeyNotForAgency",
        line: lineNumber,
        position: null,
        eventId: null,
        detail: `the key is named ${verifier.name}, but the export is the log ${origin}`,
      });
    }
    if (earlierNote !== undefined) {
      const body = parseCheckpoint(noteText(earlierNote) ?? "");
      if (body === undefined || body.origin !== origin) {
        return reject({
          problem: "EarlierCheckpointOfOtherLog",
          line: null,
          position: null,
          eventId: null,
          detail: `the earlier checkpoint is of ${body?.origin ?? "an unknown log"}, the export of ${origin}`,
        });
      }
      if (openNote(earlierNote, verifier) === undefined) {
        return reject({
          problem: "EarlierCheckpointNotSigned",
          line: null,
          position: null,
          eventId: null,
          detail: `the earlier checkpoint (size ${body.treeSize}) is not signed by the ${keySource === "file" ? "key in the file" : "key given"}`,
        });
      }
      if (body.treeSize > header.tree_size) {
        return reject({
          problem: "EarlierCheckpointBeyondExport",
          line: null,
          position: header.tree_size,
          eventId: null,
          detail: `the earlier checkpoint vouches for ${body.treeSize} events, the export holds ${header.tree_size}: events were removed, or the export is older than the checkpoint`,
        });
      }
      earlier = { size: body.treeSize, root: body.rootHash, source: "earlier" };
    }
    phase = "checkpoints";
    return { _tag: "Header", header };
  };

  const readCheckpoint = (json: unknown): LineRead => {
    const decoded = decodeCheckpoint(json);
    if (Either.isLeft(decoded)) {
      const { field, message } = describeParseError(decoded.left);
      return malformed(field, message);
    }
    const line = decoded.right;
    const h = header as ExportHeader;
    const problem = (p: Problem, detail: string) =>
      reject({ problem: p, line: lineNumber, position: null, eventId: null, detail });
    if (phase !== "checkpoints") {
      return problem("CheckpointOutOfOrder", `line ${lineNumber}: checkpoints come before the events`);
    }
    const text = openNote(line.note, verifier as Verifier);
    if (text === undefined) {
      return problem(
        "CheckpointNotSigned",
        `line ${lineNumber}: the checkpoint at size ${line.tree_size} is not signed by the ${keySource === "file" ? "key in the file" : "key given"}`,
      );
    }
    const body = parseCheckpoint(text);
    if (body === undefined || body.origin !== checkpointOrigin(h.agency_id)) {
      return problem(
        "CheckpointMalformed",
        `line ${lineNumber}: the signed note is not a checkpoint of ${checkpointOrigin(h.agency_id)}`,
      );
    }
    const root = toHex(body.rootHash);
    if (body.treeSize !== line.tree_size || root !== line.root_hash || body.signedAt !== line.signed_at) {
      return problem(
        "CheckpointMalformed",
        `line ${lineNumber}: tree_size, root_hash or signed_at disagree with the signed note (size ${body.treeSize}, head ${root}, time ${body.signedAt})`,
      );
    }
    const previous = checkpoints[checkpoints.length - 1];
    if (previous !== undefined && body.treeSize <= previous.size) {
      return problem(
        "CheckpointOutOfOrder",
        `line ${lineNumber}: the checkpoint at size ${body.treeSize} follows one at ${previous.size}; they go smallest first`,
      );
    }
    if (body.treeSize > h.tree_size) {
      return reject({
        problem: "EventsTruncated",
        line: lineNumber,
        position: h.tree_size,
        eventId: null,
        detail: `the log's own checkpoint at size ${body.treeSize} vouches for more events than the export's ${h.tree_size}`,
      });
    }
    checkpoints.push({ size: body.treeSize, root: body.rootHash, source: "checkpoint" });
    latestCheckpoint = { treeSize: body.treeSize, rootHash: root, signedAt: body.signedAt, note: line.note };
    return { _tag: "Checkpoint", checkpoint: latestCheckpoint };
  };

  /**
   * What the walk found below a signed head the tree does not have: nothing, unless the recorded hashes
   * hash up to that head (then they are genuine, and the leftmost subtree whose recomputed hash differs
   * holds the first change).
   */
  const locateBelow = (head: Head): Located | undefined =>
    hashEquals(
      foldRoot(frontier, (n) => n.c),
      head.root,
    )
      ? frontier.find((n) => n.located !== undefined)?.located
      : undefined;

  /** The finding for a signed head the tree does not have, from what the walk found below it. */
  const findingFor = (head: Head, computed: Hash, located: Located | undefined): FindingFields => {
    const failedHead = {
      source: head.source,
      treeSize: head.size,
      signedRoot: toHex(head.root),
      computedRoot: toHex(computed),
    };
    const against =
      head.source === "earlier"
        ? `the earlier checkpoint (size ${head.size})`
        : `the signed checkpoint at size ${head.size}`;
    const found: Located | undefined =
      located?._tag === "Pair"
        ? (located.search.found ?? {
            _tag: "Range",
            start: located.search.start,
            end: located.search.start + 2,
            eventId: located.search.left.eventId,
          })
        : located;
    const problem = (p: Problem): Problem => (head.source === "earlier" ? "HistoryRewritten" : p);
    // What the file's own checkpoints proved says nothing against the earlier checkpoint: the key may have
    // signed two histories (then each head holds over its own events).
    const floor = head.source === "earlier" ? 0 : verifiedSize;
    const fork =
      head.source === "earlier" && verifiedSize > 0
        ? `; the file's own checkpoints up to size ${verifiedSize} agree with its events, so the agency's key signed two different histories`
        : "";
    if (found?._tag === "Leaf" && found.position >= floor) {
      return {
        problem: problem(found.problem),
        line: lineOf(found.position),
        position: found.position,
        eventId: found.eventId,
        detail: `position ${found.position}: ${found.detail} (against ${against})${fork}`,
        failedHead,
      };
    }
    // A range, starting no earlier than the proven prefix ends.
    const start = Math.max(found?._tag === "Range" ? found.start : floor, floor);
    const end = found?._tag === "Range" ? found.end : head.size;
    const exact = end - start === 1;
    const hint =
      firstMismatch !== undefined && firstMismatch.position >= start && firstMismatch.position < end
        ? `; the first event there that does not match its recorded leaf hash is at position ${firstMismatch.position} (event ${firstMismatch.eventId})`
        : "";
    const eventId =
      found?._tag === "Range" && found.start === start
        ? found.eventId
        : start === 0
          ? firstEventId
          : firstUnprovenEventId;
    return {
      problem: problem("EventsChanged"),
      line: lineOf(start),
      position: start,
      lastPosition: exact ? null : end - 1,
      eventId: eventId ?? null,
      detail: exact
        ? `position ${start}: the event differs from the one ${against} vouches for${hint}${fork}`
        : `the first changed event is at a position from ${start} to ${end - 1}: the tree of the file's events does not have the head ${against} signed, and the hashes the database recorded do not narrow it further${hint}${fork}`,
      failedHead,
    };
  };

  /**
   * A signed head the tree does not have. The verdict is made, but if the walk ended at a pair of events
   * that may have moved, reading on can show which one: the report waits for that, or for the end.
   */
  const headFailed = (head: Head, computed: Hash): LineRead | undefined => {
    const located = locateBelow(head);
    if (located?._tag === "Pair" && located.search === search && located.search.found === undefined) {
      pending = { head, computed, located };
      return undefined;
    }
    return reject(findingFor(head, computed, located));
  };

  const checkHeads = (): LineRead | undefined => {
    for (let head = heads[nextHead]; head !== undefined && head.size === count; head = heads[nextHead]) {
      nextHead += 1;
      const computed = foldRoot(frontier, (n) => n.r);
      if (!hashEquals(computed, head.root)) return headFailed(head, computed);
      if (head.source === "earlier") earlierMatched = true;
      verifiedSize = head.size;
      if (firstMismatch !== undefined && firstMismatch.position < verifiedSize) {
        notes.push(
          `position ${firstMismatch.position} (event ${firstMismatch.eventId}) verifies, but the leaf hash the database recorded for it is wrong: its leaf_hash column was changed or damaged`,
        );
        firstMismatch = undefined;
      }
      if (search !== undefined && search.start < verifiedSize) search = undefined;
    }
    return undefined;
  };

  const startEvents = (): LineRead | undefined => {
    phase = "events";
    heads = [...checkpoints];
    if (earlier !== undefined) {
      const e = earlier;
      const at = heads.findIndex((h) => h.size >= e.size);
      heads.splice(at < 0 ? heads.length : at, 0, e);
    }
    return checkHeads();
  };

  /** Merges the two rightmost subtrees while they are the same size, as a binary counter carries. */
  const merge = (recorded: ReadonlyArray<string | null>) => {
    let level = 0;
    for (
      let right = frontier[frontier.length - 1], left = frontier[frontier.length - 2];
      right !== undefined && left !== undefined && left.level === right.level;
      right = frontier[frontier.length - 1], left = frontier[frontier.length - 2]
    ) {
      frontier.length -= 2;
      const claimed = recorded[level];
      frontier.push(
        parentOf(left, right, claimed === undefined || claimed === null ? undefined : fromHex(claimed)),
      );
      level += 1;
    }
  };

  const parentOf = (left: Node, right: Node, recorded: Hash | undefined): Node => {
    const r = nodeHash(left.r, right.r);
    const derived = nodeHash(left.c, right.c);
    const c = recorded ?? derived;
    const level = left.level + 1;
    const node = (located: Located | undefined): Node => ({
      level,
      start: left.start,
      r,
      c,
      firstEventId: left.firstEventId,
      located,
    });
    if (hashEquals(r, c)) return node(undefined);
    // The recorded parent agrees with its recorded children: go down to the leftmost child that differs.
    if (hashEquals(c, derived)) return node(left.located ?? right.located);
    // It does not: keep whichever recorded child the recomputed other one completes it with.
    if (hashEquals(nodeHash(left.r, right.c), c)) return node(right.located);
    if (hashEquals(nodeHash(left.c, right.r), c)) return node(left.located);
    if (level === 1) {
      if (hashEquals(nodeHash(right.r, left.r), c)) {
        return node({
          _tag: "Leaf",
          position: left.start,
          eventId: left.firstEventId,
          problem: "EventsSwapped",
          detail: `event ${left.firstEventId} and the next one (position ${right.start}, event ${right.firstEventId}) are in each other's place`,
        });
      }
      const pair: PairSearch = {
        start: left.start,
        target: c,
        left: { r: left.r, eventId: left.firstEventId },
        right: { r: right.r, eventId: right.firstEventId },
        found: undefined,
      };
      if (search === undefined) search = pair;
      return node({ _tag: "Pair", search: pair });
    }
    return node({
      _tag: "Range",
      start: left.start,
      end: left.start + 2 ** level,
      eventId: left.firstEventId,
    });
  };

  /** Does the event at `position` complete the searched pair's recorded parent in place of one of the two? */
  const searchFor = (position: number, eventId: string, r: Hash) => {
    const pair = search;
    if (pair === undefined || pair.found !== undefined || position < pair.start + 2) return;
    const moved = (at: number, id: string): Located => ({
      _tag: "Leaf",
      position: at,
      eventId: id,
      problem: "EventMoved",
      detail: `event ${id} is out of place: the signed log has here the event now at position ${position} (event ${eventId})`,
    });
    if (hashEquals(nodeHash(r, pair.right.r), pair.target)) pair.found = moved(pair.start, pair.left.eventId);
    else if (hashEquals(nodeHash(pair.left.r, r), pair.target))
      pair.found = moved(pair.start + 1, pair.right.eventId);
  };

  const readEvent = (json: unknown): LineRead => {
    if (phase === "checkpoints") {
      const failed = startEvents();
      if (failed !== undefined) return failed;
    }
    const h = header as ExportHeader;
    const position = count;
    const decoded = decodeEvent(json);
    if (Either.isLeft(decoded)) {
      const { field, message } = describeParseError(decoded.left);
      return malformed(field, message, position);
    }
    const line = decoded.right;
    const { event } = line;
    const at = (problem: Problem, detail: string, eventId: string | null = event.id) => {
      // An event seen earlier that does not match its recorded leaf hash comes first.
      if (firstMismatch !== undefined) {
        return reject({
          problem: "LeafHashMismatch",
          line: firstMismatch.line,
          position: firstMismatch.position,
          eventId: firstMismatch.eventId,
          detail: `position ${firstMismatch.position}: event ${firstMismatch.eventId} does not match the leaf hash the database recorded for it; further on, at position ${position}: ${detail}`,
        });
      }
      return reject({
        problem,
        line: lineNumber,
        position,
        eventId,
        detail: `position ${position}: ${detail}`,
      });
    };
    if (position >= h.tree_size) {
      return at("EventsBeyondHeader", `the header announces ${h.tree_size} events, this is one more`);
    }
    if (line.leaf_index !== position) {
      return line.leaf_index > position
        ? at(
            "EventMissing",
            line.leaf_index === position + 1
              ? `leaf ${position} is missing: the file goes on with leaf ${line.leaf_index} (event ${event.id})`
              : `leaves ${position} to ${line.leaf_index - 1} are missing: the file goes on with leaf ${line.leaf_index} (event ${event.id})`,
          )
        : at(
            "EventOutOfOrder",
            `leaf ${line.leaf_index} (event ${event.id}) comes again or out of order where leaf ${position} belongs`,
          );
    }
    if (event.agencyId !== h.agency_id) {
      return at("EventOfOtherAgency", `event ${event.id} belongs to ${event.agencyId}, not ${h.agency_id}`);
    }
    const expectedSubtrees = subtreesCompletedBy(position);
    if (line.subtrees.length !== expectedSubtrees) {
      return malformed(
        "subtrees",
        `leaf ${position} completes ${expectedSubtrees} subtree(s), the line lists ${line.subtrees.length}`,
        position,
      );
    }
    if (position === 0) {
      firstEventLine = lineNumber;
      firstEventId = event.id;
    }
    const r = eventLeafHash(event);
    const c = fromHex(line.leaf_hash);
    const matches = hashEquals(r, c);
    if (!matches && firstMismatch === undefined) {
      firstMismatch = { position, eventId: event.id, line: lineNumber };
    }
    if (position === verifiedSize) firstUnprovenEventId = event.id;
    searchFor(position, event.id, r);
    frontier.push({
      level: 0,
      start: position,
      r,
      c,
      firstEventId: event.id,
      located: matches
        ? undefined
        : {
            _tag: "Leaf",
            position,
            eventId: event.id,
            problem: "EventAltered",
            detail: `event ${event.id} was altered: its content does not hash to the leaf the signed tree has at this position`,
          },
    });
    merge(line.subtrees);
    count += 1;
    return checkHeads() ?? { _tag: "Event", position, event, leafHash: r };
  };

  /** After a failed head: only events, only to see whether one completes the pair that may have moved. */
  const readWhilePending = (text: string, failure: NonNullable<typeof pending>): LineRead => {
    const json = parseJson(text);
    const decoded = Either.isRight(json) ? decodeEvent(json.right) : undefined;
    if (decoded !== undefined && Either.isRight(decoded)) {
      const { event } = decoded.right;
      searchFor(count, event.id, eventLeafHash(event));
      count += 1;
    }
    return failure.located._tag === "Pair" && failure.located.search.found !== undefined
      ? reject(findingFor(failure.head, failure.computed, failure.located))
      : { _tag: "Skipped" };
  };

  const push = (text: string): LineRead => {
    if (rejected !== undefined) return { _tag: "Rejected", report: rejected };
    lineNumber += 1;
    if (text.trim() === "") {
      if (phase === "events") blankAmongEvents = true;
      return { _tag: "Skipped" };
    }
    if (pending !== undefined) return readWhilePending(text, pending);
    const json = parseJson(text);
    if (Either.isLeft(json)) {
      return phase === "header"
        ? reject({
            problem: "MissingHeader",
            line: lineNumber,
            position: null,
            eventId: null,
            detail: `line ${lineNumber} is not JSON: ${json.left}`,
          })
        : malformed("(line)", `not JSON: ${json.left}`, phase === "events" ? count : null);
    }
    if (phase === "header") return readHeader(json.right);
    const kind =
      typeof json.right === "object" && json.right !== null
        ? (json.right as { kind?: unknown }).kind
        : undefined;
    if (kind === "checkpoint") return readCheckpoint(json.right);
    if (kind === "event") return readEvent(json.right);
    return malformed("kind", `expected "checkpoint" or "event", not ${JSON.stringify(kind)}`, null);
  };

  const end = (): VerificationReport => {
    if (rejected !== undefined) return rejected;
    if (pending !== undefined) return fail(findingFor(pending.head, pending.computed, pending.located));
    if (phase === "header") {
      return fail({
        problem: "MissingHeader",
        line: null,
        position: null,
        eventId: null,
        detail: "the file is empty",
      });
    }
    if (phase === "checkpoints") {
      const failed = startEvents();
      if (failed?._tag === "Rejected") return failed.report;
    }
    const h = header as ExportHeader;
    const unreached = heads.slice(nextHead);
    const finish = (problem: Problem, position: number | null, detail: string): Rejected =>
      fail({ problem, line: null, position, eventId: null, detail });
    if (firstMismatch !== undefined && firstMismatch.position >= verifiedSize) {
      // Not covered by any head that held: the event or its recorded hash was changed.
      return fail({
        problem: "LeafHashMismatch",
        line: firstMismatch.line,
        position: firstMismatch.position,
        eventId: firstMismatch.eventId,
        detail: `position ${firstMismatch.position}: event ${firstMismatch.eventId} does not match the leaf hash the database recorded for it`,
      });
    }
    const pendingEarlier = unreached.find((head) => head.source === "earlier");
    if (pendingEarlier !== undefined) {
      return finish(
        "EarlierCheckpointBeyondExport",
        count,
        `the earlier checkpoint vouches for ${pendingEarlier.size} events, the file holds ${count}`,
      );
    }
    if (count < h.tree_size || unreached.length > 0) {
      return finish(
        "EventsTruncated",
        count,
        `the file ends after ${count} events; its header announces ${h.tree_size}${unreached.length > 0 ? ` and a signed checkpoint vouches for ${unreached[0]?.size}` : ""}`,
      );
    }
    if (latestCheckpoint === undefined) {
      return finish(
        "NoCheckpoint",
        null,
        "the file holds no signed checkpoint: nothing in it is vouched for",
      );
    }
    if (verifiedSize < count) {
      return finish(
        "EventsUncovered",
        verifiedSize,
        `events from position ${verifiedSize} on are not covered by any signed checkpoint`,
      );
    }
    if (keySource === "file") {
      notes.push(
        "the key was taken from the file only: this shows the file agrees with itself, not that the agency signed it; give the agency's verifier key with --key",
      );
    }
    return {
      _tag: "Verified",
      agencyId: h.agency_id,
      treeSize: count,
      rootHash: toHex(foldRoot(frontier, (n) => n.r)),
      checkpoints: checkpoints.length,
      latestCheckpoint: { treeSize: latestCheckpoint.treeSize, signedAt: latestCheckpoint.signedAt },
      keySource: keySource as KeySource,
      verifierKey: trustedKeyText ?? h.verifier_key,
      earlier:
        earlier !== undefined && earlierMatched
          ? { treeSize: earlier.size, rootHash: toHex(earlier.root) }
          : null,
      notes: [...notes],
    };
  };

  return { push, end };
};
