/**
 * The Qianjiang suite: cases written from the regulation, each named for the article it checks. The same
 * cases run against every regime (`run-suite.ts`); a regime that reads an article differently declares the
 * difference in one place (see test/regimes/adapted-regime.ts).
 */
import type { Expectation } from "../conformance/expectation.js";

export interface SuiteCase extends Expectation {
  readonly name: string;
  readonly request: Readonly<Record<string, unknown>>;
}

type Officer = {
  id: string;
  conduct: string[];
  mitigating?: string[];
  aggravating?: string[];
  otherConductReason?: string | null;
};
const officer = (conduct: string[], more: Partial<Officer> = {}): Officer => ({
  id: "o1",
  conduct,
  mitigating: [],
  aggravating: [],
  ...more,
});
const wrongCase = (officers: Officer[], more: Record<string, unknown> = {}) => ({
  kind: "wrong-case",
  case: { kind: "administrative-penalty" },
  triggers: ["WC.5.1"],
  confirmed: true,
  officers,
  ...more,
});
const contact = (acts: Array<Record<string, unknown>>, more: Record<string, unknown> = {}) => ({
  kind: "interference",
  person: { relation: "current", employment: "established", role: "colleague" },
  acts,
  method: "phone",
  viaProcedure: false,
  recorded: true,
  onBehalfOfParty: false,
  ...more,
});
const leader = { relation: "current", employment: "established", role: "leader" };

/** The sanctions the default policy proposes: the part of a result another policy changes. */
const proposal = (...sanctions: string[]) => ({ officers: [{ id: "o1", proposal: { sanctions } }] });

