/** Who reads a case file: roles open doors, need-to-know closes them (IF.3, IF.9, WC.10.2). */
import { describe, expect, it } from "vitest";
import { type CaseFileFacts, ROLES, type Role, readAccess, routeFor } from "../../src/index.js";

const viewer = (personId: string, ...roles: Role[]) => ({ personId, roles: new Set(roles) });

const record: CaseFileFacts = {
  kind: "interference",
  subjects: ["p-subject"],
  author: "p-handler",
  route: "legal-section",
  team: [],
  reportedToHead: false,
  beforeCommittee: false,
  referred: false,
};
const proceeding: CaseFileFacts = {
  kind: "wrong-case",
  subjects: ["p-officer"],
  author: null,
  route: "legal-section",
  team: ["p-investigator"],
  reportedToHead: true,
  beforeCommittee: true,
  referred: true,
};

describe("need-to-know", () => {
  it.each(ROLES.map((r) => [r]))("IF.9: the person recorded never reads the record, even as %s", (role) => {
    expect(readAccess(viewer("p-subject", role), record)).toEqual({
      read: false,
      seeAuthor: false,
      reason: "subject",
    });
  });

  it("IF.9: the officer reported cannot read the proceeding, even holding every role", () => {
    expect(readAccess(viewer("p-officer", ...ROLES), proceeding)).toMatchObject({
      read: false,
      seeAuthor: false,
    });
  });

  it("IF.3: the handler who made a record reads it", () => {
    expect(readAccess(viewer("p-handler", "handler"), record)).toMatchObject({
      read: true,
      reason: "author",
    });
  });

  it("IF.3: another handler does not", () => {
    expect(readAccess(viewer("p-other", "handler"), record).read).toBe(false);
  });

  it("IF.4: the legal section reads records routed to it, and learns who made them", () => {
    expect(readAccess(viewer("p-legal", "legal-officer"), record)).toEqual({
      read: true,
      seeAuthor: true,
      reason: "legal-section",
    });
  });

  it("IF.4: the head reads a record once a lead is reported to them", () => {
    expect(readAccess(viewer("p-head", "head"), record).read).toBe(false);
    expect(readAccess(viewer("p-head", "head"), { ...record, reportedToHead: true }).read).toBe(true);
  });

  it("IF.3: a record about the head goes to judicial supervision, and no bureau role reads it", () => {
    const aboutHead: CaseFileFacts = {
      ...record,
      subjects: ["p-head"],
      route: "judicial-supervision",
      reportedToHead: true,
    };
    expect(readAccess(viewer("p-legal", "legal-officer"), aboutHead).read).toBe(false);
    expect(readAccess(viewer("p-head", "head", "legal-officer"), aboutHead).read).toBe(false);
    expect(readAccess(viewer("p-js", "judicial-supervision"), aboutHead)).toMatchObject({
      read: true,
      reason: "judicial-supervision",
    });
  });

  it("IF.3: a record about the head or a legal officer is routed to judicial supervision", () => {
    expect(routeFor([new Set<Role>(["head"])])).toBe("judicial-supervision");
    expect(routeFor([new Set<Role>(["handler"]), new Set<Role>(["legal-officer"])])).toBe(
      "judicial-supervision",
    );
    expect(routeFor([new Set<Role>(["handler"])])).toBe("legal-section");
  });

  it("WC.10.2: an investigator reads only the proceedings of their team", () => {
    expect(readAccess(viewer("p-investigator", "investigator"), proceeding)).toMatchObject({
      read: true,
      reason: "team",
    });
    expect(readAccess(viewer("p-elsewhere", "investigator"), proceeding).read).toBe(false);
  });

  it("WC.10.3: the committee reads a proceeding once it is before them; the discipline liaison once referred", () => {
    expect(readAccess(viewer("p-c", "committee"), proceeding).reason).toBe("committee");
    expect(readAccess(viewer("p-c", "committee"), { ...proceeding, beforeCommittee: false }).read).toBe(
      false,
    );
    expect(readAccess(viewer("p-d", "discipline-liaison"), proceeding).reason).toBe("discipline");
    expect(readAccess(viewer("p-d", "discipline-liaison"), { ...proceeding, referred: false }).read).toBe(
      false,
    );
  });

  it("an administrator reads no case content", () => {
    expect(readAccess(viewer("p-admin", "admin"), record).read).toBe(false);
    expect(readAccess(viewer("p-admin", "admin"), proceeding).read).toBe(false);
  });
});
