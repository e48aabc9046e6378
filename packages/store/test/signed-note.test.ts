/**
 * Checkpoint notes in the C2SP signed-note format, checked against the Go reference implementation's own
 * example (golang.org/x/mod/sumdb/note): same key, same text, byte-for-byte the same note. A checkpoint
 * Liuhen signs can thus be checked by any tool of the transparency-log ecosystem.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkpointOrigin,
  formatCheckpoint,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  verifierKey,
} from "../src/index.js";

const GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

// An Ed25519 private key from its 32-byte seed: PKCS#8 DER is a fixed prefix and the seed.
const goPrivateKey = () => {
  const seed = Buffer.from(GO_SIGNER.split("+").slice(4).join("+"), "base64").subarray(1);
  return createPrivateKey({
    key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]),
    format: "der",
    type: "pkcs8",
  });
};

describe("signed notes (C2SP signed-note, Ed25519)", () => {
  it("sign the Go reference example to the very same note and verifier key", () => {
    const key = goPrivateKey();
    expect(signNote(GO_TEXT, "PeterNeumann", key)).toBe(GO_NOTE);
    expect(verifierKey("PeterNeumann", createPublicKey(key))).toBe(GO_VERIFIER);
  });

  it("open the Go reference note with its verifier key, and nothing that was changed", () => {
    const verifier = parseVerifierKey(GO_VERIFIER);
    expect(verifier).toBeDefined();
    if (verifier === undefined) return;
    expect(openNote(GO_NOTE, verifier)).toBe(GO_TEXT);
    expect(openNote(GO_NOTE.replace("cryptography", "cryptographY"), verifier)).toBeUndefined();
    expect(openNote(GO_NOTE.replace("x08go", "x08gO"), verifier)).toBeUndefined();
    expect(openNote(GO_TEXT, verifier)).toBeUndefined();
    const other = generateKeyPairSync("ed25519");
    const stranger = parseVerifierKey(verifierKey("PeterNeumann", other.publicKey));
    expect(stranger && openNote(GO_NOTE, stranger)).toBeUndefined();
  });

  it("refuse malformed verifier keys and a key id that does not match the key", () => {
    expect(
      parseVerifierKey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
    ).toBeUndefined();
    expect(
      parseVerifierKey("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
    ).toBeUndefined();
    expect(parseVerifierKey("PeterNeumann+c74f20a3")).toBeUndefined();
    // transparency-dev/formats' test key, whose base64 holds a '+'.
    expect(parseVerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6")?.name).toBe("TEST");
  });
});

describe("checkpoint text (C2SP tlog-checkpoint)", () => {
  it("writes origin, size, base64 head and signing time, and reads them back", () => {
    const body = {
      origin: checkpointOrigin("qianjiang-msa"),
      treeSize: 70,
      rootHash: new Uint8Array(32).fill(7),
      signedAt: "2025-03-01T02:00:00.000Z",
    };
    const text = formatCheckpoint(body);
    expect(text).toBe(
      "liuhen/qianjiang-msa\n70\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\ntime 2025-03-01T02:00:00.000Z\n",
    );
    expect(parseCheckpoint(text)).toEqual(body);
    expect(parseCheckpoint(text.replace("\n70\n", "\n070\n"))).toBeUndefined();
    expect(parseCheckpoint(text.replace("time ", ""))).toBeUndefined();
  });
});
