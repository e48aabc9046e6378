/**
 * What the log hands out to prove itself: tree heads, inclusion and consistency proofs, signed checkpoints.
 * Plain data with Schemas, so they can be exported and checked elsewhere (`merkle/verification.ts`,
 * `checkpoint/signed-note.ts`) without the server.
 */
import { Schema } from "effect";
import { AgencyId, EventId, Sha256Hex, Timestamp, TreeSize } from "./identifiers.js";

/** The RFC 6962 head of an agency's tree after its first `treeSize` events. */
export const TreeHead = Schema.Struct({
  agencyId: AgencyId,
  treeSize: TreeSize,
  rootHash: Sha256Hex,
}).annotations({ identifier: "TreeHead" });
export type TreeHead = typeof TreeHead.Type;

/** RFC 6962 §2.1.1: the audit path from an event's leaf to the head of the tree of `treeSize` events. */
export const InclusionProof = Schema.Struct({
  agencyId: AgencyId,
  eventId: EventId,
  leafIndex: TreeSize,
  treeSize: TreeSize,
  leafHash: Sha256Hex,
  path: Schema.Array(Sha256Hex),
  rootHash: Sha256Hex,
}).annotations({ identifier: "InclusionProof" });
export type InclusionProof = typeof InclusionProof.Type;

/** RFC 6962 §2.1.2: that the tree of `toSize` events extends the tree of `fromSize` events unchanged. */
export const ConsistencyProof = Schema.Struct({
  agencyId: AgencyId,
  fromSize: TreeSize,
  toSize: TreeSize,
  fromRoot: Sha256Hex,
  toRoot: Sha256Hex,
  path: Schema.Array(Sha256Hex),
}).annotations({ identifier: "ConsistencyProof" });
export type ConsistencyProof = typeof ConsistencyProof.Type;

/** A tree head signed with the agency's key; `note` is the signed text itself (checkpoint/signed-note.ts). */
export const SignedCheckpoint = Schema.Struct({
  agencyId: AgencyId,
  treeSize: TreeSize,
  rootHash: Sha256Hex,
  signedAt: Timestamp,
  note: Schema.String,
}).annotations({ identifier: "SignedCheckpoint" });
export type SignedCheckpoint = typeof SignedCheckpoint.Type;
