import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { CITATION_ID_PATTERN } from "../../src/citation/citation-id.js";
import {
  applyWrongCase,
  CommitteeDecided,
  initialWrongCase,
  replayWrongCase,
  WrongCaseEvent,
  WrongCaseStage,
  WrongCaseState,
  wrongCaseNextSteps,
  wrongCaseTransitions,
} from "../../src/proceedings/index.js";
import { fakeClock } from "./fake-period-clock.js";
import { happyWrongCase, WRONG_CASE_TAGS, wc } from "./wrong-case-fixtures.js";

/** Applies the events one by one, failing the test on the first refusal. */
const run = (
  events: ReadonlyArray<WrongCaseEvent>,
  from: WrongCaseState = initialWrongCase,
): WrongCaseState =>
  events.reduce((state, event) => {
    const next = applyWrongCase(state, event, fakeClock);
    if (Either.isLeft(next)) throw new Error(`refused ${event._tag}: ${JSON.stringify(next.left)}`);
    return next.right;
  }, from);

const refusal = (state: WrongCaseState, event: WrongCaseEvent) => {
  const result = applyWrongCase(state, event, fakeClock);
  if (Either.isRight(result)) throw new Error(`${event._tag} was accepted at ${state.stage}`);
  return result.left;
};

const upToAcceptance = [wc.ReportReceived("2024-03-01"), wc.ReportAccepted("2024-03-01")];
const upToProposal = happyWrongCase.slice(0, 9);