export const WC_CASES: ReadonlyArray<SuiteCase> = [
  // WC.2 scope
  {
    name: "WC.2: an administrative penalty case is in scope",
    request: wrongCase([officer(["WC.6.4"])]),
    expect: { status: "wrong-case" },
    citationsInclude: ["WC.2"],
  },
  {
    name: "WC.2: an administrative licence case is in scope",
    request: wrongCase([officer(["WC.6.4"])], { case: { kind: "administrative-licence" } }),
    expect: { status: "wrong-case" },
    citationsInclude: ["WC.2"],
  },
  ...(["inspection", "coercive-measure", "other"] as const).map((kind) => ({
    name: `WC.2: a ${kind} case is out of scope and no officer is assessed`,
    request: wrongCase([officer(["WC.6.4"])], { case: { kind } }),
    expect: { status: "out-of-scope", officers: [] },
    citationsInclude: ["WC.2"],
  })),
  // WC.5 triggers and confirmation
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({
    name: `WC.5.${n}: a confirmed trigger makes a wrong case`,
    request: wrongCase([officer(["WC.6.3"])], { triggers: [`WC.5.${n}`] }),
    expect: { status: "wrong-case" },
    citationsInclude: ["WC.2", `WC.5.${n}`],
  })),
  {
    name: "WC.5: a trigger not confirmed by investigation leaves the case pending, officers unassessed",
    request: wrongCase([officer(["WC.6.3"])], { triggers: ["WC.5.2", "WC.5.5"], confirmed: false }),
    expect: { status: "pending", officers: [] },
    citationsInclude: ["WC.5.2", "WC.5.5"],
  },
  {
    name: "WC.5: confirmation without any trigger is not a wrong case",
    request: wrongCase([officer(["WC.6.3"])], { triggers: [] }),
    expect: { status: "not-wrong-case", officers: [] },
    citationsInclude: ["WC.5"],
  },
  // WC.6 conduct, each officer separately
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({
    name: `WC.6.${n}: the conduct makes the officer liable and is cited`,
    request: wrongCase([officer([`WC.6.${n}`])]),
    expect: { officers: [{ id: "o1", liable: true, conduct: [`WC.6.${n}`] }] },
    officerCitationsInclude: { o1: [`WC.6.${n}`, "WC.7"] },
  })),
  {
    name: "WC.6.11: other conduct with a written reason makes the officer liable",
    request: wrongCase([officer(["WC.6.11"], { otherConductReason: "未按规定告知陈述申辩权利" })]),
    expect: { officers: [{ id: "o1", liable: true, conduct: ["WC.6.11"] }] },
    officerCitationsInclude: { o1: ["WC.6.11"] },
  },
  {
    name: "WC.6.11: other conduct without a reason is refused, naming the field",
    request: wrongCase([officer(["WC.6.11"], { otherConductReason: "  " })]),
    expectError: "InvalidRequest",
  },
  {
    name: "WC.6: an officer with no conduct is not liable and gets no proposal",
    request: wrongCase([officer(["WC.6.2"]), officer([], { id: "o2" })]),
    expect: {
      officers: [
        { id: "o1", liable: true },
        { id: "o2", liable: false, proposal: null },
      ],
    },
  },
  {
    name: "WC.6: several conducts of one officer are all cited, in citation order",
    request: wrongCase([officer(["WC.6.10", "WC.6.2", "WC.6.5"])]),
    expect: { officers: [{ id: "o1", conduct: ["WC.6.2", "WC.6.5", "WC.6.10"] }] },
  },
  // WC.7 the legal section's proposal under the regime's policy; WC.11 the ladder it climbs
  {
    name: "WC.7: the proposal names the policy and the rule that produced it",
    request: wrongCase([officer(["WC.6.4"])]),
    expect: { officers: [{ id: "o1", proposal: { policy: "default@1", rule: "legal-basis" } }] },
    officerCitationsInclude: { o1: ["WC.7", "WC.11.1"] },
  },
  {
    name: "WC.11.1: a wrong legal basis calls for a written self-examination",
    request: wrongCase([officer(["WC.6.4"])]),
    expect: proposal("WC.11.1"),
  },
  {
    name: "WC.11.2: acting beyond the department's authority calls for circulated criticism",
    request: wrongCase([officer(["WC.6.1"])]),
    expect: proposal("WC.11.2"),
  },
  {
    name: "WC.11.3: criticism raised one rung by persisting in the error loses the year's award eligibility",
    request: wrongCase([officer(["WC.6.1"], { aggravating: ["WC.9a"] })]),
    expect: proposal("WC.11.3"),
  },
  {
    name: "WC.11.4: unlawful coercion causing harm calls for suspension, with the year's eligibility lost",
    request: wrongCase([officer(["WC.6.6"])]),
    expect: proposal("WC.11.3", "WC.11.4"),
  },
  {
    name: "WC.11.5: private use of seized items calls for removal from the enforcement post",
    request: wrongCase([officer(["WC.6.7"])]),
    expect: proposal("WC.11.3", "WC.11.5"),
  },
  {
    name: "WC.11.6: bribery calls for an administrative sanction",
    request: wrongCase([officer(["WC.6.9"])]),
    expect: proposal("WC.11.3", "WC.11.6"),
  },
  // WC.8 discretionary mitigation
  ...[1, 2, 3, 4, 5, 6].map((n) => ({
    name: `WC.8.${n}: the ground offers lighter or exempt, and the proposal is not raised`,
    request: wrongCase([officer(["WC.6.3"], { mitigating: [`WC.8.${n}`] })]),
    expect: {
      officers: [
        {
          id: "o1",
          liable: true,
          mitigation: { grounds: [`WC.8.${n}`], options: ["lighter", "exempt"] },
          proposal: { sanctions: ["WC.11.1"] },
        },
      ],
    },
    officerCitationsInclude: { o1: [`WC.8.${n}`] },
  })),
  {
    name: "WC.8: with no ground there are no options",
    request: wrongCase([officer(["WC.6.3"])]),
    expect: { officers: [{ id: "o1", mitigation: { grounds: [], options: [] } }] },
  },
  // WC.9 mandatory aggravation
  ...(["WC.9a", "WC.9b", "WC.9c"] as const).map((id) => ({
    name: `${id}: the ground raises the proposal one rung`,
    request: wrongCase([officer(["WC.6.3"], { aggravating: [id] })]),
    expect: {
      officers: [{ id: "o1", aggravation: { grounds: [id] }, proposal: { sanctions: ["WC.11.3"] } }],
    },
    officerCitationsInclude: { o1: [id] },
  })),
  {
    name: "WC.10.2: obstructing the investigation team is aggravation under WC.9c",
    request: wrongCase([officer(["WC.6.5"], { aggravating: ["WC.9c"] })]),
    expect: { officers: [{ id: "o1", aggravation: { grounds: ["WC.9c"] } }] },
    officerCitationsInclude: { o1: ["WC.9c"] },
  },
  {
    name: "WC.9: aggravation at the top rung stays at the top",
    request: wrongCase([officer(["WC.6.9"], { aggravating: ["WC.9b"] })]),
    expect: proposal("WC.11.3", "WC.11.6"),
  },
  // Contradictions between WC.8 and WC.9 (and WC.8.3 with WC.6.9)
  ...(
    [
      ["WC.8.5", "WC.9a", "WC.6.3"],
      ["WC.8.5", "WC.9b", "WC.6.3"],
      ["WC.8.4", "WC.9a", "WC.6.3"],
    ] as const
  ).map(([m, a, c]) => ({
    name: `WC.9: ${m} and ${a} contradict each other and are refused`,
    request: wrongCase([officer([c], { mitigating: [m], aggravating: [a] })]),
    expectError: "ContradictoryFacts",
  })),
  {
    name: "WC.8.3: no fault contradicts bribery (WC.6.9) and is refused",
    request: wrongCase([officer(["WC.6.9"], { mitigating: ["WC.8.3"] })]),
    expectError: "ContradictoryFacts",
  },
  // WC.10.3 referrals
  ...(
    [
      ["WC.6.7", true, false],
      ["WC.6.8", true, false],
      ["WC.6.9", true, true],
      ["WC.6.3", false, false],
    ] as const
  ).map(([c, discipline, criminal]) => ({
    name: `WC.10.3: ${c} is ${discipline ? "" : "not "}referred to the discipline inspection group${criminal ? ", and as a suspected crime" : ""}`,
    request: wrongCase([officer([c])]),
    expect: { officers: [{ id: "o1", referral: { discipline, criminal } }] },
    ...(discipline ? { officerCitationsInclude: { o1: ["WC.10.3"] } } : {}),
  })),
  // Periods
  {
    name: "WC.10.1: two working days from a Friday acceptance before National Day 2024 (29 Sep is a 调休 working day)",
    request: { kind: "period", period: "WC.10.1", start: "2024-09-27" },
    expect: { due: "2024-09-30", unit: "working-days" },
    citationsInclude: ["WC.10.1"],
  },
  {
    name: "WC.10.1: acceptance on the eve of Spring Festival 2025 runs past the holiday",
    request: { kind: "period", period: "WC.10.1", start: "2025-01-27" },
    expect: { due: "2025-02-06", unit: "working-days" },
    citationsInclude: ["WC.10.1"],
  },
  {
    name: "WC.10.3: a re-investigation ordered on 31 January 2024 is due at February's end",
    request: { kind: "period", period: "WC.10.3", start: "2024-01-31" },
    expect: { due: "2024-02-29", unit: "calendar-month" },
    citationsInclude: ["WC.10.3"],
  },
  {
    name: "WC.10.3: a month ending in National Day 2024 moves to the next working day",
    request: { kind: "period", period: "WC.10.3", start: "2024-09-01" },
    expect: { due: "2024-10-08", unit: "calendar-month" },
    citationsInclude: ["WC.10.3"],
  },
  {
    name: "WC.10.1: a period running past the calendar's last known year is CalendarOutOfRange",
    request: { kind: "period", period: "WC.10.1", start: "2026-12-31" },
    expectError: "CalendarOutOfRange",
  },
  // WC.13 in force from issue
  {
    name: "WC.13: the regime is in force from its issue on 30 December 2020",
    request: wrongCase([officer(["WC.6.4"])], { asOf: "2020-12-30" }),
    expect: { status: "wrong-case" },
  },
  {
    name: "WC.13: a decision dated before the regime's issue is refused",
    request: wrongCase([officer(["WC.6.4"])], { asOf: "2020-12-29" }),
    expectError: "RegimeNotInForce",
  },
];

