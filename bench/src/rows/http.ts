/**
 * Row `http`: recording an interference contact over HTTP, as a handler's browser or the terminal UI does —
 * `POST /trpc/interference.record` on the real server (`apps/server/dist/main.js`: tRPC, bearer-token
 * authentication, the input Schema, directory and routing look-ups, the domain's categorisation, numbering,
 * append and projection on a SQLite file) — under 64 concurrent connections (autocannon), against a bare
 * `node:http` handler doing the same categorisation and the same append (`src/http/bare-record-server.ts`).
 * Both run as child processes on files of their own, so each has a core's worth of Node to itself and the
 * load generator runs in this process.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { jsonPort, type Listening, startListening } from "../http/children.js";
import { seedAccount, startLiuhenServer } from "../http/liuhen-server.js";
import { recordRequests } from "../http/record-request.js";
import { distFile } from "../lib/child.js";
import { type Figure, ratioCheck } from "../lib/report.js";
import type { Row, RowOutcome } from "../lib/row.js";

const CONNECTIONS = 64;
const TARGET_VS_BARE = 0.5;
const BODIES = 200;

interface Contender {
  readonly name: string;
  readonly server: Listening;
  readonly path: string;
  readonly headers: Record<string, string>;
}

interface Load {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
  /** The child's CPU time during the load, ms (null without /proc). */
  readonly cpuMs: number | null;
  readonly requests: number;
}

