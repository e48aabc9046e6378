/**
 * How a conformance example's expectations are read (../shared/conformance/README.md): named fields must
 * equal the result's, recursively; arrays element by element, except arrays of objects with an `id`,
 * matched by id; `citationsInclude` and `officerCitationsInclude` name ids that must be present.
 * Returns the first mismatch, or null.
 */
export interface Expectation {
  readonly expect?: unknown;
  readonly expectError?: string;
  readonly citationsInclude?: ReadonlyArray<string>;
  readonly officerCitationsInclude?: Readonly<Record<string, ReadonlyArray<string>>>;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export const mismatch = (want: Json, got: Json, path = "result"): string | null => {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length)
      return `${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
    const byId = want.length > 0 && isObject(want[0]) && "id" in want[0];
    for (let i = 0; i < want.length; i++) {
      const w = want[i];
      const g = byId && isObject(w) ? got.find((x) => isObject(x) && x.id === w.id) : got[i];
      if (byId && g === undefined) return `${path}: no entry with id ${isObject(w) ? String(w.id) : ""}`;
      const m = mismatch(w, g, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (isObject(want)) {
    if (!isObject(got)) return `${path}: want an object, got ${JSON.stringify(got)}`;
    for (const k of Object.keys(want)) {
      const m = mismatch(want[k], got[k], `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return Object.is(want, got) ? null : `${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
};

export const checkExpectation = (e: Expectation, result: Json): string | null => {
  const r = isObject(result) ? result : {};
  if (e.expectError !== undefined) {
    const tag = isObject(r.error) ? r.error.tag : undefined;
    return tag === e.expectError ? null : `want error ${e.expectError}, got ${JSON.stringify(result)}`;
  }
  if ("error" in r) return `unexpected error ${JSON.stringify(r.error)}`;
  const m = mismatch(e.expect ?? {}, result);
  if (m) return m;
  const citations = Array.isArray(r.citations) ? r.citations : [];
  for (const id of e.citationsInclude ?? [])
    if (!citations.includes(id)) return `citations lack ${id}: ${citations}`;
  const officers = Array.isArray(r.officers) ? r.officers.filter(isObject) : [];
  for (const [oid, ids] of Object.entries(e.officerCitationsInclude ?? {})) {
    const o = officers.find((x) => x.id === oid);
    const oc = o && Array.isArray(o.citations) ? o.citations : [];
    for (const id of ids) if (!oc.includes(id)) return `officer ${oid} citations lack ${id}: ${oc}`;
  }
  return null;
};
