/**
 * Baseline "the limit": the decisions `assess` makes (CONFORMANCE.md), hand-written in plain TypeScript with
 * no Schema and no Effect: a hand-written decoder with the same checks, in the same order, with the same
 * messages, then the same rules, the same basis and the same explanation. The bench checks before timing that
 * it gives the same results as `assess` on the whole corpus, so the comparison is honest.
 *
 * What it shares with the domain is data, not logic: the regime's article headings, holiday calendar and
 * sanction policy, and the table of explanation messages (`MESSAGES`).
 */
import {
  ACTS,
  AGGRAVATION_IDS,
  type BasisInput,
  CASE_KINDS,
  CONDUCT_IDS,
  Employment,
  MESSAGES,
  Method,
  MITIGATION_IDS,
  PersonRole,
  type Regime,
  Relation,
  TRIGGER_IDS,
} from "@liuhen/domain";

type Path = Array<string | number>;
type Input = Record<string, unknown>;

export interface PlainStep {
  readonly citation: string;
  readonly rule: string;
  readonly holds: boolean;
  readonly inputs: Record<string, BasisInput>;
}

export type PlainResult =
  | { readonly error: { readonly tag: string; readonly message: string; readonly path: Path } }
  | ({ readonly kind: string; readonly basis: ReadonlyArray<PlainStep> } & Record<string, unknown>);

class Invalid {
  constructor(
    readonly path: Path,
    readonly message: string,
  ) {}
}

const fail = (path: Path, message: string): never => {
  throw new Invalid(path, message);
};

// ——— Decoding ———

const show = (v: unknown): string =>
  v === undefined
    ? "undefined"
    : typeof v === "string"
      ? JSON.stringify(v)
      : typeof v === "number" || typeof v === "boolean" || v === null
        ? String(v)
        : JSON.stringify(v);

const isRecord = (v: unknown): v is Input => typeof v === "object" && v !== null && !Array.isArray(v);

const struct = (v: unknown, path: Path, keys: ReadonlyArray<string>): Input => {
  if (!isRecord(v)) fail(path, `Expected an object, actual ${show(v)}`);
  const input = v as Input;
  for (const k in input) {
    if (!keys.includes(k))
      fail([...path, k], `is unexpected, expected: ${keys.map((x) => JSON.stringify(x)).join(" | ")}`);
  }
  return input;
};

const required = (o: Input, key: string, path: Path): unknown => {
  if (!(key in o)) fail([...path, key], "is missing");
  return o[key];
};

const bool = (v: unknown, path: Path): boolean =>
  typeof v === "boolean" ? v : fail(path, `Expected boolean, actual ${show(v)}`);

const str = (v: unknown, path: Path): string =>
  typeof v === "string" ? v : fail(path, `Expected string, actual ${show(v)}`);

const optionalBool = (o: Input, key: string, path: Path): boolean =>
  o[key] === undefined ? false : bool(o[key], [...path, key]);

/** A `Schema.Literal(...)` union: the first member's message, as `errors: "first"` reports it. */
const literal = <A extends string>(v: unknown, path: Path, values: ReadonlyArray<A>): A =>
  values.includes(v as A) ? (v as A) : fail(path, `Expected ${JSON.stringify(values[0])}, actual ${show(v)}`);

/** An id list member of the wrong-case facts, with its own message. */
const id = <A extends string>(v: unknown, path: Path, values: ReadonlyArray<A>, what: string): A =>
  values.includes(v as A)
    ? (v as A)
    : fail(path, `${JSON.stringify(v)} is not ${what} (${values[0]} … ${values[values.length - 1]})`);

const array = (v: unknown, path: Path): ReadonlyArray<unknown> =>
  Array.isArray(v) ? v : fail(path, `Expected ReadonlyArray<unknown>, actual ${show(v)}`);

const ids = <A extends string>(v: unknown, path: Path, values: ReadonlyArray<A>, what: string): Array<A> => {
  const a = array(v, path);
  const out: Array<A> = [];
  for (let i = 0; i < a.length; i++) out.push(id(a[i], [...path, i], values, what));
  if (new Set(out).size !== out.length) fail(path, "each id may appear once");
  return out;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? Number.NaN));

const isoDate = (v: unknown, path: Path): string => {
  const s = str(v, path);
  const m = ISO_DATE.exec(s);
  if (m === null) fail(path, "a date is written YYYY-MM-DD, e.g. 2024-09-27");
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!(y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)))
    fail(path, `${s} is not a day of the calendar`);
  return s;
};

