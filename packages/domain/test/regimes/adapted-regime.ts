/**
 * A second regime, as another agency would adapt the domain: its own body names, calendar-day periods,
 * its own sanction policy and validity. Nothing in src changes for it. `ADAPTED_DIFFERENCES` is the one
 * place that says how its results differ from Qianjiang's on the shared suite.
 */
import {
  CalendarDays,
  ConductRule,
  DEFAULT_REGISTRY,
  IsoDate,
  qianjiangRegime,
  Regime,
  SanctionPolicy,
} from "../../src/index.js";
import type { Differences } from "../suite/run-suite.js";

export const ADAPTED_ID = "example-county-amr-2022";

const rule = (id: string, conduct: ConductRule["conduct"], sanction: ConductRule["sanction"]) =>
  ConductRule.make({ rule: id, conduct, sanction, reason: { zh: id, en: id } });

/** Stricter than the default: every conduct starts at circulated criticism or above; WC.9 raises two rungs. */
export const ADAPTED_POLICY = SanctionPolicy.make({
  version: "example@2",
  nature: "policy",
  title: { zh: "示例县处理建议政策（第2版）", en: "Example county policy, version 2" },
  conductRules: [
    rule(
      "ordinary-fault",
      ["WC.6.1", "WC.6.2", "WC.6.3", "WC.6.4", "WC.6.5", "WC.6.10", "WC.6.11"],
      "WC.11.2",
    ),
    rule("serious-fault", ["WC.6.6", "WC.6.7", "WC.6.8"], "WC.11.5"),
    rule("corruption", ["WC.6.9"], "WC.11.6"),
  ],
  mitigation: { rule: "mitigation", rungs: -1 },
  aggravation: { rule: "aggravation-two-rungs", rungs: 2 },
  accompaniments: [],
});

export const adaptedRegime = new Regime({
  ...qianjiangRegime,
  id: ADAPTED_ID,
  version: "3",
  title: { zh: "示例县市场监督管理局错案责任追究办法", en: "Example county AMR wrong-case rules" },
  documentNumber: "示例市监发〔2022〕1号",
  validFrom: IsoDate.make("2022-01-01"),
  bodies: {
    ...qianjiangRegime.bodies,
    agency: { zh: "示例县市场监督管理局", en: "Example County AMR" },
    legalSection: { zh: "县局法制股", en: "Legal Unit" },
    partyCommittee: { zh: "县局党组", en: "Bureau party group" },
  },
  periods: {
    "WC.10.1": CalendarDays.make({ count: 3, rollForward: false }),
    "WC.10.3": CalendarDays.make({ count: 30, rollForward: true }),
  },
  policy: ADAPTED_POLICY,
});

export const ADAPTED_REGISTRY = DEFAULT_REGISTRY.with(adaptedRegime);

const sanctions = (...s: string[]) => ({ expect: { officers: [{ id: "o1", proposal: { sanctions: s } }] } });

export const ADAPTED_DIFFERENCES: Differences = {
  "WC.7: the proposal names the policy and the rule that produced it": {
    expect: { officers: [{ id: "o1", proposal: { policy: "example@2", rule: "ordinary-fault" } }] },
    officerCitationsInclude: { o1: ["WC.7", "WC.11.2"] },
  },
  "WC.11.1: a wrong legal basis calls for a written self-examination": sanctions("WC.11.2"),
  "WC.11.3: criticism raised one rung by persisting in the error loses the year's award eligibility":
    sanctions("WC.11.4"),
  "WC.11.4: unlawful coercion causing harm calls for suspension, with the year's eligibility lost":
    sanctions("WC.11.5"),
  "WC.11.5: private use of seized items calls for removal from the enforcement post": sanctions("WC.11.5"),
  "WC.11.6: bribery calls for an administrative sanction": sanctions("WC.11.6"),
  "WC.9: aggravation at the top rung stays at the top": sanctions("WC.11.6"),
  ...Object.fromEntries(
    (["WC.9a", "WC.9b", "WC.9c"] as const).map((id) => [
      `${id}: the ground raises the proposal one rung`,
      {
        expect: {
          officers: [{ id: "o1", aggravation: { grounds: [id] }, proposal: { sanctions: ["WC.11.4"] } }],
        },
        officerCitationsInclude: { o1: [id] },
      },
    ]),
  ),
  // Three calendar days, not rolled: 27 Sep + 3 = 30 Sep; 27 Jan + 3 = 30 Jan (inside Spring Festival).
  "WC.10.1: two working days from a Friday acceptance before National Day 2024 (29 Sep is a 调休 working day)":
    {
      expect: { due: "2024-09-30", unit: "calendar-days" },
      citationsInclude: ["WC.10.1"],
    },
  "WC.10.1: acceptance on the eve of Spring Festival 2025 runs past the holiday": {
    expect: { due: "2025-01-30", unit: "calendar-days" },
  },
  // Thirty calendar days, rolled to a working day: 31 Jan + 30 = 1 Mar 2024 (Friday).
  "WC.10.3: a re-investigation ordered on 31 January 2024 is due at February's end": {
    expect: { due: "2024-03-01", unit: "calendar-days" },
  },
  // 1 Sep + 30 = 1 Oct 2024, National Day: rolled to 8 Oct.
  "WC.10.3: a month ending in National Day 2024 moves to the next working day": {
    expect: { due: "2024-10-08", unit: "calendar-days" },
  },
  // In force only from 2022.
  "WC.13: the regime is in force from its issue on 30 December 2020": { expectError: "RegimeNotInForce" },
};
