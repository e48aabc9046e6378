/**
 * Seeded data sets, generated here and never downloaded: a mix of `assess` requests as a district bureau's
 * work brings them (CONFORMANCE.md), and streams of proceeding events across agencies and stages for the
 * event log. The same seed gives the same data on every machine.
 *
 * The mixes are estimates of a bureau's year, not measurements of one: interference contacts are recorded
 * most often (every internal contact about a case, IF.3), periods are computed whenever a step is taken,
 * wrong-case assessments follow the rarer complaints, and about one request in twenty is refused (a typo, an
 * id out of range, a missing field, facts that contradict each other, a date outside the holiday calendar).
 */
import { type Random, seededRandom } from "../lib/random.js";

export type AssessRequestKind = "wrong-case" | "interference" | "non-recording" | "period" | "invalid";

/** How often each kind of request comes, out of 100. */
export const ASSESS_MIX: Readonly<Record<AssessRequestKind, number>> = {
  interference: 40,
  "wrong-case": 28,
  period: 22,
  "non-recording": 5,
  invalid: 5,
};

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json };
export type Request = { readonly [key: string]: Json };

const REGIME = "qianjiang-msa-2020";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A day from `fromYear` to `toYear` (a real day: the 28th at most, so every month has it). */
const dayIn = (r: Random, fromYear: number, toYear: number, maxDay = 28) =>
  `${r.int(fromYear, toYear)}-${pad(r.int(1, 12))}-${pad(r.int(1, maxDay))}`;

/** `regime` and `asOf` as callers send them: mostly left out, sometimes explicit. */
const common = (r: Random): Record<string, Json> => {
  const out: Record<string, Json> = {};
  if (r.chance(0.15)) out.regime = REGIME;
  if (r.chance(0.3)) out.asOf = dayIn(r, 2021, 2026);
  return out;
};

const CONDUCT_WEIGHTS = {
  "WC.6.1": 6,
  "WC.6.2": 5,
  "WC.6.3": 25,
  "WC.6.4": 20,
  "WC.6.5": 18,
  "WC.6.6": 5,
  "WC.6.7": 2,
  "WC.6.8": 2,
  "WC.6.9": 2,
  "WC.6.10": 8,
  "WC.6.11": 7,
} as const;
const MITIGATION = ["WC.8.1", "WC.8.2", "WC.8.3", "WC.8.4", "WC.8.5", "WC.8.6"] as const;
const AGGRAVATION = ["WC.9a", "WC.9b", "WC.9c"] as const;
const TRIGGERS = ["WC.5.1", "WC.5.2", "WC.5.3", "WC.5.4", "WC.5.5", "WC.5.6", "WC.5.7"] as const;

const REASONS = [
  "未按规定告知陈述申辩权利",
  "送达程序不符合规定",
  "未依法履行集体讨论程序",
  "案卷材料装订遗漏关键证据",
  "超期办结未说明理由",
];
const DESCRIPTIONS = [
  "要求延迟送达处罚决定书",
  "暗示办案人员放宽检查标准",
  "要求调换办案人员",
  "要求提前透露检查时间",
];

const distinct = <A>(r: Random, weights: Readonly<Record<string, number>>, n: number): Array<A> => {
  const out = new Set<string>();
  for (let guard = 0; out.size < n && guard < 50; guard++) out.add(r.weighted(weights));
  return [...out] as Array<A>;
};

