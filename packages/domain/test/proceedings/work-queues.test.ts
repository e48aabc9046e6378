import { describe, expect, it } from "vitest";
import { IsoDate } from "../../src/calendar/iso-date.js";
import { DueToday, NotYetDue, Overdue } from "../../src/periods/deadline-status.js";
import { InterferenceStage } from "../../src/proceedings/interference-record.js";
import {
  byUrgency,
  INTERFERENCE_QUEUES,
  spotCheckWork,
  type Urgency,
  WRONG_CASE_QUEUES,
} from "../../src/proceedings/work-queues.js";
import { WrongCaseStage } from "../../src/proceedings/wrong-case-proceeding.js";
import { QIANJIANG_ARTICLES } from "../../src/regulation/qianjiang-msa-2020-95.js";

const stagesIn = (table: Readonly<Record<string, { readonly queue: string } | null>>, queue: string) =>
  Object.entries(table)
    .filter(([, place]) => place?.queue === queue)
    .map(([stage]) => stage);

const d = IsoDate.make;

describe("the legal section's work queues", () => {
  it("WC.10.1: a report waits to be accepted (及时受理), then to be sent on or reported (2日内转送)", () => {
    expect(stagesIn(WRONG_CASE_QUEUES, "reports")).toEqual(["received", "accepted"]);
    expect(WRONG_CASE_QUEUES.received?.citation).toBe("WC.10.1");
  });

  it("WC.10.2–WC.12: every stage from the report to the head until closure is a proceeding the section follows", () => {
    expect(stagesIn(WRONG_CASE_QUEUES, "proceedings")).toEqual(
      WrongCaseStage.literals.filter((s) => !["new", "received", "accepted", "closed"].includes(s)),
    );
    expect(WRONG_CASE_QUEUES["findings-submitted"]?.citation).toBe("WC.7");
    expect(WRONG_CASE_QUEUES.closed).toBeNull();
  });

  it("IF.4: a record reported to the section waits for its check, a lead for the report and investigation", () => {
    expect(stagesIn(INTERFERENCE_QUEUES, "records")).toEqual([
      "reported-to-legal-section",
      "checked",
      "lead-reported",
      "investigating",
      "notified",
      "referred",
    ]);
    // A record not reported to the section reaches it only by a spot check.
    expect(INTERFERENCE_QUEUES.recorded).toBeNull();
  });

  it("IF.3: a record routed or handed over to the judicial supervision is not the section's to work", () => {
    expect(INTERFERENCE_QUEUES["reported-to-judicial-supervision"]).toBeNull();
    expect(INTERFERENCE_QUEUES["handed-over"]).toBeNull();
  });

  it("IF.10: a finding awaits approval (报经批准), an approved notification its circulation (予以通报)", () => {
    expect(stagesIn(INTERFERENCE_QUEUES, "notifications")).toEqual(["interference-found", "approved"]);
    expect(INTERFERENCE_QUEUES["interference-found"]?.citation).toBe("IF.10");
  });

  it("IF.4 抽查: a spot check waits to be drawn, then until every record drawn is checked", () => {
    expect(spotCheckWork({ drawn: false, unchecked: 0 })).toBe("to-draw");
    expect(spotCheckWork({ drawn: true, unchecked: 2 })).toBe("to-check");
    expect(spotCheckWork({ drawn: true, unchecked: 0 })).toBeNull();
  });

  it("every stage of both proceedings has its place decided, and each clause is the regulation's own words", () => {
    expect(Object.keys(WRONG_CASE_QUEUES).sort()).toEqual([...WrongCaseStage.literals].sort());
    expect(Object.keys(INTERFERENCE_QUEUES).sort()).toEqual([...InterferenceStage.literals].sort());
    const articles = new Map(QIANJIANG_ARTICLES.map((a) => [a.id as string, a.text]));
    for (const place of [...Object.values(WRONG_CASE_QUEUES), ...Object.values(INTERFERENCE_QUEUES)]) {
      if (place === null) continue;
      const text = articles.get(place.citation);
      expect(text, place.citation).toBeDefined();
      for (const words of place.clause.split("……")) expect(text).toContain(words);
    }
  });
});

describe("the order a queue is worked in", () => {
  const today = d("2026-03-10");
  const item = (
    id: string,
    status: Urgency["status"],
    due: string | null,
    since: string | null,
  ): Urgency => ({
    id,
    status,
    due,
    since,
  });
  const order = byUrgency((u: Urgency) => u);

  it("WC.10.1: overdue first (the longest overdue first), then due today, then the nearest due, then the oldest", () => {
    const items = [
      item("no-period-new", null, null, "2026-03-09"),
      item(
        "later",
        NotYetDue.make({ due: d("2026-03-20"), today, workingDaysLeft: 8, calendarDaysLeft: 10 }),
        "2026-03-20",
        "2026-03-01",
      ),
      item("today", DueToday.make({ due: today, today }), "2026-03-10", "2026-03-06"),
      item("no-period-old", null, null, "2026-02-01"),
      item(
        "late",
        Overdue.make({ due: d("2026-03-09"), today, workingDaysOverdue: 1, calendarDaysOverdue: 1 }),
        "2026-03-09",
        "2026-03-05",
      ),
      item("unjudged", null, "2027-01-04", "2026-03-08"),
      item(
        "soon",
        NotYetDue.make({ due: d("2026-03-11"), today, workingDaysLeft: 1, calendarDaysLeft: 1 }),
        "2026-03-11",
        "2026-03-09",
      ),
      item(
        "longest-overdue",
        Overdue.make({ due: d("2026-03-02"), today, workingDaysOverdue: 6, calendarDaysOverdue: 8 }),
        "2026-03-02",
        "2026-02-26",
      ),
    ];
    expect([...items].sort(order).map((i) => i.id)).toEqual([
      "longest-overdue",
      "late",
      "today",
      "soon",
      "later",
      "unjudged",
      "no-period-old",
      "no-period-new",
    ]);
  });

  it("items alike in all else keep one order, by number", () => {
    const a = item("IF-2026-002", null, null, "2026-03-01");
    const b = item("IF-2026-001", null, null, "2026-03-01");
    expect([a, b].sort(order).map((i) => i.id)).toEqual(["IF-2026-001", "IF-2026-002"]);
  });
});
