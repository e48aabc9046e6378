import { Either, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { CITATION_ID_PATTERN } from "../../src/citation/citation-id.js";
import {
  applyInterference,
  currentRecordElements,
  InterferenceEvent,
  InterferenceRecorded,
  InterferenceStage,
  InterferenceState,
  initialInterference,
  interferenceNextSteps,
  interferenceTransitions,
  replayInterference,
} from "../../src/proceedings/index.js";
import { happyInterference, INTERFERENCE_TAGS, inf } from "./interference-fixtures.js";

const run = (events: ReadonlyArray<InterferenceEvent>, from: InterferenceState = initialInterference) =>
  events.reduce((state, event) => {
    const next = applyInterference(state, event);
    if (Either.isLeft(next)) throw new Error(`refused ${event._tag}: ${JSON.stringify(next.left)}`);
    return next.right;
  }, from);

const refusal = (state: InterferenceState, event: InterferenceEvent) => {
  const result = applyInterference(state, event);
  if (Either.isRight(result)) throw new Error(`${event._tag} was accepted at ${state.stage}`);
  return result.left;
};

const recorded = [inf.InterferenceRecorded("2024-05-06")];
const upToFinding = happyInterference.slice(0, 7);

describe("the interference record (IF.3, IF.4, IF.10, IF.11)", () => {
  it("IF.3–IF.11: a record goes from the handler through review, investigation, approval and 通报 to referral", () => {
    const stages = happyInterference.map((_, i) => run(happyInterference.slice(0, i + 1)).stage);
    expect(stages).toEqual([
      "recorded",
      "reported-to-legal-section",
      "checked",
      "lead-reported",
      "investigating",
      "investigating",
      "interference-found",
      "approved",
      "notified",
      "referred",
      "closed",
    ]);
    const state = run(happyInterference);
    expect(state.finding?._tag === "InterferenceFound" && state.finding.categories).toEqual(["IF.10.1"]);
    expect(state.approval?.approver).toBe("head-1");
    expect(state.notification?.notice).toBe("黔江市监通〔2024〕3号");
    expect(state.referrals.map((r) => r._tag)).toEqual(["ReferredForDiscipline"]);
  });

  it("IF.3: the record carries the five elements and the caller's categorisation as given", () => {
    const state = run(recorded);
    expect(state.record?.elements).toMatchObject({ place: "执法支队办公室", method: "in-person" });
    expect(state.record?.categorisation).toEqual({ finding: "interference", categories: ["IF.10.1"] });
  });

  it("IF.3: a record lacking any of time, place, person, method or content is refused at the boundary", () => {
    const encoded = Schema.encodeSync(InterferenceRecorded)(inf.InterferenceRecorded("2024-05-06"));
    for (const element of ["time", "place", "person", "method", "content"] as const) {
      const { [element]: _, ...rest } = encoded.elements;
      const decoded = Schema.decodeUnknownEither(InterferenceRecorded)({ ...encoded, elements: rest });
      expect(Either.isLeft(decoded), element).toBe(true);
    }
    const blank = { ...encoded, elements: { ...encoded.elements, place: "  " } };
    expect(Either.isLeft(Schema.decodeUnknownEither(InterferenceRecorded)(blank))).toBe(true);
  });

  it("IF.3: records are append-only: a correction is a new event and the original stays as made", () => {
    const state = run([...recorded, inf.RecordCorrected("2024-05-07")]);
    expect(state.record?.elements.place).toBe("执法支队办公室");
    expect(state.corrections.map((c) => c.reason)).toEqual(["地点记录有误"]);
    expect(currentRecordElements(state)?.place).toBe("局机关三楼会议室");
    expect(currentRecordElements(state)?.content).toBe("要求对当事人降格处罚");
    expect(currentRecordElements(initialInterference)).toBeNull();
  });

  it("IF.3: a correction may follow at any stage once the record exists, but never precedes it", () => {
    expect(run([inf.RecordCorrected("2024-06-02")], run(happyInterference)).corrections).toHaveLength(1);
    expect(refusal(initialInterference, inf.RecordCorrected("2024-05-06"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "new",
    });
    expect(refusal(run(recorded), inf.RecordCorrected("2024-05-01"))).toMatchObject({
      _tag: "DateOutOfOrder",
      notBefore: "2024-05-06",
    });
  });

  it("IF.3: when necessary the handler reports straight to the district judicial-supervision body", () => {
    const state = run([...recorded, inf.ReportedToJudicialSupervision("2024-05-06")]);
    expect(state.stage).toBe("reported-to-judicial-supervision");
    expect(state.report?._tag).toBe("ReportedToJudicialSupervision");
    // Out of the bureau's hands: the legal section cannot pick it up.
    expect(refusal(state, inf.RecordSpotChecked("2024-05-08"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "reported-to-judicial-supervision",
      legalFrom: ["recorded", "reported-to-legal-section"],
    });
  });

  it("IF.4: any record may be spot-checked, and one without a lead closes as legitimate without 通报", () => {
    const state = run([
      ...recorded,
      inf.RecordSpotChecked("2024-06-01"),
      inf.ContactFoundLegitimate("2024-06-02"),
    ]);
    expect(state.stage).toBe("legitimate");
    expect(state.check?._tag).toBe("RecordSpotChecked");
    expect(refusal(state, inf.NotificationApproved("2024-06-03"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "legitimate",
      legalFrom: ["interference-found"],
    });
    expect(refusal(state, inf.InterferenceNotified("2024-06-03"))).toMatchObject({ legalFrom: ["approved"] });
  });

  it("IF.4: a record not reported to the legal section is spot-checked, not reviewed", () => {
    expect(refusal(run(recorded), inf.RecordReviewed("2024-05-07"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "recorded",
      legalFrom: ["reported-to-legal-section"],
    });
  });

  it("IF.4: a lead is reported to the head before it is investigated", () => {
    const checked = run(happyInterference.slice(0, 3));
    expect(refusal(checked, inf.InterferenceInvestigationOpened("2024-05-09"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "checked",
      legalFrom: ["lead-reported"],
    });
  });

  it("IF.4: when necessary the case is handed over to the judicial-supervision body", () => {
    const state = run([...happyInterference.slice(0, 5), inf.HandedOverToJudicialSupervision("2024-05-12")]);
    expect(state.stage).toBe("handed-over");
    expect(interferenceNextSteps(state).map((s) => s.event)).toEqual([
      "RecordCorrected",
      "RetaliationReferred",
    ]);
  });

  it("IF.10: a finding of interference needs an investigation; a check alone may only clear the contact", () => {
    const checked = run(happyInterference.slice(0, 3));
    expect(refusal(checked, inf.InterferenceFound("2024-05-09"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "checked",
      legalFrom: ["investigating"],
    });
  });

  it("IF.10: 通报 without approval under personnel authority is refused", () => {
    const found = run(upToFinding);
    expect(refusal(found, inf.InterferenceNotified("2024-05-21"))).toMatchObject({
      _tag: "IllegalTransition",
      event: "InterferenceNotified",
      stage: "interference-found",
      legalFrom: ["approved"],
    });
  });

  it("IF.10: a finding of legitimacy after investigation ends the record without notification", () => {
    const state = run([...happyInterference.slice(0, 6), inf.ContactFoundLegitimate("2024-05-15")]);
    expect(state.stage).toBe("legitimate");
    expect(state.notification).toBeNull();
    expect(refusal(state, inf.InterferenceRecordClosed("2024-05-16"))).toMatchObject({
      legalFrom: ["notified", "referred"],
    });
  });

  it("IF.11: referral follows the 通报, and both discipline and criminal referral may be made", () => {
    const approved = run(happyInterference.slice(0, 8));
    expect(refusal(approved, inf.ReferredForDiscipline("2024-05-23"))).toMatchObject({
      _tag: "IllegalTransition",
      stage: "approved",
      legalFrom: ["notified", "referred"],
    });
    const both = run(
      [
        inf.InterferenceNotified("2024-05-23"),
        inf.ReferredForCriminalLiability("2024-05-24"),
        inf.ReferredForDiscipline("2024-05-24"),
      ],
      approved,
    );
    expect(both.referrals.map((r) => r._tag)).toEqual([
      "ReferredForCriminalLiability",
      "ReferredForDiscipline",
    ]);
  });

  it("IF.10: a record is closed after 通报 even when no referral is called for", () => {
    const state = run([...happyInterference.slice(0, 9), inf.InterferenceRecordClosed("2024-05-25")]);
    expect(state.stage).toBe("closed");
    expect(state.referrals).toEqual([]);
  });

  it("IF.12a: retaliation against the recorder may be referred at any stage once recorded, even after closure", () => {
    const closed = run(happyInterference);
    const state = run(
      [inf.RetaliationReferred("2024-07-01"), inf.RetaliationReferred("2024-07-02", true)],
      closed,
    );
    expect(state.stage).toBe("closed");
    expect(state.retaliationReferrals.map((r) => r.referral)).toEqual(["discipline", "criminal"]);
    expect(refusal(initialInterference, inf.RetaliationReferred("2024-07-01"))).toMatchObject({
      stage: "new",
    });
  });

  it("IF.3: after closure only a correction or a retaliation referral may be added", () => {
    const closed = run(happyInterference);
    for (const tag of INTERFERENCE_TAGS.filter(
      (t) => t !== "RecordCorrected" && t !== "RetaliationReferred",
    )) {
      expect(refusal(closed, inf[tag]("2024-06-01"))).toMatchObject({
        _tag: "IllegalTransition",
        event: tag,
        stage: "closed",
      });
    }
  });

  it("a step dated before the step it follows is refused", () => {
    expect(refusal(run(upToFinding), inf.NotificationApproved("2024-05-19"))).toMatchObject({
      _tag: "DateOutOfOrder",
      notBefore: "2024-05-20",
    });
  });

  it("replaying the events equals applying them one by one", () => {
    const replayed = replayInterference(happyInterference);
    expect(Either.isRight(replayed) && replayed.right).toEqual(run(happyInterference));
  });

  it("replay stops at the first refused event", () => {
    const replayed = replayInterference([...recorded, inf.InterferenceNotified("2024-05-07")]);
    expect(Either.isLeft(replayed) && replayed.left).toMatchObject({
      _tag: "IllegalTransition",
      event: "InterferenceNotified",
      stage: "recorded",
    });
  });

  it("every event kind survives encoding to JSON and decoding, so a store may persist the events", () => {
    for (const tag of INTERFERENCE_TAGS) {
      const event = inf[tag]("2024-05-06");
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(InterferenceEvent)(event)));
      expect(Schema.decodeUnknownSync(InterferenceEvent)(json)).toEqual(event);
    }
  });

  it("the state survives encoding and decoding, so a store may keep it as a projection", () => {
    const state = run([...happyInterference, inf.RecordCorrected("2024-06-01")]);
    const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(InterferenceState)(state)));
    expect(Schema.decodeUnknownSync(InterferenceState)(encoded)).toEqual(state);
  });

  it("IF.3, IF.4: a fresh record may be reported, spot-checked or corrected, each with its article", () => {
    expect(interferenceNextSteps(run(recorded))).toEqual([
      { event: "RecordCorrected", leadsTo: ["recorded"], repeatable: true, citations: ["IF.3"] },
      {
        event: "ReportedToLegalSection",
        leadsTo: ["reported-to-legal-section"],
        repeatable: false,
        citations: ["IF.3"],
      },
      {
        event: "ReportedToJudicialSupervision",
        leadsTo: ["reported-to-judicial-supervision"],
        repeatable: false,
        citations: ["IF.3"],
      },
      { event: "RecordSpotChecked", leadsTo: ["checked"], repeatable: false, citations: ["IF.4"] },
      {
        event: "RetaliationReferred",
        leadsTo: ["recorded"],
        repeatable: true,
        citations: ["IF.9", "IF.12a"],
      },
    ]);
  });
});

describe("the handler's response (IF.6)", () => {
  it("IF.6: the record keeps the handler's refusal and instruction to follow procedure as made", () => {
    expect(run(recorded).record?.response).toBe("已拒绝，告知其依照程序办理");
  });

  it("IF.6: a blank response is refused when the record is decoded, naming the field", () => {
    const encoded = Schema.encodeSync(InterferenceRecorded)(inf.InterferenceRecorded("2024-05-06"));
    const decoded = Schema.decodeUnknownEither(InterferenceRecorded)({ ...encoded, response: "  " });
    expect(Either.isLeft(decoded) && decoded.left.message).toContain("response");
  });
});

describe("the interference transition table", () => {
  const stages = InterferenceStage.literals;

  it("every event kind rests on at least one well-formed citation id", () => {
    for (const rule of Object.values(interferenceTransitions)) {
      expect(rule.citations.length).toBeGreaterThan(0);
      for (const id of rule.citations) expect(id).toMatch(CITATION_ID_PATTERN);
    }
  });

  it("names only declared stages, and every stage can be reached from a new record", () => {
    for (const rule of Object.values(interferenceTransitions)) {
      for (const [from, to] of Object.entries(rule.from)) {
        expect(stages).toContain(from);
        expect(stages).toContain(to);
      }
    }
    const reached = new Set<string>(["new"]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const stage of [...reached]) {
        for (const step of interferenceNextSteps({ stage: stage as InterferenceStage, since: null })) {
          for (const s of step.leadsTo) if (!reached.has(s)) grown = reached.add(s) !== undefined;
        }
      }
    }
    expect([...reached].sort()).toEqual([...stages].sort());
  });
});