const officer = (r: Random, i: number): Record<string, Json> => {
  const conduct = distinct<string>(r, CONDUCT_WEIGHTS, Number(r.weighted({ 0: 10, 1: 65, 2: 20, 3: 5 })));
  const o: Record<string, Json> = {
    id: r.chance(0.02) ? ` officer-${pad(i + 1, 3)} ` : `officer-${pad(i + 1, 3)}`,
    conduct,
  };
  const mitigating = r.sample(MITIGATION, Number(r.weighted({ 0: 65, 1: 30, 2: 5 })));
  const aggravating = r.sample(AGGRAVATION, Number(r.weighted({ 0: 80, 1: 17, 2: 3 })));
  if (mitigating.length > 0 || r.chance(0.6)) o.mitigating = mitigating;
  if (aggravating.length > 0 || r.chance(0.6)) o.aggravating = aggravating;
  if (conduct.includes("WC.6.11")) o.otherConductReason = r.pick(REASONS);
  else if (r.chance(0.3)) o.otherConductReason = null;
  return o;
};

const wrongCase = (r: Random): Request => ({
  kind: "wrong-case",
  ...common(r),
  case: {
    kind: r.weighted({
      "administrative-penalty": 60,
      "administrative-licence": 20,
      inspection: 8,
      "coercive-measure": 7,
      other: 5,
    }),
  },
  triggers: r.sample(TRIGGERS, Number(r.weighted({ 0: 10, 1: 70, 2: 15, 3: 5 }))),
  confirmed: r.chance(0.75),
  officers: Array.from({ length: Number(r.weighted({ 1: 50, 2: 35, 3: 10, 4: 5 })) }, (_, i) =>
    officer(r, i),
  ),
});

const SUPERVISING = ["leader", "superior-body", "supervisory-department"];
const ACT_WEIGHTS = {
  guidance: 14,
  inquiry: 22,
  "instruct-open-case": 2,
  "instruct-withdraw-case": 3,
  "instruct-stop-investigation": 3,
  "instruct-change-coercive-measure": 2,
  "instruct-lower-penalty": 6,
  "instruct-raise-penalty": 1,
  "characterisation-opinion": 5,
  "forward-case-materials": 4,
  "demand-unlawful-evidence-preservation": 1,
  "demand-unlawful-property-disposal": 1,
  "propose-private-meeting": 3,
  "plead-for-party": 12,
  "probe-case-details": 10,
  "tip-off": 3,
  "forward-materials-for-party": 4,
  other: 4,
} as const;

const person = (r: Random): Record<string, Json> => {
  const relation = r.weighted({ current: 75, former: 15, none: 10 });
  if (relation === "none")
    return { relation, role: r.weighted({ "other-agency": 40, "party-side": 40, other: 20 }) };
  return {
    relation,
    employment:
      relation === "former"
        ? r.weighted({ established: 30, contract: 20, retired: 50 })
        : r.weighted({ established: 75, contract: 25 }),
    role: r.weighted({
      leader: 20,
      "superior-body": 8,
      "supervisory-department": 7,
      colleague: 40,
      "party-side": 5,
      other: 20,
    }),
  };
};

const interference = (r: Random): Request => {
  const p = person(r);
  const acts = Array.from({ length: Number(r.weighted({ 1: 75, 2: 20, 3: 5 })) }, () => {
    const act = r.weighted(ACT_WEIGHTS);
    const a: Record<string, Json> = { act };
    if (SUPERVISING.includes(String(p.role)) ? r.chance(0.8) : r.chance(0.15))
      a.withinAuthority = r.chance(0.6);
    if (act === "other" || r.chance(0.05)) a.description = r.pick(DESCRIPTIONS);
    return a;
  });
  const req: Record<string, Json> = {
    kind: "interference",
    ...common(r),
    person: p,
    acts,
    method: r.weighted({ oral: 30, phone: 30, written: 15, message: 15, "in-person": 10 }),
    viaProcedure: r.chance(0.3),
    recorded: r.chance(0.9),
  };
  if (r.chance(0.7)) req.onBehalfOfParty = r.chance(0.25);
  return req;
};

const nonRecording = (r: Random): Request => {
  const req: Record<string, Json> = {
    kind: "non-recording",
    ...common(r),
    violations: Number(r.weighted({ 0: 5, 1: 60, 2: 25, 3: 7, 4: 3 })),
  };
  if (r.chance(0.8)) req.instructedBySupervisor = r.chance(0.2);
  return req;
};