const KINDS = ["wrong-case", "interference", "non-recording", "period"] as const;
// The vocabularies are the domain's own lists; only the decoding and the rules are written out here.
const METHODS = Method.literals;
const RELATIONS = Relation.literals;
const EMPLOYMENTS = Employment.literals;
const ROLES = PersonRole.literals;

const COMMON = ["kind", "regime", "asOf"];
const WRONG_CASE_KEYS = [...COMMON, "case", "triggers", "confirmed", "officers"];
const OFFICER_KEYS = ["id", "conduct", "mitigating", "aggravating", "otherConductReason"];
const INTERFERENCE_KEYS = [
  ...COMMON,
  "person",
  "acts",
  "method",
  "viaProcedure",
  "recorded",
  "onBehalfOfParty",
];
const PERSON_KEYS = ["relation", "employment", "role"];
const ACT_KEYS = ["act", "withinAuthority", "description"];
const NON_RECORDING_KEYS = [...COMMON, "violations", "instructedBySupervisor"];
const PERIOD_KEYS = [...COMMON, "period", "start"];

export interface Officer {
  id: string;
  conduct: Array<string>;
  mitigating: Array<string>;
  aggravating: Array<string>;
  otherConductReason: string | null;
}
export interface Act {
  act: string;
  withinAuthority: boolean;
  description?: string;
}
export interface Person {
  relation: string;
  employment?: string;
  role: string;
}
export type Request =
  | {
      kind: "wrong-case";
      regime?: string;
      asOf?: string;
      caseKind: string;
      triggers: Array<string>;
      confirmed: boolean;
      officers: Array<Officer>;
    }
  | {
      kind: "interference";
      regime?: string;
      asOf?: string;
      person: Person;
      acts: Array<Act>;
      method: string;
      viaProcedure: boolean;
      recorded: boolean;
      onBehalfOfParty: boolean;
    }
  | {
      kind: "non-recording";
      regime?: string;
      asOf?: string;
      violations: number;
      instructedBySupervisor: boolean;
    }
  | { kind: "period"; regime?: string; asOf?: string; period: "WC.10.1" | "WC.10.3"; start: string };

const common = (o: Input) => {
  const out: { regime?: string; asOf?: string } = {};
  if (o.regime !== undefined) out.regime = str(o.regime, ["regime"]);
  if (o.asOf !== undefined) out.asOf = isoDate(o.asOf, ["asOf"]);
  return out;
};

const officer = (v: unknown, path: Path): Officer => {
  const o = struct(v, path, OFFICER_KEYS);
  const rawId = str(required(o, "id", path), [...path, "id"]).trim();
  if (rawId === "") fail([...path, "id"], "an officer needs an id");
  const conduct = ids(required(o, "conduct", path), [...path, "conduct"], CONDUCT_IDS, "a WC.6 conduct id");
  const mitigating =
    o.mitigating === undefined
      ? []
      : ids(o.mitigating, [...path, "mitigating"], MITIGATION_IDS, "a WC.8 mitigation id");
  const aggravating =
    o.aggravating === undefined
      ? []
      : ids(o.aggravating, [...path, "aggravating"], AGGRAVATION_IDS, "a WC.9 aggravation id");
  const reason = o.otherConductReason;
  const otherConductReason =
    reason === undefined || reason === null ? null : str(reason, [...path, "otherConductReason"]);
  if (conduct.includes("WC.6.11") && (otherConductReason ?? "").trim() === "")
    fail([...path, "otherConductReason"], "WC.6.11 (其它应追究责任的行为) needs a written reason");
  return { id: rawId, conduct, mitigating, aggravating, otherConductReason };
};

const decodeWrongCase = (o: Input): Request => {
  struct(o, [], WRONG_CASE_KEYS);
  const c = common(o);
  const kase = struct(required(o, "case", []), ["case"], ["kind"]);
  const caseKind = id(required(kase, "kind", ["case"]), ["case", "kind"], CASE_KINDS, "a case kind");
  const triggers = ids(required(o, "triggers", []), ["triggers"], TRIGGER_IDS, "a WC.5 trigger id");
  const confirmed = bool(required(o, "confirmed", []), ["confirmed"]);
  const list = array(required(o, "officers", []), ["officers"]);
  const officers = list.map((x, i) => officer(x, ["officers", i]));
  const dup = officers.findIndex((x, j) => officers.findIndex((p) => p.id === x.id) !== j);
  if (dup !== -1) fail(["officers", dup, "id"], `officer id ${officers[dup]?.id} appears twice`);
  return { kind: "wrong-case", ...c, caseKind, triggers, confirmed, officers };
};