export const IF_CASES: ReadonlyArray<SuiteCase> = [
  // IF.2 internal staff
  ...(
    [
      ["current", "established"],
      ["current", "contract"],
      ["former", "established"],
      ["former", "retired"],
    ] as const
  ).map(([relation, employment]) => ({
    name: `IF.2: ${relation} ${employment} staff are internal`,
    request: contact([{ act: "plead-for-party" }], { person: { relation, employment, role: "colleague" } }),
    expect: { internal: true, finding: "interference" },
    citationsInclude: ["IF.2"],
  })),
  {
    name: "IF.2: someone who never worked at the body is not internal, whatever they ask",
    request: contact([{ act: "plead-for-party" }], { person: { relation: "none", role: "party-side" } }),
    expect: { internal: false, finding: "not-internal", categories: [], notification: false },
    citationsInclude: ["IF.2"],
  },
  {
    name: "IF.2: current staff without an employment are refused, naming the field",
    request: contact([{ act: "inquiry" }], { person: { relation: "current", role: "colleague" } }),
    expectError: "InvalidRequest",
  },
  // IF.3 record fully and truthfully; IF.12b not recording
  {
    name: "IF.3: every internal contact about a case must be recorded",
    request: contact([{ act: "inquiry" }], { viaProcedure: true }),
    expect: { recordRequired: true },
    citationsInclude: ["IF.3"],
  },
  {
    name: "IF.12b: an unrecorded interference cites the consequence of not recording",
    request: contact([{ act: "tip-off" }], { recorded: false }),
    expect: { finding: "interference" },
    citationsInclude: ["IF.3", "IF.12b"],
  },
  {
    name: "IF.5: interference cites the general prohibition",
    request: contact([{ act: "plead-for-party" }]),
    expect: { finding: "interference" },
    citationsInclude: ["IF.5", "IF.10.5"],
  },
  // IF.7 leaders' guidance
  {
    name: "IF.7: a leader's oral guidance within their role is permitted but must be recorded",
    request: contact([{ act: "guidance", withinAuthority: true }], { person: leader, method: "oral" }),
    expect: {
      finding: "permitted-record-required",
      categories: [],
      notification: false,
      recordRequired: true,
    },
    citationsInclude: ["IF.7"],
  },
  {
    name: "IF.7: a superior body's oral instruction within authority is recorded, not interference",
    request: contact([{ act: "instruct-stop-investigation", withinAuthority: true }], {
      person: { relation: "current", employment: "established", role: "superior-body" },
      method: "in-person",
    }),
    expect: { finding: "permitted-record-required" },
    citationsInclude: ["IF.7"],
  },
  // IF.8 other agencies
  {
    name: "IF.8: another agency's staff asking through procedure are outside the internal regime",
    request: contact([{ act: "inquiry" }], {
      person: { relation: "none", role: "other-agency" },
      viaProcedure: true,
    }),
    expect: { internal: false, finding: "not-internal", recordRequired: false },
    citationsInclude: ["IF.2", "IF.8"],
  },
  {
    name: "IF.8: another agency asking off procedure is still to be recorded",
    request: contact([{ act: "inquiry" }], { person: { relation: "none", role: "other-agency" } }),
    expect: { internal: false, finding: "not-internal", recordRequired: true },
    citationsInclude: ["IF.8"],
  },
  // IF.10 categories
  ...(
    [
      "instruct-open-case",
      "instruct-withdraw-case",
      "instruct-stop-investigation",
      "instruct-change-coercive-measure",
      "instruct-lower-penalty",
      "instruct-raise-penalty",
    ] as const
  ).map((act) => ({
    name: `IF.10.1: ${act} beyond authority is interference to be notified`,
    request: contact([{ act }], { person: leader, method: "oral" }),
    expect: { finding: "interference", categories: ["IF.10.1"], notification: true },
    citationsInclude: ["IF.10.1"],
  })),
  ...(["guidance", "characterisation-opinion", "forward-case-materials"] as const).map((act) => ({
    name: `IF.10.2: ${act} by a colleague beyond authority is interference`,
    request: contact([{ act }]),
    expect: { finding: "interference", categories: ["IF.10.2"] },
    citationsInclude: ["IF.10.2"],
  })),
  ...(["demand-unlawful-evidence-preservation", "demand-unlawful-property-disposal"] as const).map((act) => ({
    name: `IF.10.3: ${act} is interference`,
    request: contact([{ act }]),
    expect: { finding: "interference", categories: ["IF.10.3"] },
    citationsInclude: ["IF.10.3"],
  })),
  {
    name: "IF.10.4: proposing a private meeting with a party is interference",
    request: contact([{ act: "propose-private-meeting" }]),
    expect: { finding: "interference", categories: ["IF.10.4"] },
    citationsInclude: ["IF.10.4"],
  },
  {
    name: "IF.10.5: pleading for a party is interference",
    request: contact([{ act: "plead-for-party" }]),
    expect: { categories: ["IF.10.5"] },
    citationsInclude: ["IF.10.5"],
  },
  {
    name: "IF.10.6: tipping off falls under IF.10.5 and IF.10.6",
    request: contact([{ act: "tip-off" }]),
    expect: { categories: ["IF.10.5", "IF.10.6"] },
    citationsInclude: ["IF.10.5", "IF.10.6"],
  },
  {
    name: "IF.10.6: forwarding materials for a party is interference",
    request: contact([{ act: "forward-materials-for-party" }]),
    expect: { categories: ["IF.10.6"] },
  },
  {
    name: "IF.10.7: probing case details not for a party is other interference",
    request: contact([{ act: "probe-case-details" }]),
    expect: { categories: ["IF.10.7"] },
    citationsInclude: ["IF.10.7"],
  },
  {
    name: "IF.10.7: an inquiry off procedure for a party is probing for a party",
    request: contact([{ act: "inquiry" }], { onBehalfOfParty: true }),
    expect: { categories: ["IF.10.5", "IF.10.6"] },
  },
  {
    name: "IF.10.7: another act, described, is other interference",
    request: contact([{ act: "other", description: "要求延迟送达处罚决定书" }]),
    expect: { categories: ["IF.10.7"] },
  },
  {
    name: "IF.10.7: another act without a description is refused, naming the field",
    request: contact([{ act: "other" }]),
    expectError: "InvalidRequest",
  },
  {
    name: "IF.10: several acts give the union of their categories, in citation order",
    request: contact([
      { act: "tip-off" },
      { act: "instruct-lower-penalty" },
      { act: "propose-private-meeting" },
    ]),
    expect: { finding: "interference", categories: ["IF.10.1", "IF.10.4", "IF.10.5", "IF.10.6"] },
  },
  {
    name: "IF.11: interference explains its referral for discipline or criminal liability",
    request: contact([{ act: "plead-for-party" }]),
    expect: {
      basis: [{ citation: "IF.2" }, { citation: "IF.10.5" }, { citation: "IF.11" }, { citation: "IF.3" }],
    },
  },
  // IF.13 legitimate
  {
    name: "IF.13.1: a supervising department's written guidance within its duties is legitimate",
    request: contact([{ act: "guidance", withinAuthority: true }], {
      person: { relation: "current", employment: "established", role: "supervisory-department" },
      method: "written",
      viaProcedure: true,
    }),
    expect: { finding: "legitimate", categories: ["IF.13.1"], notification: false },
    citationsInclude: ["IF.13.1"],
  },
  {
    name: "IF.13.2: an inquiry through procedure and recorded is legitimate",
    request: contact([{ act: "inquiry" }], { viaProcedure: true, recorded: true }),
    expect: { finding: "legitimate", categories: ["IF.13.2"] },
    citationsInclude: ["IF.13.2"],
  },
  {
    name: "IF.13.2: an inquiry through procedure but unrecorded is permitted only once recorded",
    request: contact([{ act: "inquiry" }], { viaProcedure: true, recorded: false }),
    expect: { finding: "permitted-record-required", categories: [] },
    citationsInclude: ["IF.3"],
  },
  {
    name: "IF.13: with no IF.10 category, permitted-record-required wins over legitimate",
    request: contact([{ act: "inquiry" }, { act: "guidance", withinAuthority: true }], {
      person: leader,
      method: "oral",
      viaProcedure: true,
    }),
    expect: { finding: "permitted-record-required", categories: [] },
  },
  // IF.12b non-recording
  {
    name: "IF.12b: a first failure to record brings a warning and circulated criticism",
    request: { kind: "non-recording", violations: 1, instructedBySupervisor: false },
    expect: {
      sanctions: ["warning", "circulated-criticism"],
      referDiscipline: false,
      supervisorLiable: false,
    },
    citationsInclude: ["IF.12b"],
  },
  {
    name: "IF.12b: a third failure is referred for discipline",
    request: { kind: "non-recording", violations: 3, instructedBySupervisor: false },
    expect: { sanctions: ["warning", "circulated-criticism"], referDiscipline: true },
  },
  {
    name: "IF.12b: no failure, no consequence",
    request: { kind: "non-recording", violations: 0, instructedBySupervisor: true },
    expect: { sanctions: [], referDiscipline: false, supervisorLiable: false },
  },
  {
    name: "IF.12b: a negative count is refused, naming the field",
    request: { kind: "non-recording", violations: -1 },
    expectError: "InvalidRequest",
  },
  // IF.14 in force from issue
  {
    name: "IF.14: the interference regime is in force from 30 December 2020",
    request: contact([{ act: "plead-for-party" }], { asOf: "2020-06-01" }),
    expectError: "RegimeNotInForce",
  },
];

export const QIANJIANG_SUITE: ReadonlyArray<SuiteCase> = [...WC_CASES, ...IF_CASES];
