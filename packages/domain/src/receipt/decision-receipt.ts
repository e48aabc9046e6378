/**
 * A decision receipt lets anyone reproduce a result years later: SHA-256 over the regime id and version,
 * the policy version, and the canonical (RFC 8785) forms of the decoded input and the output.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalizeModule from "canonicalize";
import { Schema } from "effect";
import type { Regime } from "../regime/regime.js";

export class DecisionReceipt extends Schema.Class<DecisionReceipt>("DecisionReceipt")({
  algorithm: Schema.Literal("sha-256/jcs"),
  regime: Schema.String,
  policy: Schema.String,
  digest: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)),
}) {}

// The package is CommonJS whose types declare an ES default export; at run time the default is the function.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

export const canonicalJson = (value: unknown): string => {
  const json = canonicalize(value);
  if (json === undefined) throw new Error("a receipt covers JSON values only");
  return json;
};

export const receiptDigest = (regime: Regime, input: unknown, output: unknown): string =>
  bytesToHex(
    sha256(
      utf8ToBytes(
        canonicalJson({
          regime: regime.id,
          version: regime.version,
          policy: regime.policy.version,
          input,
          output,
        }),
      ),
    ),
  );

export const decisionReceipt = (regime: Regime, input: unknown, output: unknown): DecisionReceipt =>
  DecisionReceipt.make({
    algorithm: "sha-256/jcs",
    regime: regime.ref,
    policy: regime.policy.version,
    digest: receiptDigest(regime, input, output),
  });
