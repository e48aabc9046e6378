/**
 * RFC 6962 Merkle trees, pure: hashing, heads of ranges, inclusion and consistency proofs from subtree
 * hashes, their verification (RFC 9162), and appending without rehashing. No database code, so an offline
 * verifier can use it as is.
 */
export * from "./frontier.js";
export * from "./hashing.js";
export * from "./proofs.js";
export * from "./subtrees.js";
export * from "./verification.js";