const period = (r: Random): Request => ({
  kind: "period",
  ...common(r),
  period: r.weighted({ "WC.10.1": 65, "WC.10.3": 35 }),
  // Up to the calendar's last known year; a start in its last weeks runs past it (CalendarOutOfRange).
  start: dayIn(r, 2021, 2026),
});

/** The mistakes callers make, each turning a valid request into one the contract refuses. */
const MISTAKES: ReadonlyArray<(r: Random) => Request> = [
  (r) => ({ ...interference(r), recoreded: true }), // a typo: excess property
  (r) => ({ ...interference(r), acts: [{ act: "bribe" }] }),
  (r) => ({ ...interference(r), acts: [{ act: "other" }] }), // other without a description
  (r) => ({ ...interference(r), person: { relation: "current", role: "colleague" } }), // no employment
  (r) => ({ ...interference(r), method: "fax" }),
  (r) => ({ ...wrongCase(r), officers: [{ id: "officer-001", conduct: ["WC.6.12"] }] }),
  (r) => ({
    ...wrongCase(r),
    officers: [{ id: "officer-001", conduct: ["WC.6.11"], otherConductReason: " " }],
  }),
  (r) => ({
    ...wrongCase(r),
    officers: [
      { id: "officer-001", conduct: ["WC.6.3"] },
      { id: "officer-001", conduct: ["WC.6.4"] },
    ],
  }),
  (r) => ({ ...wrongCase(r), case: { kind: "penalty" } }),
  (r) => ({ ...wrongCase(r), triggers: ["WC.5.3", "WC.5.3"] }),
  (r) => ({ ...wrongCase(r), confirmed: "yes" }),
  (r) => ({ ...nonRecording(r), violations: -1 }),
  (r) => ({ ...nonRecording(r), violations: 1.5 }),
  (r) => ({ ...period(r), start: "2024-02-30" }),
  (r) => ({ ...period(r), start: "2024/02/03" }),
  (r) => ({ ...period(r), period: "WC.10.2" }),
  (r) => ({ ...period(r), asOf: "2019-06-01" }), // before the regime's issue: RegimeNotInForce
  (r) => ({ ...period(r), regime: "qianjiang-msa-2019" }), // UnknownRegime
  (r) => ({ ...wrongCase(r), kind: "wrongcase" }),
  (r) => {
    const { kind: _, ...rest } = nonRecording(r);
    return rest;
  },
];

export interface AssessCorpus {
  readonly seed: string;
  readonly requests: ReadonlyArray<Request>;
  /** How many of each kind were drawn (a drawn request may still be refused: contradictions, dates). */
  readonly drawn: Readonly<Record<AssessRequestKind, number>>;
}

export const assessCorpus = (seed: string, size: number): AssessCorpus => {
  const r = seededRandom(seed);
  const drawn: Record<AssessRequestKind, number> = {
    "wrong-case": 0,
    interference: 0,
    "non-recording": 0,
    period: 0,
    invalid: 0,
  };
  const draw: Readonly<Record<AssessRequestKind, () => Request>> = {
    "wrong-case": () => wrongCase(r),
    interference: () => interference(r),
    "non-recording": () => nonRecording(r),
    period: () => period(r),
    invalid: () => r.pick(MISTAKES)(r),
  };
  const requests = Array.from({ length: size }, (): Request => {
    const kind = r.weighted(ASSESS_MIX);
    drawn[kind] += 1;
    return draw[kind]();
  });
  return { seed, requests, drawn };
};

// ——— Event streams for the log ———

/** Agency ids as a multi-agency deployment holds them; the first carries most of the work. */
export const AGENCIES = ["qianjiang-msa", "youyang-msa", "pengshui-msa", "xiushan-msa"] as const;