const decodeInterference = (o: Input): Request => {
  struct(o, [], INTERFERENCE_KEYS);
  const c = common(o);
  const p = struct(required(o, "person", []), ["person"], PERSON_KEYS);
  const relation = literal(required(p, "relation", ["person"]), ["person", "relation"], RELATIONS);
  const employment =
    p.employment === undefined ? undefined : literal(p.employment, ["person", "employment"], EMPLOYMENTS);
  const role = literal(required(p, "role", ["person"]), ["person", "role"], ROLES);
  if (relation !== "none" && employment === undefined)
    fail(["person", "employment"], "current and former staff need an employment (IF.2)");
  if (relation === "none" && employment !== undefined)
    fail(["person", "employment"], "someone who never worked at the body has no employment there (IF.2)");
  const list = array(required(o, "acts", []), ["acts"]);
  if (list.length === 0) fail(["acts", 0], "is missing");
  const acts = list.map((x, i): Act => {
    const path = ["acts", i];
    const a = struct(x, path, ACT_KEYS);
    const act = literal(required(a, "act", path), [...path, "act"], ACTS);
    const withinAuthority = optionalBool(a, "withinAuthority", path);
    const out: Act = { act, withinAuthority };
    if (a.description !== undefined) out.description = str(a.description, [...path, "description"]);
    if (act === "other" && (out.description ?? "").trim() === "")
      fail([...path, "description"], "an act of kind other needs a description");
    return out;
  });
  const method = literal(required(o, "method", []), ["method"], METHODS);
  const viaProcedure = bool(required(o, "viaProcedure", []), ["viaProcedure"]);
  const recorded = bool(required(o, "recorded", []), ["recorded"]);
  const onBehalfOfParty = optionalBool(o, "onBehalfOfParty", []);
  const person: Person = employment === undefined ? { relation, role } : { relation, employment, role };
  return { kind: "interference", ...c, person, acts, method, viaProcedure, recorded, onBehalfOfParty };
};

const decodeNonRecording = (o: Input): Request => {
  struct(o, [], NON_RECORDING_KEYS);
  const c = common(o);
  const v = required(o, "violations", []);
  if (typeof v !== "number") fail(["violations"], `Expected number, actual ${show(v)}`);
  if (!Number.isInteger(v)) fail(["violations"], `Expected an integer, actual ${show(v)}`);
  if ((v as number) < 0) fail(["violations"], "violations is a count: a whole number ≥ 0");
  const instructedBySupervisor = optionalBool(o, "instructedBySupervisor", []);
  return { kind: "non-recording", ...c, violations: v as number, instructedBySupervisor };
};

const decodePeriod = (o: Input): Request => {
  struct(o, [], PERIOD_KEYS);
  const c = common(o);
  const period = literal(required(o, "period", []), ["period"], ["WC.10.1", "WC.10.3"] as const);
  const start = isoDate(required(o, "start", []), ["start"]);
  return { kind: "period", ...c, period, start };
};

const decode = (v: unknown): Request => {
  if (!isRecord(v)) fail([], `Expected an assess request, actual ${show(v)}`);
  const o = v as Input;
  if (!("kind" in o)) fail(["kind"], "is missing");
  switch (o.kind) {
    case "wrong-case":
      return decodeWrongCase(o);
    case "interference":
      return decodeInterference(o);
    case "non-recording":
      return decodeNonRecording(o);
    case "period":
      return decodePeriod(o);
    default:
      return fail(
        ["kind"],
        `Expected ${KINDS.map((k) => JSON.stringify(k)).join(" | ")}, actual ${show(o.kind)}`,
      );
  }
};

// ——— Citations ———

