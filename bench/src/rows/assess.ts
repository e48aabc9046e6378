/**
 * Row `assess`: decode, assess and explain a mixed corpus of requests through the domain's public contract
 * (`assess(request)`, then `explain(regime, result.basis)`), on one core, against
 * (a) the same decisions hand-written in plain TypeScript without Schema ("the limit"), and
 * (b) the interference rules in json-rules-engine (the common alternative), on the corpus's interference
 *     requests, beside `assess` on the same requests.
 * Before timing, every baseline must give the same result as `assess` on every request it is timed on.
 */
import {
  type AssessResult,
  assess,
  DEFAULT_REGISTRY,
  explain,
  isContractError,
  type Regime,
} from "@liuhen/domain";
import { Either } from "effect";
import { rulesEngineBaseline } from "../baselines/json-rules-engine.js";
import { plainRegime } from "../baselines/plain-assess.js";
import { assessCorpus, type Request } from "../corpus/generate.js";
import { type Contender, measure } from "../lib/measure.js";
import { figure, rateCheck, ratioCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";
import { difference } from "../lib/same.js";

export const CORPUS_SEED = "liuhen-assess-corpus-1";
const TARGET_RATE = 100_000;
const TARGET_VS_PLAIN = 1 / 5;
const TARGET_VS_RULES_ENGINE = 10;

const regimeOf = (): Regime => {
  const found = DEFAULT_REGISTRY.find();
  if (Either.isLeft(found)) throw new Error("the default registry has no default regime");
  return found.right;
};

const outcomeOf = (r: AssessResult): string =>
  isContractError(r) ? `error:${r.error.tag}` : `${r.kind}${r.kind === "wrong-case" ? `:${r.status}` : ""}`;

/** Runs `n` requests of `requests` in turn from where the last batch stopped, keeping a result alive. */
const syncContender = (
  name: string,
  requests: ReadonlyArray<Request>,
  one: (request: Request) => number,
): Contender & { sink: () => number } => {
  let next = 0;
  let sink = 0;
  return {
    name,
    run: (n) => {
      for (let i = 0; i < n; i++) {
        sink += one(requests[next] as Request);
        next = next + 1 === requests.length ? 0 : next + 1;
      }
    },
    sink: () => sink,
  };
};

export const assessRow: Row = {
  id: "assess",
  title: "assess throughput: decode, assess, explain (one core)",
  unit: "assessments/s",
  run: async ({ quick, plan, log }): Promise<RowOutcome> => {
    const regime = regimeOf();
    const corpus = assessCorpus(CORPUS_SEED, quick ? 400 : 5000);
    const requests = corpus.requests;
    const interference = requests.filter((r) => r.kind === "interference");
    const plain = plainRegime(regime);
    const engine = rulesEngineBaseline(regime);

    // Honest baselines: the same results and explanations as `assess`, request by request.
    log(`assess: checking the baselines against assess on ${requests.length} requests`);
    const mismatches: Array<string> = [];
    const outcomes: Record<string, number> = {};
    for (const [i, request] of requests.entries()) {
      const expected = assess(request);
      outcomes[outcomeOf(expected)] = (outcomes[outcomeOf(expected)] ?? 0) + 1;
      const got = plain.assess(request);
      const d = difference(got, expected);
      if (d) mismatches.push(`plain, request ${i}: ${d}`);
      else if (!isContractError(expected) && "basis" in got) {
        const e = difference(plain.explain(got.basis), explain(regime, expected.basis));
        if (e) mismatches.push(`plain explanation, request ${i}: ${e}`);
      }
      if (request.kind === "interference") {
        const viaEngine = await engine.assess(request);
        const de = difference(viaEngine, expected);
        if (de) mismatches.push(`json-rules-engine, request ${i}: ${de}`);
      }
    }
    if (mismatches.length > 0) {
      return {
        status: "failed",
        reason: `a baseline disagrees with assess on ${mismatches.length} request(s); first: ${mismatches[0]}`,
        checks: [],
        notes: mismatches.slice(0, 10),
      };
    }

    const viaAssess = syncContender("assess", requests, (request) => {
      const r = assess(request);
      return isContractError(r) ? 1 : explain(regime, r.basis).length;
    });
    const viaPlain = syncContender("plain", requests, (request) => {
      const r = plain.assess(request);
      return "error" in r ? 1 : plain.explain(r.basis).length;
    });
    const assessInterference = syncContender("assess-interference", interference, (request) => {
      const r = assess(request);
      return isContractError(r) ? 1 : explain(regime, r.basis).length;
    });
    let next = 0;
    let engineSink = 0;
    const viaEngine: Contender = {
      name: "json-rules-engine",
      run: async (n) => {
        for (let i = 0; i < n; i++) {
          const r = await engine.assess(interference[next] as Request);
          engineSink += "error" in r ? 1 : plain.explain(r.basis).length;
          next = next + 1 === interference.length ? 0 : next + 1;
        }
      },
    };

    log(`assess: measuring (${plan.rounds} rounds of ~${plan.roundMs} ms each, 4 contenders)`);
    const m = await measure([viaAssess, viaPlain, assessInterference, viaEngine], plan);
    const mixed = figure(m.stat("assess"), "assess");
    const plainFigure = figure(m.stat("plain"), "plain TS");
    const ifFigure = figure(m.stat("assess-interference"), "assess (IF only)");
    const engineFigure = figure(m.stat("json-rules-engine"), "json-rules-engine");
    return {
      status: "measured",
      checks: [
        rateCheck("throughput, mixed corpus", mixed, TARGET_RATE, "/s", "cpu"),
        ratioCheck(
          "vs plain TypeScript",
          mixed,
          plainFigure,
          m.ratio("assess", "plain"),
          TARGET_VS_PLAIN,
          "≥ 0.2 (within 5×)",
        ),
        ratioCheck(
          "vs json-rules-engine (IF)",
          ifFigure,
          engineFigure,
          m.ratio("assess-interference", "json-rules-engine"),
          TARGET_VS_RULES_ENGINE,
          "≥ 10×",
        ),
      ],
      notes: [
        `Corpus: ${requests.length} requests from seed ${CORPUS_SEED} (bench/src/corpus/generate.ts); ${interference.length} interference requests for the json-rules-engine comparison.`,
        "One operation = decode + assess + explain (zh) of one request, on the main thread of one process; the corpus is walked in order, round after round.",
        "The target is for one core: it is judged on operations per second of this process's CPU time (/CPU-s), since these machines' two cores are shared with other suites; the wall-clock rate is printed beside it and the ratios use it.",
        "Before timing, both baselines gave the same result as assess on every request they are timed on (results compared field by field, explanations line by line).",
        "plain TS: hand-written decoder (same checks, order and messages) and the same rules, basis and explanation, without Schema or Effect (bench/src/baselines/plain-assess.ts).",
        "json-rules-engine: the interference act table as 14 rules plus 2 person rules, one engine run per act (async, as the library is); decoding, folding and explanation as in plain TS.",
      ],
      details: {
        corpus: { seed: CORPUS_SEED, size: requests.length, drawn: corpus.drawn, outcomes },
        sinks: [viaAssess.sink(), viaPlain.sink(), assessInterference.sink(), engineSink],
      },
    };
  },
};