const WRONG_CASE_STAGES = [
  "ReportReceived",
  "ReportAccepted",
  "InvestigationTeamAssigned",
  "EvidenceLogged",
  "InterviewLogged",
  "FindingsSubmitted",
  "WrongCaseClassified",
  "SanctionProposed",
  "CollectiveDecisionRecorded",
  "DecisionNotified",
] as const;
const INTERFERENCE_STAGES = [
  "InterferenceRecorded",
  "RecordSpotChecked",
  "NotificationPrepared",
  "NotificationApproved",
  "NotificationCirculated",
] as const;

const STAGE_CITATIONS: Readonly<Record<string, ReadonlyArray<string>>> = {
  ReportReceived: ["WC.10.1"],
  ReportAccepted: ["WC.10.1"],
  InvestigationTeamAssigned: ["WC.10.2"],
  EvidenceLogged: ["WC.10.2"],
  InterviewLogged: ["WC.10.2"],
  FindingsSubmitted: ["WC.10.2"],
  WrongCaseClassified: ["WC.2", "WC.5.3"],
  SanctionProposed: ["WC.6.4", "WC.7", "WC.11.1"],
  CollectiveDecisionRecorded: ["WC.10.3"],
  DecisionNotified: ["WC.10.3"],
  InterferenceRecorded: ["IF.3"],
  RecordSpotChecked: ["IF.4"],
  NotificationPrepared: ["IF.10", "IF.10.5"],
  NotificationApproved: ["IF.10"],
  NotificationCirculated: ["IF.10", "IF.11"],
};

const PHRASES = [
  "经核查，当事人提交的材料与现场检查记录一致",
  "办案人员已如实记录来电内容",
  "调查组调取了执法记录仪视频",
  "法治科对案卷进行了复核",
  "当事人对处罚决定提出异议",
  "请示领导后按程序办理",
  "涉案财物已登记保存",
  "询问笔录经本人核对签字",
];

export interface ProceedingEvent {
  readonly agencyId: string;
  readonly streamId: string;
  /** The stream's version before this event (what `EventLog.append` expects). */
  readonly expectedVersion: number;
  readonly type: string;
  readonly actor: string;
  readonly citations: ReadonlyArray<string>;
  readonly payload: {
    readonly stage: string;
    readonly date: string;
    readonly by: string;
    readonly summary: string;
    readonly attachments: ReadonlyArray<string>;
  };
}

interface Open {
  readonly agencyId: string;
  readonly streamId: string;
  readonly stages: ReadonlyArray<string>;
  /** How many stages this proceeding will reach before it closes (interference records mostly stop early). */
  readonly length: number;
  version: number;
}

export interface EventSourceOptions {
  readonly seed: string;
  /** Agencies and their weights; defaults to `AGENCIES` with the first carrying half the work. */
  readonly agencies?: Readonly<Record<string, number>>;
  /** Prefix of every stream id, so concurrent writers never share a stream. */
  readonly streamPrefix?: string;
  /** Proceedings open at once, per source. */
  readonly open?: number;
}

/**
 * An endless, seeded sequence of proceeding events: proceedings of both kinds opened across agencies, each
 * advanced stage by stage (events of different proceedings interleave, as a bureau's day does), closed, and
 * replaced by new ones.
 */