const REGIME_ORDER = ["WC", "IF"];
const CITATION = /^([A-Z]{2,8})\.(\d{1,3})([a-z]?)(?:\.(\d{1,3}))?$/;
const sortKeys = new Map<string, string>();
/** A text key that sorts as the citation order does: regime, article, letter, item, numerically. */
const sortKey = (id: string): string => {
  let key = sortKeys.get(id);
  if (key === undefined) {
    const m = CITATION.exec(id);
    if (m === null) throw new Error(`not a citation id: ${id}`);
    const rank = REGIME_ORDER.indexOf(m[1] as string);
    key = [
      String(rank === -1 ? REGIME_ORDER.length : rank),
      (m[1] as string).padEnd(8, " "),
      (m[2] as string).padStart(3, "0"),
      m[3] || " ",
      (m[4] ?? "0").padStart(3, "0"),
    ].join("|");
    sortKeys.set(id, key);
  }
  return key;
};
const byCitation = (a: string, b: string) => {
  const x = sortKey(a);
  const y = sortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
export const sorted = (ids: Iterable<string>): Array<string> => [...new Set(ids)].sort(byCitation);

export const step = (
  citation: string,
  rule: string,
  holds: boolean,
  inputs: Record<string, BasisInput> = {},
): PlainStep => ({
  citation,
  rule,
  holds,
  inputs,
});

export const contractError = (tag: string, message: string, path: Path): PlainResult => ({
  error: { tag, message, path },
});

const formatPath = (path: Path): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

// ——— The regime, as plain data ———

interface Day {
  readonly date: string;
  readonly tag: "OrdinaryWorkingDay" | "Weekend" | "StatutoryRestDay" | "AdjustedWorkingDay";
  readonly holiday?: string;
}

type InterferenceRequest = Extract<Request, { kind: "interference" }>;

/** IF.2: the step saying whether the person is internal staff. */
export const internalStepOf = (r: InterferenceRequest, internal: boolean): PlainStep =>
  step("IF.2", "if.internal", internal, {
    relation: r.person.relation,
    employment: r.person.employment ?? null,
  });

/** IF.2, IF.8: the result for someone who is not internal staff. */
export const notInternalResult = (
  ref: string,
  r: InterferenceRequest,
  internalStep: PlainStep,
  otherAgency: boolean,
): PlainResult => ({
  kind: "interference",
  regime: ref,
  internal: false,
  finding: "not-internal",
  categories: [],
  recordRequired: otherAgency && !r.viaProcedure,
  notification: false,
  citations: otherAgency ? ["IF.2", "IF.8"] : ["IF.2"],
  basis: otherAgency
    ? [
        internalStep,
        step("IF.8", "if.other-agency-procedure", r.viaProcedure, { viaProcedure: r.viaProcedure }),
      ]
    : [internalStep],
});

/** What the acts of an internal contact came to, folded into the result (IF.10, IF.13, IF.7, IF.3, IF.12b). */
export const internalResult = (
  ref: string,
  r: InterferenceRequest,
  found: {
    readonly ifCategories: ReadonlySet<string>;
    readonly legitimate: ReadonlySet<string>;
    readonly record: ReadonlySet<string>;
  },
  basis: Array<PlainStep>,
): PlainResult => {
  const { ifCategories, legitimate, record } = found;
  const finding =
    ifCategories.size > 0 ? "interference" : record.size > 0 ? "permitted-record-required" : "legitimate";
  const categories =
    finding === "interference" ? sorted(ifCategories) : finding === "legitimate" ? sorted(legitimate) : [];
  if (finding === "interference") basis.push(step("IF.11", "if.referral-if-discipline", true));
  else basis.push(step("IF.10", "if.no-interference", false));
  basis.push(step("IF.3", "if.recorded", r.recorded));
  if (!r.recorded) basis.push(step("IF.12b", "if.not-recorded", true));
  return {
    kind: "interference",
    regime: ref,
    internal: true,
    finding,
    categories,
    recordRequired: true,
    notification: finding === "interference",
    citations: sorted([
      "IF.2",
      "IF.3",
      ...(finding === "interference" ? ["IF.5", "IF.10"] : []),
      ...categories,
      ...record,
      ...(r.recorded ? [] : ["IF.12b"]),
    ]),
    basis,
  };
};

export interface PlainRegime {
  readonly ref: string;
  readonly assess: (request: unknown) => PlainResult;
  readonly explain: (basis: ReadonlyArray<PlainStep>) => ReadonlyArray<string>;
}

export type DecodeError = Extract<PlainResult, { error: unknown }>;

/** Decodes a request and checks the regime it names (and the date, if any) as `assess` does. */
export const decodeRequest =
  (regime: Regime) =>
  (input: unknown): Request | DecodeError => {
    let r: Request;
    try {
      r = decode(input);
    } catch (e) {
      if (e instanceof Invalid)
        return {
          error: {
            tag: "InvalidRequest",
            message: `${e.path.length > 0 ? `${formatPath(e.path)}: ` : ""}${e.message}`,
            path: e.path,
          },
        };
      throw e;
    }
    if (r.regime !== undefined && r.regime !== regime.id)
      return { error: { tag: "UnknownRegime", message: `no regime called ${r.regime}`, path: ["regime"] } };
    if (
      r.asOf !== undefined &&
      (r.asOf < regime.validFrom || (regime.validTo !== undefined && r.asOf > regime.validTo))
    )
      return {
        error: {
          tag: "RegimeNotInForce",
          message: `${regime.id} is in force from ${regime.validFrom}${regime.validTo ? ` to ${regime.validTo}` : ""}, not on ${r.asOf}`,
          path: ["asOf"],
        },
      };
    return r;
  };

export const plainRegime = (regime: Regime): PlainRegime => {
  const ref = `${regime.id}@${regime.version}`;
  const decodeFor = decodeRequest(regime);
  const labels = new Map(regime.articles.map((a) => [a.id as string, `${a.id} ${a.heading}`]));

  // Holiday calendar
  const calendarId = regime.calendar.id;
  const years = new Map(regime.calendar.years.map((y) => [y.year, y.documentNumbers]));
  const special = new Map<string, Day>();
  for (const y of regime.calendar.years)
    for (const h of y.holidays) {
      for (const date of h.restDays) special.set(date, { date, tag: "StatutoryRestDay", holiday: h.name });
      for (const date of h.adjustedWorkingDays)
        special.set(date, { date, tag: "AdjustedWorkingDay", holiday: h.name });
    }
  const known = [...years.keys()].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const y of known) {
    const last = runs[runs.length - 1];
    if (last !== undefined && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const knownText = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ");
  class OutOfRange {
    constructor(readonly date: string) {}
  }
  const covers = (date: string) => years.has(Number(date.slice(0, 4)));
  const dayNumber = (date: string) => {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const day = Number(date.slice(8, 10));
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  };
  const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));
  const fromDayNumber = (n: number) => {
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return `${String(yoe + era * 400 + (m <= 2 ? 1 : 0)).padStart(4, "0")}-${p2(m)}-${p2(d)}`;
  };
  const dayOf = (date: string): Day => {
    if (!covers(date)) throw new OutOfRange(date);
    const s = special.get(date);
    if (s !== undefined) return s;
    const weekday = ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
    return { date, tag: weekday >= 6 ? "Weekend" : "OrdinaryWorkingDay" };
  };
  const working = (d: Day) => d.tag === "OrdinaryWorkingDay" || d.tag === "AdjustedWorkingDay";
  const holidaysOf = (days: ReadonlyArray<Day>) => [
    ...new Set(days.flatMap((d) => (d.holiday === undefined ? [] : [d.holiday]))),
  ];
  const skippedInputs = (skipped: ReadonlyArray<Day>) => ({
    statutoryRestDays: skipped.filter((d) => d.tag === "StatutoryRestDay").map((d) => d.date),
    holidays: holidaysOf(skipped.filter((d) => d.tag === "StatutoryRestDay")),
    weekendDays: skipped.filter((d) => d.tag === "Weekend").map((d) => d.date),
  });
  const calendarStep = (citation: string, from: string, to: string) => {
    const ys: Array<number> = [];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (years.has(y)) ys.push(y);
    return step(citation, "period.holiday-calendar", true, {
      calendar: calendarId,
      years: ys.map(String),
      notices: ys.flatMap((y) => years.get(y) ?? []),
    });
  };

  const periodDue = (period: "WC.10.1" | "WC.10.3", start: string) => {
    const rule = regime.periods[period];
    if (!covers(start)) throw new OutOfRange(start);
    if (rule._tag === "WorkingDays") {
      const counted: Array<Day> = [];
      const skipped: Array<Day> = [];
      let n = dayNumber(start);
      let date = start;
      while (counted.length < rule.count) {
        n += 1;
        date = fromDayNumber(n);
        const d = dayOf(date);
        (working(d) ? counted : skipped).push(d);
      }
      const adjusted = counted.filter((d) => d.tag === "AdjustedWorkingDay");
      return {
        due: date,
        unit: "working-days",
        steps: [
          step(period, "period.start-day-excluded", true, { start }),
          step(period, "period.working-days", true, {
            count: rule.count,
            start,
            due: date,
            counted: counted.map((d) => d.date),
          }),
          step(period, "period.rest-days-skipped", skipped.length > 0, skippedInputs(skipped)),
          step(period, "period.adjusted-working-days", adjusted.length > 0, {
            dates: adjusted.map((d) => d.date),
            holidays: holidaysOf(adjusted),
          }),
          calendarStep(period, start, date),
        ],
      };
    }
    if (rule._tag === "CalendarMonths" && rule.rollForward) {
      const y = Number(start.slice(0, 4));
      const m = Number(start.slice(5, 7));
      const d = Number(start.slice(8, 10));
      const index = y * 12 + (m - 1) + rule.count;
      const ty = Math.floor(index / 12);
      const tm = index - ty * 12 + 1;
      const td = Math.min(d, daysInMonth(ty, tm));
      const end = `${String(ty).padStart(4, "0")}-${p2(tm)}-${p2(td)}`;
      const skipped: Array<Day> = [];
      let n = dayNumber(end);
      let current = end;
      for (;;) {
        const day = dayOf(current);
        if (working(day)) break;
        skipped.push(day);
        n += 1;
        current = fromDayNumber(n);
      }
      return {
        due: current,
        unit: "calendar-month",
        steps: [
          step(period, "period.calendar-month", true, { count: rule.count, start, end }),
          step(period, "period.month-end", td !== d, { dayOfMonth: d, end }),
          step(period, "period.roll-forward", skipped.length > 0, {
            rollForward: true,
            end,
            due: current,
            ...skippedInputs(skipped),
          }),
          calendarStep(period, start, current),
        ],
      };
    }
    throw new Error(`the plain baseline does not implement the period rule ${rule._tag} of ${period}`);
  };

  // Wrong case
  const IN_SCOPE = new Set(["administrative-penalty", "administrative-licence"]);
  const DISCIPLINE = new Set(["WC.6.7", "WC.6.8", "WC.6.9"]);
  const CRIMINAL = new Set(["WC.6.9"]);
  const CONTRADICTIONS: ReadonlyArray<readonly [string, string, string]> = [
    ["WC.8.5", "WC.9a", "corrected the error on their own, yet persisted in it"],
    ["WC.8.5", "WC.9b", "corrected the error with no consequence, yet let the harm happen"],
    ["WC.8.3", "WC.6.9", "had no fault, yet took bribes, neglected duty or bent the law"],
    ["WC.8.4", "WC.9a", "corrected after criticism and education, yet persisted in the error"],
  ];
  const policy = regime.policy;
  const LADDER = ["WC.11.1", "WC.11.2", "WC.11.3", "WC.11.4", "WC.11.5", "WC.11.6"];
  const TOP = LADDER.length - 1;
  const clamp = (r: number) => Math.max(0, Math.min(TOP, r));
  const rungOf = (s: string) => LADDER.indexOf(s);

  const propose = (conduct: Array<string>, mitigating: Array<string>, aggravating: Array<string>) => {
    let base = -1;
    let baseRule = "";
    for (const r of policy.conductRules) {
      if (r.conduct.some((c) => conduct.includes(c)) && rungOf(r.sanction) > base) {
        base = rungOf(r.sanction);
        baseRule = r.rule;
      }
    }
    if (base < 0) return null;
    const rules = [baseRule];
    let rung = base;
    if (mitigating.length > 0) {
      rung = clamp(rung + policy.mitigation.rungs);
      rules.push(policy.mitigation.rule);
    }
    if (aggravating.length > 0) {
      rung = clamp(rung + policy.aggravation.rungs * aggravating.length);
      rules.push(policy.aggravation.rule);
    }
    const main = LADDER[clamp(rung)] as string;
    const extra = policy.accompaniments.filter((a) => rung >= rungOf(a.from) && a.add !== main);
    for (const a of extra) rules.push(a.rule);
    const sanctions = LADDER.filter((s) => s === main || extra.some((a) => a.add === s));
    return {
      sanctions,
      policy: policy.version,
      rule: rules.join(" + "),
      citations: sorted([...conduct, "WC.7", ...mitigating, ...aggravating, ...sanctions]),
    };
  };

  const assessOfficer = (o: Officer) => {
    const conduct = sorted(o.conduct);
    const mitigating = sorted(o.mitigating);
    const aggravating = sorted(o.aggravating);
    const liable = conduct.length > 0;
    const discipline = conduct.some((c) => DISCIPLINE.has(c));
    const criminal = conduct.some((c) => CRIMINAL.has(c));
    const proposal = liable ? propose(conduct, mitigating, aggravating) : null;
    const basis: Array<PlainStep> = [];
    if (liable)
      for (const c of conduct)
        basis.push(
          step(c, "wc.conduct", true, c === "WC.6.11" ? { reason: o.otherConductReason ?? "" } : {}),
        );
    else basis.push(step("WC.6", "wc.conduct.none", false));
    if (mitigating.length > 0) for (const m of mitigating) basis.push(step(m, "wc.mitigation", true));
    else basis.push(step("WC.8", "wc.mitigation.none", false));
    if (aggravating.length > 0) for (const a of aggravating) basis.push(step(a, "wc.aggravation", true));
    else basis.push(step("WC.9", "wc.aggravation.none", false));
    basis.push(step("WC.10.3", "wc.referral.discipline", discipline, { conduct: [...conduct] }));
    if (criminal) basis.push(step("WC.10.3", "wc.referral.criminal", true, { conduct: [...conduct] }));
    if (proposal)
      basis.push(
        step("WC.7", "wc.proposal", true, {
          policy: proposal.policy,
          rule: proposal.rule,
          sanctions: [...proposal.sanctions],
        }),
      );
    const active = liable
      ? [...conduct, ...mitigating, ...aggravating, ...(discipline ? ["WC.10.3"] : [])]
      : ["WC.6"];
    return {
      id: o.id,
      liable,
      conduct,
      mitigation: { grounds: mitigating, options: mitigating.length > 0 ? ["lighter", "exempt"] : [] },
      aggravation: { grounds: aggravating },
      referral: { discipline, criminal },
      citations: sorted([...active, ...(proposal?.citations ?? [])]),
      basis,
      proposal,
    };
  };

  const wrongCase = (r: Extract<Request, { kind: "wrong-case" }>): PlainResult => {
    for (let i = 0; i < r.officers.length; i++) {
      const o = r.officers[i] as Officer;
      const facts = new Set([...o.conduct, ...o.mitigating, ...o.aggravating]);
      for (const [a, b, why] of CONTRADICTIONS)
        if (facts.has(a) && facts.has(b))
          return contractError(
            "ContradictoryFacts",
            `officer ${o.id}: ${a} and ${b} cannot both hold (${why})`,
            ["officers", i],
          );
    }
    const inScope = IN_SCOPE.has(r.caseKind);
    const scopeStep = step("WC.2", "wc.scope", inScope, { caseKind: r.caseKind });
    if (!inScope)
      return {
        kind: "wrong-case",
        regime: ref,
        status: "out-of-scope",
        citations: ["WC.2"],
        officers: [],
        basis: [scopeStep],
      };
    const triggers = sorted(r.triggers);
    const basis = [scopeStep];
    if (triggers.length === 0) basis.push(step("WC.5", "wc.trigger.none", false));
    else {
      for (const t of triggers) basis.push(step(t, "wc.trigger", true));
      basis.push(step("WC.5", "wc.confirmed", r.confirmed, { triggers: [...triggers] }));
    }
    const status = triggers.length === 0 ? "not-wrong-case" : r.confirmed ? "wrong-case" : "pending";
    return {
      kind: "wrong-case",
      regime: ref,
      status,
      citations: sorted(["WC.2", ...(status === "not-wrong-case" ? ["WC.5"] : triggers)]),
      officers: status === "wrong-case" ? r.officers.map(assessOfficer) : [],
      basis,
    };
  };

  // Interference
  const SUPERVISING = new Set(["leader", "superior-body", "supervisory-department"]);
  const OPINION = new Set(["guidance", "characterisation-opinion", "forward-case-materials"]);
  type Outcome =
    | { kind: "interference"; categories: ReadonlyArray<string>; rule: string }
    | { kind: "legitimate"; ground: string; rule: string }
    | { kind: "record"; citation: string; rule: string };
  const interferes = (rule: string, ...categories: Array<string>): Outcome => ({
    kind: "interference",
    categories,
    rule,
  });
  const actOutcome = (
    act: Act,
    role: string,
    written: boolean,
    r: Extract<Request, { kind: "interference" }>,
  ): Outcome => {
    const kind = act.act;
    const probe = () =>
      r.onBehalfOfParty
        ? interferes("if.probe-for-party", "IF.10.5", "IF.10.6")
        : interferes("if.probe", "IF.10.7");
    if (OPINION.has(kind) || kind.startsWith("instruct-")) {
      if (SUPERVISING.has(role) && act.withinAuthority)
        return written
          ? { kind: "legitimate", ground: "IF.13.1", rule: "if.written-guidance" }
          : { kind: "record", citation: "IF.7", rule: "if.oral-guidance" };
      return OPINION.has(kind)
        ? interferes("if.private-opinion", "IF.10.2")
        : interferes("if.instruction", "IF.10.1");
    }
    switch (kind) {
      case "demand-unlawful-evidence-preservation":
      case "demand-unlawful-property-disposal":
        return interferes("if.unlawful-demand", "IF.10.3");
      case "propose-private-meeting":
        return interferes("if.private-meeting", "IF.10.4");
      case "plead-for-party":
        return interferes("if.plead", "IF.10.5");
      case "tip-off":
        return interferes("if.tip-off", "IF.10.5", "IF.10.6");
      case "forward-materials-for-party":
        return interferes("if.forward-for-party", "IF.10.6");
      case "probe-case-details":
        return probe();
      case "inquiry":
        return r.viaProcedure
          ? r.recorded
            ? { kind: "legitimate", ground: "IF.13.2", rule: "if.inquiry-via-procedure" }
            : { kind: "record", citation: "IF.3", rule: "if.inquiry-unrecorded" }
          : probe();
      default:
        return interferes("if.other", "IF.10.7");
    }
  };

  const interference = (r: Extract<Request, { kind: "interference" }>): PlainResult => {
    const internal = r.person.relation !== "none";
    const role = r.person.role;
    const internalStep = internalStepOf(r, internal);
    if (!internal) return notInternalResult(ref, r, internalStep, role === "other-agency");
    const written = r.method === "written";
    const ifCategories = new Set<string>();
    const legitimate = new Set<string>();
    const record = new Set<string>();
    const basis: Array<PlainStep> = [internalStep];
    for (const act of r.acts) {
      const outcome = actOutcome(act, role, written, r);
      const inputs = { act: act.act, role, method: r.method, withinAuthority: act.withinAuthority };
      if (outcome.kind === "interference")
        for (const c of outcome.categories) {
          ifCategories.add(c);
          basis.push(step(c, outcome.rule, true, inputs));
        }
      else if (outcome.kind === "legitimate") {
        legitimate.add(outcome.ground);
        basis.push(step(outcome.ground, outcome.rule, true, inputs));
      } else {
        record.add(outcome.citation);
        basis.push(step(outcome.citation, outcome.rule, true, inputs));
      }
    }
    return internalResult(ref, r, { ifCategories, legitimate, record }, basis);
  };

  const nonRecording = (r: Extract<Request, { kind: "non-recording" }>): PlainResult => {
    const sanctioned = r.violations >= 1;
    const refer = r.violations >= 2;
    const supervisor = sanctioned && r.instructedBySupervisor;
    return {
      kind: "non-recording",
      regime: ref,
      sanctions: sanctioned ? ["warning", "circulated-criticism"] : [],
      referDiscipline: refer,
      supervisorLiable: supervisor,
      citations: ["IF.12b"],
      basis: [
        step("IF.12b", "if.non-recording.sanction", sanctioned, { violations: r.violations }),
        step("IF.12b", "if.non-recording.discipline", refer, { violations: r.violations }),
        step("IF.12b", "if.non-recording.supervisor", supervisor),
      ],
    };
  };

  const period = (r: Extract<Request, { kind: "period" }>): PlainResult => {
    try {
      const p = periodDue(r.period, r.start);
      return {
        kind: "period",
        regime: ref,
        period: r.period,
        start: r.start,
        due: p.due,
        unit: p.unit,
        citations: [r.period],
        basis: p.steps,
      };
    } catch (e) {
      if (e instanceof OutOfRange)
        return contractError(
          "CalendarOutOfRange",
          `${e.date} lies outside the years the holiday calendar "${calendarId}" knows (${knownText}); add that year's holiday arrangement to the calendar first`,
          ["start"],
        );
      throw e;
    }
  };

  const assess = (input: unknown): PlainResult => {
    const r = decodeFor(input);
    if ("error" in r) return r;
    switch (r.kind) {
      case "wrong-case":
        return wrongCase(r);
      case "interference":
        return interference(r);
      case "non-recording":
        return nonRecording(r);
      case "period":
        return period(r);
    }
  };

  const explain = (basis: ReadonlyArray<PlainStep>): ReadonlyArray<string> =>
    basis.map((s) => {
      const message = MESSAGES[s.rule]?.zh;
      const text = message ? message(s.inputs, s.holds) : `规则 ${s.rule}${s.holds ? "成立" : "不成立"}。`;
      return `【${labels.get(s.citation) ?? s.citation}】${text}`;
    });

  return { ref, assess, explain };
};
