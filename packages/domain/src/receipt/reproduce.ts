/**
 * Reproducing a decision from its receipt: assess the same input again under the regime the receipt
 * names and compare digests. A different digest means the input, the regime, its policy or the rules
 * have changed since.
 */
import { Either } from "effect";
import { assess } from "../assess/assess.js";
import { DEFAULT_REGISTRY } from "../regime/default-registry.js";
import type { RegimeRegistry } from "../regime/registry.js";
import { type DecisionReceipt, decisionReceipt } from "./decision-receipt.js";

export type Reproduction =
  | { readonly reproduced: true }
  | {
      readonly reproduced: false;
      readonly reason: "unknown-regime" | "regime-version" | "digest";
      readonly now: string;
    };

export const reproduce = (
  receipt: DecisionReceipt,
  input: Readonly<Record<string, unknown>>,
  registry: RegimeRegistry = DEFAULT_REGISTRY,
): Reproduction => {
  const [id = ""] = receipt.regime.split("@");
  const regime = registry.find(id);
  if (Either.isLeft(regime)) return { reproduced: false, reason: "unknown-regime", now: "" };
  if (regime.right.ref !== receipt.regime)
    return { reproduced: false, reason: "regime-version", now: regime.right.ref };
  const again = decisionReceipt(regime.right, input, assess({ ...input, regime: id }, registry));
  return again.digest === receipt.digest
    ? { reproduced: true }
    : { reproduced: false, reason: "digest", now: again.digest };
};
