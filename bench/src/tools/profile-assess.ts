/**
 * A loop to profile: `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/dist/tools/profile-assess.js [assess|plain] [seconds]`
 * runs decode + assess + explain over the benchmark corpus for that long (default 10 s), nothing else, then
 * `node bench/dist/tools/cpuprofile-summary.js /tmp/prof/*.cpuprofile` says where the time went.
 */
import { assess, DEFAULT_REGISTRY, explain, isContractError } from "@liuhen/domain";
import { Either } from "effect";
import { plainRegime } from "../baselines/plain-assess.js";
import { assessCorpus } from "../corpus/generate.js";
import { CORPUS_SEED } from "../rows/assess.js";

const [which = "assess", seconds = "10", only] = process.argv.slice(2);
const found = DEFAULT_REGISTRY.find();
if (Either.isLeft(found)) throw new Error("no default regime");
const regime = found.right;
const plain = plainRegime(regime);
const requests = assessCorpus(CORPUS_SEED, 5000).requests.filter(
  (r) => only === undefined || r.kind === only,
);
const one =
  which === "plain"
    ? (r: unknown) => {
        const x = plain.assess(r);
        return "error" in x ? 1 : plain.explain(x.basis).length;
      }
    : (r: unknown) => {
        const x = assess(r);
        return isContractError(x) ? 1 : explain(regime, x.basis).length;
      };
const end = performance.now() + Number(seconds) * 1000;
let n = 0;
let sink = 0;
while (performance.now() < end) {
  for (const r of requests) sink += one(r);
  n += requests.length;
}
process.stdout.write(
  `${which}${only ? ` (${only})` : ""}: ${n} requests in ${seconds} s (${Math.round(n / Number(seconds))}/s; sink ${sink})\n`,
);
