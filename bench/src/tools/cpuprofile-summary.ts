/**
 * `node bench/dist/tools/cpuprofile-summary.js FILE.cpuprofile [top]`: where a `node --cpu-prof` profile
 * spent its time: the functions with the most self time, and the source files (packages) they live in.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: ReadonlyArray<number>;
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>;
  readonly samples: ReadonlyArray<number>;
  readonly timeDeltas: ReadonlyArray<number>;
}

const [file, topText = "30"] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write("usage: cpuprofile-summary FILE.cpuprofile [top]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  const m =
    /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url) ??
    /\/(packages|bench|apps)\/([^/]+\/.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url === "" ? "(native)" : url.replace(/^file:\/\//, "");
};
const fnSelf = new Map<string, number>();
const fileSelf = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id);
  if (n === undefined) continue;
  const f = where(n.callFrame.url);
  const key = `${n.callFrame.functionName || "(anonymous)"}  ${f}:${n.callFrame.lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  const pkg = f.startsWith("effect/") ? `effect/${f.split("/")[2] ?? ""}` : f;
  fileSelf.set(pkg, (fileSelf.get(pkg) ?? 0) + t);
}
// Inclusive time of the functions in this repository's own code (domain, store, bench): each sample counts
// once for every distinct such function on its stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const ownCode = (url: string) => /\/(packages|apps|bench)\//.test(url) && !url.includes("node_modules");
const inclusive = new Map<string, number>();
profile.samples.forEach((leaf, i) => {
  const seen = new Set<string>();
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
    const n = byId.get(id);
    if (n === undefined || !ownCode(n.callFrame.url)) continue;
    seen.add(
      `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
    );
  }
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const top = Number(topText);
process.stdout.write(`total sampled ${(total / 1000).toFixed(0)} ms\n\nself time by function:\n`);
for (const [k, t] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${pct(t)}  ${k}\n`);
process.stdout.write("\nself time by file:\n");
for (const [k, t] of [...fileSelf].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${pct(t)}  ${k}\n`);
process.stdout.write("\ninclusive time of this repository's functions:\n");
for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
  process.stdout.write(`${pct(t)}  ${k}\n`);