const load = async (c: Contender, bodies: ReadonlyArray<string>, seconds: number): Promise<Load> => {
  const cpuBefore = c.server.cpuMs();
  const started = performance.now();
  const result = await autocannon({
    url: c.server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: bodies.map((body) => ({
      method: "POST" as const,
      path: c.path,
      headers: { "content-type": "application/json", ...c.headers },
      body,
    })),
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = c.server.cpuMs();
  return {
    requestsPerSecond: result.requests.total / elapsed,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    requests: result.requests.total,
  };
};

/** One request through each contender before timing: both must record it and categorise it alike. */
const checkOne = async (c: Contender, body: string): Promise<unknown> => {
  const res = await fetch(new URL(c.path, c.server.url), {
    method: "POST",
    headers: { "content-type": "application/json", ...c.headers },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${c.name} answered ${res.status}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text) as { result?: { data?: Record<string, unknown> } } & Record<string, unknown>;
  const answer = (json.result?.data ?? json) as {
    recordId?: unknown;
    categorisation?: { categories?: unknown };
  };
  if (typeof answer.recordId !== "string" || !/^IF-\d{4}-\d{3,}$/.test(answer.recordId)) {
    throw new Error(`${c.name} did not answer with a record number: ${text.slice(0, 500)}`);
  }
  return answer.categorisation?.categories;
};

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const figureOf = (label: string, loads: ReadonlyArray<Load>): Figure => {
  const perRound = loads.map((l) => l.requestsPerSecond);
  const cpu = loads.map((l) => (l.cpuMs === null || l.cpuMs === 0 ? 0 : l.requests / (l.cpuMs / 1000)));
  return {
    label,
    perSecond: median(perRound),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
    opsPerRound: Math.round(median(loads.map((l) => l.requests))),
    perRound,
    perCpuSecond: median(cpu),
    inProcess: loads.every((l) => l.cpuMs !== null),
  };
};

export const httpRow: Row = {
  id: "http",
  title: `recording an interference over HTTP (tRPC, bearer token, SQLite), ${CONNECTIONS} connections, vs a bare node:http handler`,
  unit: "requests/s",
  run: async ({ quick, plan, log }): Promise<RowOutcome> => {
    const dir = mkdtempSync(join(tmpdir(), "liuhen-bench-http-"));
    const running: Array<Listening> = [];
    try {
      const liuhenDir = join(dir, "liuhen");
      const bareDir = join(dir, "bare");
      mkdirSync(liuhenDir);
      mkdirSync(bareDir);
      const { token } = await seedAccount(liuhenDir, {
        username: "bench-handler",
        personId: "person-bench-handler",
        roles: ["handler"],
      });
      log("http: starting the server and the bare handler");
      const server = await startLiuhenServer(liuhenDir);
      running.push(server);
      const bare = await startListening(distFile("../http/bare-record-server.js"), [bareDir], {}, jsonPort);
      running.push(bare);
      const contenders: ReadonlyArray<Contender> = [
        {
          name: "tRPC",
          server,
          path: "/trpc/interference.record",
          headers: { authorization: `Bearer ${token}` },
        },
        { name: "bare", server: bare, path: "/record", headers: {} },
      ];
      const bodies = recordRequests("liuhen-http-records", BODIES);
      const [liuhenCategories, bareCategories] = await Promise.all(
        contenders.map((c) => checkOne(c, bodies[0] as string)),
      );
      if (JSON.stringify(liuhenCategories) !== JSON.stringify(bareCategories)) {
        throw new Error(
          `the contenders categorise the same contact differently: ${JSON.stringify(liuhenCategories)} vs ${JSON.stringify(bareCategories)}`,
        );
      }

      const warmup = quick ? 1 : 2;
      const seconds = quick ? 3 : Math.max(3, Math.round((plan.roundMs * 5) / 1000));
      const rounds = quick ? 1 : Math.min(plan.rounds, 5);
      for (const c of contenders) await load(c, bodies, warmup);
      const loads = new Map<string, Array<Load>>(contenders.map((c) => [c.name, []]));
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? contenders : [...contenders].reverse();
        for (const c of order) {
          const l = await load(c, bodies, seconds);
          if (l.failures > 0) throw new Error(`${c.name}: ${l.failures} requests failed under load`);
          loads.get(c.name)?.push(l);
          log(
            `http: round ${round + 1}/${rounds} ${c.name}: ${Math.round(l.requestsPerSecond)}/s, p99 ${l.p99Ms} ms`,
          );
        }
      }
      const subject = loads.get("tRPC") ?? [];
      const baseline = loads.get("bare") ?? [];
      const perRound = subject.map(
        (l, i) => l.requestsPerSecond / (baseline[i]?.requestsPerSecond ?? Number.NaN),
      );
      const ratio = {
        of: "tRPC",
        to: "bare",
        median: median(perRound),
        min: Math.min(...perRound),
        max: Math.max(...perRound),
        perRound,
      };
      const p99 = (ls: ReadonlyArray<Load>) => ls.map((l) => l.p99Ms);
      return {
        status: "measured",
        checks: [
          ratioCheck(
            "vs bare node:http",
            figureOf("interference.record over tRPC", subject),
            figureOf("bare handler", baseline),
            ratio,
            TARGET_VS_BARE,
            `≥ ${TARGET_VS_BARE}`,
          ),
        ],
        notes: [
          `Latency under ${CONNECTIONS} connections, per round: tRPC p50 ${subject.map((l) => l.p50Ms).join(", ")} ms, p99 ${p99(subject).join(", ")} ms; bare p50 ${baseline.map((l) => l.p50Ms).join(", ")} ms, p99 ${p99(baseline).join(", ")} ms.`,
          "Subject: the built server (apps/server/dist/main.js) on a fresh SQLite file; a handler account and its bearer token made in the store before it starts; each request records a contact (seeded bodies, IF.3 elements, acts, answer) and is checked before timing to be numbered IF-<year>-<n>.",
          "Baseline: src/http/bare-record-server.ts — JSON.parse, the domain's assess + explanation + receipt, openInterferenceRecord (numbering, append, projection) on a SQLite file of its own; no tRPC, authentication, Schema decoding of the input, directory or routing look-ups. Both contenders categorise the first body alike (checked).",
          `Load: autocannon in the bench process, ${CONNECTIONS} connections, ${seconds} s per turn after ${warmup} s of warm-up each, rounds alternating the order; /CPU-s is the server child's own CPU time (/proc).`,
        ],
        details: { subject, baseline, connections: CONNECTIONS, seconds, rounds },
      };
    } finally {
      await Promise.all(running.map((r) => r.stop()));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