describe("the wrong-case proceeding (WC.10)", () => {
  it("WC.10: a report goes from receipt through investigation, decision, notice and defence to closure", () => {
    const stages = happyWrongCase.reduce<{ state: WrongCaseState; stages: Array<WrongCaseStage> }>(
      ({ state, stages }, event) => {
        const next = run([event], state);
        return { state: next, stages: [...stages, next.stage] };
      },
      { state: initialWrongCase, stages: [] },
    );
    expect(stages.stages).toEqual([
      "received",
      "accepted",
      "accepted",
      "reported-to-head",
      "team-assigned",
      "investigating",
      "investigating",
      "findings-submitted",
      "proposal-made",
      "decided",
      "notified",
      "notified",
      "notified",
      "closed",
    ]);
    const state = stages.state;
    expect(state.rounds).toHaveLength(1);
    expect(state.rounds[0]?.log.map((e) => e.method)).toEqual(["file-review", "counterparty-interview"]);
    expect(state.rounds[0]?.proposal?.assessmentRef).toBe("assessment-42");
    expect(state.decision?.attendance).toEqual(["secretary-1", "member-2", "member-3"]);
    expect(state.answers).toHaveLength(1);
    expect(state.statements).toHaveLength(1);
    expect(state.appeals).toHaveLength(1);
    expect(state.openPeriods).toEqual([]);
    expect(state.late).toEqual([]);
  });

  it("WC.10.1: acceptance opens the transfer period, due as the clock counts it", () => {
    const state = run(upToAcceptance);
    expect(state.openPeriods.map((p) => ({ period: p.period, start: p.start, due: p.due }))).toEqual([
      { period: "WC.10.1", start: "2024-03-01", due: "2024-03-03" },
    ]);
  });

  it("WC.10.1: a transfer within the period closes it on time", () => {
    const state = run([...upToAcceptance, wc.ReportTransferred("2024-03-03")]);
    expect(state.stage).toBe("transferred");
    expect(state.openPeriods).toEqual([]);
    expect(state.late).toEqual([]);
  });

  it("WC.10.1: a transfer after the period is still made, and recorded as late", () => {
    const state = run([...upToAcceptance, wc.ReportTransferred("2024-03-05")]);
    expect(state.stage).toBe("transferred");
    expect(state.transfer?.competentBody).toBe("区税务局");
    expect(state.late.map((l) => ({ ...l }))).toEqual([
      { period: "WC.10.1", event: "ReportTransferred", due: "2024-03-03", on: "2024-03-05" },
    ]);
    expect(run([wc.WrongCaseClosed("2024-03-06")], state).stage).toBe("closed");
  });

  it("WC.10.2: reporting to the head keeps the matter, so the transfer period lapses without lateness", () => {
    const state = run([...upToAcceptance, wc.ReportedToHead("2024-03-10")]);
    expect(state.openPeriods).toEqual([]);
    expect(state.late).toEqual([]);
  });

  it("WC.10.1: a transfer before acceptance is refused, naming the stage it is legal from", () => {
    const error = refusal(run([wc.ReportReceived("2024-03-01")]), wc.ReportTransferred("2024-03-02"));
    expect(error._tag).toBe("IllegalTransition");
    expect(error).toMatchObject({ event: "ReportTransferred", stage: "received", legalFrom: ["accepted"] });
  });

  it("WC.10.1: once the matter stays with the bureau it can no longer be transferred", () => {
    const error = refusal(
      run([...upToAcceptance, wc.ReportedToHead("2024-03-02")]),
      wc.ReportTransferred("2024-03-02"),
    );
    expect(error).toMatchObject({
      _tag: "IllegalTransition",
      stage: "reported-to-head",
      legalFrom: ["accepted"],
    });
  });

  it("WC.10.1: the reporter is answered after acceptance or transfer, as often as needed, never before", () => {
    const before = refusal(run([wc.ReportReceived("2024-03-01")]), wc.ReporterAnswered("2024-03-01"));
    expect(before).toMatchObject({ _tag: "IllegalTransition", event: "ReporterAnswered", stage: "received" });
    expect(before._tag === "IllegalTransition" && before.legalFrom).toContain("transferred");
    const transferred = run([
      ...upToAcceptance,
      wc.ReportTransferred("2024-03-02"),
      wc.ReporterAnswered("2024-03-02"),
      wc.ReporterAnswered("2024-03-09"),
    ]);
    expect(transferred.answers).toHaveLength(2);
    expect(transferred.stage).toBe("transferred");
  });

  it("WC.10.1: an answer entered late may carry its own earlier date, but not one before the acceptance", () => {
    const investigating = run(happyWrongCase.slice(0, 7));
    expect(run([wc.ReporterAnswered("2024-03-02")], investigating).answers).toHaveLength(2);
    expect(refusal(investigating, wc.ReporterAnswered("2024-02-28"))).toMatchObject({
      _tag: "DateOutOfOrder",
      notBefore: "2024-03-01",
    });
  });

  it("WC.10.2: findings before any act of investigation are refused", () => {
    const teamAssigned = run(happyWrongCase.slice(0, 5));
    expect(refusal(teamAssigned, wc.FindingsSubmitted("2024-03-06"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "team-assigned",
      legalFrom: ["investigating"],
    });
  });

  it("WC.10.2: the team is assigned by the head only after the matter is reported to them", () => {
    expect(refusal(run(upToAcceptance), wc.InvestigationTeamAssigned("2024-03-02"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "accepted",
      legalFrom: ["reported-to-head", "team-assigned", "investigating", "reinvestigation-ordered"],
    });
  });

  it("WC.10.3: a decision before findings is refused, naming the proposal stage", () => {
    const investigating = run(happyWrongCase.slice(0, 7));
    expect(refusal(investigating, wc.CommitteeDecided("2024-03-20"))).toMatchObject({
      _tag: "IllegalTransition",
      event: "CommitteeDecided",
      stage: "investigating",
      legalFrom: ["proposal-made"],
    });
  });

  it("WC.7: the committee decides on the legal section's proposal, not on bare findings", () => {
    const found = run(happyWrongCase.slice(0, 8));
    expect(refusal(found, wc.CommitteeDecided("2024-03-20"))).toMatchObject({ stage: "findings-submitted" });
  });

  it("WC.10.3: collective discussion needs at least two present (refused at the boundary)", () => {
    const oneMember = { ...wc.CommitteeDecided("2024-03-25"), attendance: ["secretary-1"] };
    expect(Either.isLeft(Schema.decodeUnknownEither(CommitteeDecided)(oneMember))).toBe(true);
  });

  it("WC.10.3: re-investigation loops back to investigation, with the new decision due one month after the order", () => {
    const ordered = run([...upToProposal, wc.ReinvestigationOrdered("2024-03-31")]);
    expect(ordered.stage).toBe("reinvestigation-ordered");
    expect(ordered.openPeriods.map((p) => ({ ...p }))).toEqual([
      { period: "WC.10.3", openedBy: "ReinvestigationOrdered", start: "2024-03-31", due: "2024-04-30" },
    ]);
    expect(ordered.rounds).toHaveLength(2);
    expect(ordered.rounds[1]?.order?.reasons).toContain("事实不清");
    expect(wrongCaseNextSteps(ordered).map((s) => s.event)).toEqual([
      "ReporterAnswered",
      "InvestigationTeamAssigned",
      "InvestigationLogged",
    ]);

    const decided = run(
      [
        wc.InvestigationLogged("2024-04-03", true),
        wc.FindingsSubmitted("2024-04-15"),
        wc.HandlingProposed("2024-04-20"),
        wc.CommitteeDecided("2024-04-28"),
      ],
      ordered,
    );
    expect(decided.stage).toBe("decided");
    expect(decided.openPeriods).toEqual([]);
    expect(decided.late).toEqual([]);
    expect(decided.rounds[0]?.findings?.date).toBe("2024-03-15");
    expect(decided.rounds[1]?.findings?.date).toBe("2024-04-15");
  });

  it("WC.10.3: a new decision after the month is recorded as late", () => {
    const late = run([
      wc.ReportReceived("2024-01-02"),
      wc.ReportAccepted("2024-01-02"),
      wc.ReportedToHead("2024-01-03"),
      wc.InvestigationTeamAssigned("2024-01-04"),
      wc.InvestigationLogged("2024-01-08"),
      wc.FindingsSubmitted("2024-01-15"),
      wc.HandlingProposed("2024-01-22"),
      wc.ReinvestigationOrdered("2024-01-31"),
      wc.InvestigationLogged("2024-02-05"),
      wc.FindingsSubmitted("2024-02-20"),
      wc.HandlingProposed("2024-02-26"),
      wc.CommitteeDecided("2024-03-05"),
    ]);
    expect(late.stage).toBe("decided");
    // 2024-01-31 plus one month is the last day of February (a leap year).
    expect(late.late.map((l) => ({ ...l }))).toEqual([
      { period: "WC.10.3", event: "CommitteeDecided", due: "2024-02-29", on: "2024-03-05" },
    ]);
    expect(late.openPeriods).toEqual([]);
  });

  it("WC.10.3: a second order ends the first order's period, late if the month ran out undecided", () => {
    const twice = run([
      ...upToProposal,
      wc.ReinvestigationOrdered("2024-03-20"),
      wc.InvestigationLogged("2024-04-01"),
      wc.FindingsSubmitted("2024-04-10"),
      wc.HandlingProposed("2024-04-15"),
      wc.ReinvestigationOrdered("2024-04-25"),
    ]);
    expect(twice.rounds).toHaveLength(3);
    expect(twice.late.map((l) => l.event)).toEqual(["ReinvestigationOrdered"]);
    expect(twice.openPeriods.map((p) => p.due)).toEqual(["2024-05-25"]);
  });

  it("WC.10.3: a decision flagging a suspected violation is referred to the discipline group before the officer is notified", () => {
    const flagged = run([...upToProposal, wc.CommitteeDecided("2024-03-25", true)]);
    expect(flagged.stage).toBe("referral-due");
    expect(refusal(flagged, wc.OfficerNotified("2024-03-26"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "referral-due",
      legalFrom: ["decided", "referred", "notified"],
    });
    const notified = run(
      [wc.ReferredToDisciplineGroup("2024-03-26"), wc.OfficerNotified("2024-03-27")],
      flagged,
    );
    expect(notified.referral?.summary).toContain("纪检组");
    expect(notified.stage).toBe("notified");
  });

  it("WC.10.3: without a flagged violation there is nothing to refer", () => {
    const decided = run([...upToProposal, wc.CommitteeDecided("2024-03-25")]);
    expect(refusal(decided, wc.ReferredToDisciplineGroup("2024-03-26"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "decided",
      legalFrom: ["referral-due"],
    });
  });

  it("WC.12: an appeal or a statement before the decision is refused", () => {
    const proposed = run(upToProposal);
    expect(refusal(proposed, wc.OfficerAppealFiled("2024-03-20"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "proposal-made",
      legalFrom: ["notified"],
    });
    expect(refusal(proposed, wc.OfficerStatementFiled("2024-03-20"))).toMatchObject({
      legalFrom: ["notified"],
    });
  });

  it("WC.12: after notice the officer may state, defend and appeal, each more than once", () => {
    const notified = run(happyWrongCase.slice(0, 11));
    const contested = run(
      [
        wc.OfficerStatementFiled("2024-03-27"),
        wc.OfficerStatementFiled("2024-03-28"),
        wc.OfficerAppealFiled("2024-03-29"),
        wc.OfficerAppealFiled("2024-03-30", true),
      ],
      notified,
    );
    expect(contested.statements).toHaveLength(2);
    expect(contested.appeals.map((a) => a.body)).toEqual([
      "enforcement-supervision",
      "discipline-supervision",
    ]);
    expect(contested.stage).toBe("notified");
  });

  it("WC.10: nothing may be recorded after the proceeding is closed", () => {
    const closed = run(happyWrongCase);
    for (const tag of WRONG_CASE_TAGS) {
      const error = refusal(closed, wc[tag]("2024-05-01"));
      expect(error).toMatchObject({ _tag: "IllegalTransition", event: tag, stage: "closed" });
    }
    expect(wrongCaseNextSteps(closed)).toEqual([]);
  });

  it("WC.10: a proceeding is not closed before the decision is made known or the matter transferred", () => {
    expect(refusal(run(upToProposal), wc.WrongCaseClosed("2024-03-20"))).toMatchObject({
      legalFrom: ["transferred", "notified"],
    });
  });

  it("a step dated before the step it follows is refused", () => {
    const error = refusal(run(upToAcceptance), wc.ReportTransferred("2024-02-29"));
    expect(error).toMatchObject({ _tag: "DateOutOfOrder", date: "2024-02-29", notBefore: "2024-03-01" });
    expect(error._tag === "DateOutOfOrder" && error.message).toContain("2024-03-01");
  });

  it("investigation log entries may be entered out of date order, but none before the team was assigned", () => {
    const teamAssigned = run(happyWrongCase.slice(0, 5));
    const logged = run(
      [wc.InvestigationLogged("2024-03-09"), wc.InvestigationLogged("2024-03-06")],
      teamAssigned,
    );
    expect(logged.rounds[0]?.log.map((e) => e.date)).toEqual(["2024-03-09", "2024-03-06"]);
    expect(refusal(teamAssigned, wc.InvestigationLogged("2024-03-04"))).toMatchObject({
      _tag: "DateOutOfOrder",
      notBefore: "2024-03-05",
    });
  });

  it("WC.10.1: a calendar error from the clock passes through untouched", () => {
    const received = run([wc.ReportReceived("2031-01-05")]);
    const result = applyWrongCase(received, wc.ReportAccepted("2031-01-05"), fakeClock);
    expect(Either.isLeft(result) && result.left).toEqual({
      _tag: "FakeCalendarOutOfRange",
      date: "2031-01-05",
    });
  });

  it("replaying the events equals applying them one by one", () => {
    const replayed = replayWrongCase(happyWrongCase, fakeClock);
    expect(Either.isRight(replayed) && replayed.right).toEqual(run(happyWrongCase));
    expect(replayWrongCase([], fakeClock)).toEqual(Either.right(initialWrongCase));
  });

  it("replay stops at the first refused event and reports it", () => {
    const replayed = replayWrongCase(
      [wc.ReportReceived("2024-03-01"), wc.CommitteeDecided("2024-03-02")],
      fakeClock,
    );
    expect(Either.isLeft(replayed) && replayed.left).toMatchObject({
      _tag: "IllegalTransition",
      event: "CommitteeDecided",
      stage: "received",
    });
  });

  it("every event kind survives encoding to JSON and decoding, so a store may persist the events", () => {
    for (const tag of WRONG_CASE_TAGS) {
      const event = wc[tag]("2024-03-01");
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(WrongCaseEvent)(event)));
      expect(Schema.decodeUnknownSync(WrongCaseEvent)(json)).toEqual(event);
    }
  });

  it("the state survives encoding and decoding, so a store may keep it as a projection", () => {
    const state = run(happyWrongCase);
    const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(WrongCaseState)(state)));
    expect(Schema.decodeUnknownSync(WrongCaseState)(encoded)).toEqual(state);
  });

  it("WC.10.1: from acceptance the next steps are transfer, report to the head and an answer, with their articles", () => {
    expect(wrongCaseNextSteps(run(upToAcceptance))).toEqual([
      { event: "ReportTransferred", leadsTo: ["transferred"], repeatable: false, citations: ["WC.10.1"] },
      { event: "ReporterAnswered", leadsTo: ["accepted"], repeatable: true, citations: ["WC.10.1"] },
      { event: "ReportedToHead", leadsTo: ["reported-to-head"], repeatable: false, citations: ["WC.10.2"] },
    ]);
    const proposed = wrongCaseNextSteps(run(upToProposal)).find((s) => s.event === "CommitteeDecided");
    expect(proposed?.leadsTo).toEqual(["decided", "referral-due"]);
  });
});

describe("the wrong-case transition table", () => {
  const stages = WrongCaseStage.literals;
  const rules = Object.entries(wrongCaseTransitions);

  it("every event kind rests on at least one well-formed citation id", () => {
    for (const [, rule] of rules) {
      expect(rule.citations.length).toBeGreaterThan(0);
      for (const id of rule.citations) expect(id).toMatch(CITATION_ID_PATTERN);
    }
  });

  it("names only declared stages, and every stage but closed has a way on", () => {
    for (const [, rule] of rules) {
      for (const [from, to] of Object.entries(rule.from)) {
        expect(stages).toContain(from);
        for (const s of typeof to === "string" ? [to] : to.oneOf) expect(stages).toContain(s);
      }
    }
    for (const stage of stages.filter((s) => s !== "closed")) {
      expect(wrongCaseNextSteps({ stage, since: null }).length, stage).toBeGreaterThan(0);
    }
  });

  it("every stage can be reached from a new proceeding", () => {
    const reached = new Set<string>(["new"]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const stage of [...reached]) {
        for (const step of wrongCaseNextSteps({ stage: stage as WrongCaseStage, since: null })) {
          for (const s of step.leadsTo) if (!reached.has(s)) grown = reached.add(s) !== undefined;
        }
      }
    }
    expect([...reached].sort()).toEqual([...stages].sort());
  });
});