export const eventSource = (options: EventSourceOptions): { readonly next: () => ProceedingEvent } => {
  const r = seededRandom(options.seed);
  const agencies = options.agencies ?? {
    [AGENCIES[0]]: 50,
    [AGENCIES[1]]: 20,
    [AGENCIES[2]]: 20,
    [AGENCIES[3]]: 10,
  };
  const prefix = options.streamPrefix ?? "";
  let opened = 0;
  const openOne = (): Open => {
    opened += 1;
    const wrong = r.chance(0.35);
    const stages = wrong ? WRONG_CASE_STAGES : INTERFERENCE_STAGES;
    return {
      agencyId: r.weighted(agencies),
      streamId: `${wrong ? "wrong-case" : "interference-record"}/${prefix}${pad(opened, 6)}`,
      stages,
      length: wrong ? r.int(4, stages.length) : Number(r.weighted({ 1: 55, 2: 25, 5: 20 })),
      version: 0,
    };
  };
  const pool: Array<Open> = Array.from({ length: options.open ?? 64 }, openOne);
  return {
    next: () => {
      const slot = r.int(0, pool.length - 1);
      const p = pool[slot] as Open;
      const stage = p.stages[p.version] as string;
      const event: ProceedingEvent = {
        agencyId: p.agencyId,
        streamId: p.streamId,
        expectedVersion: p.version,
        type: stage,
        actor: `user:${p.agencyId}:${pad(r.int(1, 40), 3)}`,
        citations: STAGE_CITATIONS[stage] ?? [],
        payload: {
          stage,
          date: dayIn(r, 2024, 2026),
          by: `staff-${pad(r.int(1, 40), 3)}`,
          summary: r.sample(PHRASES, r.int(1, 3)).join("；"),
          attachments: Array.from({ length: r.int(0, 2) }, () => `doc-${r.int(1000, 9999)}.pdf`),
        },
      };
      p.version += 1;
      if (p.version >= p.length) pool[slot] = openOne();
      return event;
    },
  };
};

// ——— Interference records, for the proceeding projection ———

const PLACES = ["执法支队办公室", "区局三楼会议室", "市场监管所", "电话"];
const CONTENTS = [
  "要求对当事人降格处罚",
  "打听案件调查进展",
  "请求对当事人从轻处理",
  "转交当事人的情况说明材料",
  "询问检查时间安排",
];

/** The first step of an interference record (IF.3), as a handler records it. */
export interface RecordedContact {
  readonly agencyId: string;
  readonly recordId: string;
  readonly actor: string;
  readonly event: {
    readonly date: string;
    readonly handler: string;
    readonly caseRef: string;
    readonly elements: {
      readonly time: string;
      readonly place: string;
      readonly person: string;
      readonly method: string;
      readonly content: string;
    };
    readonly response: string | null;
    readonly categorisation: { readonly finding: string; readonly categories: ReadonlyArray<string> };
  };
}

/** An endless, seeded sequence of new interference records across agencies. */
export const contactSource = (options: EventSourceOptions): { readonly next: () => RecordedContact } => {
  const r = seededRandom(options.seed);
  const agencies = options.agencies ?? {
    [AGENCIES[0]]: 50,
    [AGENCIES[1]]: 20,
    [AGENCIES[2]]: 20,
    [AGENCIES[3]]: 10,
  };
  let n = 0;
  return {
    next: () => {
      n += 1;
      const agencyId = r.weighted(agencies);
      const handler = `handler-${pad(r.int(1, 40), 3)}`;
      const date = dayIn(r, 2024, 2026);
      return {
        agencyId,
        recordId: `${options.streamPrefix ?? ""}${pad(n, 7)}`,
        actor: `user:${agencyId}:${handler}`,
        event: {
          date,
          handler,
          caseRef: `黔江市监罚〔${date.slice(0, 4)}〕${r.int(1, 300)}号`,
          elements: {
            time: `${date}T${pad(r.int(8, 17))}:${pad(r.int(0, 59))}`,
            place: r.pick(PLACES),
            person: `staff-${pad(r.int(1, 80), 3)}`,
            method: r.pick(["oral", "phone", "written", "message", "in-person"]),
            content: r.pick(CONTENTS),
          },
          response: r.chance(0.7) ? "已拒绝，告知其依照程序办理" : null,
          categorisation: r.chance(0.6)
            ? { finding: "interference", categories: [r.pick(["IF.10.1", "IF.10.5", "IF.10.7"])] }
            : { finding: "permitted-record-required", categories: [] },
        },
      };
    },
  };
};
