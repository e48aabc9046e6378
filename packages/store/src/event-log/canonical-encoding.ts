/**
 * The one canonical encoding of an event, the bytes its leaf hash covers: the envelope encoded with the
 * `Event` Schema (snake_case keys), written as RFC 8785 JSON (keys sorted, no white space), in UTF-8.
 * An offline verifier recomputes leaf hashes with exactly this function.
 */
import { Schema } from "effect";
import { type Hash, leafHash } from "../merkle/hashing.js";
import { Event } from "./event.js";
import { canonicalJson, type JsonValue } from "./json-value.js";

const encodeEvent = Schema.encodeSync(Event);

export const canonicalEventText = (event: Event): string =>
  canonicalJson(encodeEvent(event) as unknown as JsonValue);

export const canonicalEventBytes = (event: Event): Uint8Array =>
  new TextEncoder().encode(canonicalEventText(event));

/** RFC 6962 leaf hash of the event: SHA-256(0x00 || canonical bytes). */
export const eventLeafHash = (event: Event): Hash => leafHash(canonicalEventBytes(event));
