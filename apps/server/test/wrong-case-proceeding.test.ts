/**
 * WC.10 over HTTP against a real server, on SQLite and on PostgreSQL: a whole proceeding with a re-investigation order
 * (WC.10.3) and the officer's statement and appeal (WC.12), a transferred report (WC.10.1), and what each
 * person may do on the way. The log that results verifies offline with `liuhen verify`.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import { exportAndVerify } from "./support/liuhen-cli.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";
import {
  ASSESSMENT,
  assembleCast,
  CAST,
  type Cast,
  driveTo,
  type Position,
  publicReport,
  staffAccount,
  step,
  target,
} from "./support/wrong-case-driver.js";

describeOnDatabases("WC.10 a wrong-case proceeding over HTTP", (database) => {
  let test: TestServer;
  let url: string;
  let cast: Cast;
  let officer: SignedIn;
  const ADDRESS = "198.51.100.7";

  beforeAll(async () => {
    test = await startTestServer({}, { database });
    url = test.server.url;
    const root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
    cast = await assembleCast(url, root, ADDRESS);
    // The officer a report names holds the legal section's role too: need-to-know must still shut them out.
    officer = await staffAccount(
      url,
      root,
      { username: "officer-a", personId: "person-officer-a", roles: ["handler", "legal-officer"] },
      ADDRESS,
    );
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  const file = async (who: SignedIn, proceedingId: string) =>
    call(url, "query", "wrongCase.get", { proceedingId }, who);

  it("WC.10.3 WC.12 runs from a public report through a re-investigation order and an appeal to closure", async () => {
    // WC.10.1 任何人均有权举报或投诉: from the public page, without an account.
    const reported = await publicReport(url);
    let at: Position = await driveTo(url, cast, "proposal-made", {
      reporter: "public",
      officers: ["person-officer-a"],
      from: reported,
    });
    // WC.10.3 责令重新组织调查: the committee finds the facts unclear; the WC.10.3 period starts.
    at = await step(url, cast.committee, "orderReinvestigation", at, {
      attendance: [CAST.committee.personId, CAST.member.personId],
      reasons: "调查组未询问行政相对人，事实不清",
    });
    const ordered = (await file(cast.legal, at.proceedingId)).data as {
      stage: string;
      state: { openPeriods: Array<{ period: string; due: string }> };
    };
    expect(ordered.stage).toBe("reinvestigation-ordered");
    expect(ordered.state.openPeriods.map((p) => p.period)).toEqual(["WC.10.3"]);

    at = await step(url, cast.head, "assignTeam", at, { members: [CAST.investigator.personId] });
    at = await step(url, cast.investigator, "logInvestigation", at, {
      method: "counterparty-interview",
      summary: "询问行政相对人",
    });
    at = await step(url, cast.investigator, "submitFindings", at, {
      confirmed: true,
      triggers: ["WC.5.1"],
      nature: "认定事实错误",
      responsible: ["person-officer-a"],
    });
    at = await step(url, cast.legal, "propose", at, { assessment: ASSESSMENT, summary: "建议通报批评" });
    at = await step(url, cast.committee, "decide", at, {
      attendance: [CAST.committee.personId, CAST.member.personId],
      outcome: "给予通报批评",
      officers: ["person-officer-a"],
      suspectedViolation: true,
    });
    at = await step(url, cast.committee, "referToDisciplineGroup", at, { summary: "涉嫌违纪，报纪检组" });
    at = await step(url, cast.legal, "notifyOfficer", at, { officer: "person-officer-a" });

    // WC.12: the officer states and appeals without reading the file.
    expect((await file(officer, at.proceedingId)).error).toMatchObject({ code: "FORBIDDEN" });
    const notices = (await call(url, "query", "wrongCase.myNotices", undefined, officer)).data as Array<{
      proceedingId: string;
      decision: { outcome: string } | null;
    }>;
    expect(notices).toEqual([
      expect.objectContaining({
        proceedingId: at.proceedingId,
        decision: expect.objectContaining({ outcome: "给予通报批评" }),
      }),
    ]);
    at = await step(url, officer, "fileStatement", at, { statement: "本人对认定的事实有异议" });
    at = await step(url, officer, "fileAppeal", at, {
      body: "enforcement-supervision",
      grounds: "处理决定所依据的事实不清",
    });
    at = await step(url, cast.legal, "answerReporter", at, { answer: "经调查属实，已作出处理" });
    at = await step(url, cast.legal, "close", at);

    const closed = (await file(cast.legal, at.proceedingId)).data as {
      stage: string;
      state: {
        rounds: unknown[];
        appeals: unknown[];
        statements: unknown[];
        decision: { outcome: string };
        referral: unknown;
      };
      history: Array<{ type: string; citations: string[] }>;
    };
    expect(closed.stage).toBe("closed");
    expect(closed.state.rounds).toHaveLength(2);
    expect(closed.state.statements).toHaveLength(1);
    expect(closed.state.appeals).toHaveLength(1);
    expect(closed.state.referral).not.toBeNull();
    // Each step in the log with the articles it rests on.
    expect(closed.history.map((h) => h.type)).toContain("WrongCase.ReinvestigationOrdered");
    expect(closed.history.find((h) => h.type === "WrongCase.OfficerAppealFiled")?.citations).toContain(
      "WC.12",
    );
    const proposal = (
      closed.state.rounds.at(-1) as {
        proposal: { assessmentRef: string; assessment: { result: { kind: string } } };
      }
    ).proposal;
    expect(proposal.assessmentRef).toMatch(/^sha-256\/jcs:[0-9a-f]{64}$/);
    expect(proposal.assessment.result.kind).toBe("wrong-case");

    // The reporter follows it with the receipt code: closed, with the legal section's answer.
    const status = await call(
      url,
      "query",
      "intake.status",
      { agency: AGENCY, receiptCode: reported.receiptCode },
      {
        address: "198.51.100.77",
      },
    );
    expect(status.data).toMatchObject({
      proceedingId: at.proceedingId,
      stage: { key: "closed" },
      answers: [expect.objectContaining({ answer: "经调查属实，已作出处理" })],
    });
    expect(status.body).not.toContain("person-officer-a");
  });

  it("WC.10.1 transfers a public report that is not the bureau's and closes it", async () => {
    let at = await driveTo(url, cast, "accepted", { reporter: "public" });
    at = await step(url, cast.legal, "transfer", at, {
      competentBody: "区人力资源和社会保障局",
      reason: "被举报人员不属于本局执法人员",
    });
    at = await step(url, cast.legal, "close", at);
    const closed = (await file(cast.legal, at.proceedingId)).data as {
      stage: string;
      state: { transfer: { competentBody: string }; openPeriods: unknown[]; late: unknown[] };
    };
    expect(closed.stage).toBe("closed");
    expect(closed.state.transfer.competentBody).toBe("区人力资源和社会保障局");
    expect(closed.state.openPeriods).toEqual([]);
    expect(closed.state.late).toEqual([]);
  });

  it("refuses an illegal move with the domain's IllegalTransition and writes nothing", async () => {
    const at = await driveTo(url, cast, "received");
    const before = await test.count("events");
    const answer = await call(url, "mutation", "wrongCase.close", target(at), cast.legal);
    expect(answer.error).toMatchObject({ code: "CONFLICT", tag: "IllegalTransition" });
    expect(await test.count("events")).toBe(before);
  });

  it("refuses a step decided on a stale version with StreamConflict", async () => {
    const at = await driveTo(url, cast, "accepted");
    await step(url, cast.legal, "reportToHead", at, { head: CAST.head.personId });
    const again = await call(
      url,
      "mutation",
      "wrongCase.transfer",
      { ...target(at), competentBody: "某局", reason: "迟到的操作" },
      cast.legal,
    );
    expect(again.error).toMatchObject({ code: "CONFLICT", tag: "StreamConflict" });
  });

  it("refuses a step dated after today, naming the date field", async () => {
    const at = await driveTo(url, cast, "received");
    const answer = await call(
      url,
      "mutation",
      "wrongCase.accept",
      { ...target(at), date: "2999-01-01" },
      cast.legal,
    );
    expect(answer.error).toMatchObject({ code: "BAD_REQUEST", tag: "StepDateInFuture", field: ["date"] });
  });

  it("WC.10.2 keeps investigation acts to the team of the round under way", async () => {
    const at = await driveTo(url, cast, "team-assigned");
    const outsider = await call(
      url,
      "mutation",
      "wrongCase.logInvestigation",
      { ...target(at), method: "verification", summary: "核实" },
      officer,
    );
    expect(outsider.error).toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the person a report names off the team that investigates it (ConflictOfInterest)", async () => {
    const at = await driveTo(url, cast, "reported-to-head", { officers: [CAST.investigator.personId] });
    const answer = await call(
      url,
      "mutation",
      "wrongCase.assignTeam",
      { ...target(at), members: [CAST.investigator.personId] },
      cast.head,
    );
    expect(answer.error).toMatchObject({ tag: "ConflictOfInterest", field: ["members", "0"] });
  });

  it("WC.10.2 WC.10.3 the head, the team and those attending must be staff who can act; otherwise nothing is written", async () => {
    const refused = async (
      at: Position,
      who: SignedIn,
      path: string,
      input: Record<string, unknown>,
      expected: { tag: string; field: ReadonlyArray<string> },
    ) => {
      const before = (await file(cast.legal, at.proceedingId)).data as { version: number };
      const answer = await call(url, "mutation", path, { ...target(at), ...input }, who);
      expect(answer.error).toMatchObject({ code: "UNPROCESSABLE_CONTENT", ...expected });
      const after = (await file(cast.legal, at.proceedingId)).data as { version: number };
      expect(after.version).toBe(before.version);
    };
    // WC.10.2 应当及时报局主要负责人: someone not in the directory, or no head, is no one to report to.
    const accepted = await driveTo(url, cast, "accepted");
    await refused(
      accepted,
      cast.legal,
      "wrongCase.reportToHead",
      { head: "person-nobody" },
      {
        tag: "UnknownPerson",
        field: ["head"],
      },
    );
    await refused(
      accepted,
      cast.legal,
      "wrongCase.reportToHead",
      { head: CAST.investigator.personId },
      {
        tag: "RoleMissing",
        field: ["head"],
      },
    );
    // WC.10.2 指派区局机关纪委及时组成调查组: a member who cannot investigate could not log a step of it.
    const reported = await driveTo(url, cast, "reported-to-head");
    await refused(
      reported,
      cast.head,
      "wrongCase.assignTeam",
      { members: [CAST.investigator.personId, CAST.legal.personId] },
      { tag: "RoleMissing", field: ["members", "1"] },
    );
    // WC.10.3 经区局党委集体讨论: those present need no account, but must be staff of the directory.
    const proposed = await driveTo(url, cast, "proposal-made");
    await refused(
      proposed,
      cast.committee,
      "wrongCase.decide",
      {
        attendance: [CAST.committee.personId, "person-nobody"],
        outcome: "责令作出书面检查",
        officers: [],
        suspectedViolation: false,
      },
      { tag: "UnknownPerson", field: ["attendance", "1"] },
    );
  });

  it("need-to-know: the officer reported never reads the file nor finds it in the list", async () => {
    const at = await driveTo(url, cast, "accepted", { officers: ["person-officer-a"] });
    expect((await file(officer, at.proceedingId)).error).toMatchObject({ code: "FORBIDDEN" });
    const listed = (await call(url, "query", "wrongCase.list", undefined, officer)).data as Array<{
      proceedingId: string;
    }>;
    expect(listed.map((p) => p.proceedingId)).not.toContain(at.proceedingId);
    const byLegal = (await call(url, "query", "wrongCase.list", undefined, cast.legal)).data as Array<{
      proceedingId: string;
    }>;
    expect(byLegal.map((p) => p.proceedingId)).toContain(at.proceedingId);
  });

  it("numbers proceedings per year: WC-<year>-001, 002…", async () => {
    const first = await driveTo(url, cast, "received");
    const second = await driveTo(url, cast, "received");
    const [, year, n] = /^WC-(\d{4})-(\d{3})$/.exec(first.proceedingId) ?? [];
    expect(second.proceedingId).toBe(`WC-${year}-${String(Number(n) + 1).padStart(3, "0")}`);
  });

  it("the log of these proceedings verifies offline with liuhen verify", async () => {
    const { lines, report } = await exportAndVerify(test);
    expect(lines.filter((line) => line.includes('"WrongCase.')).length).toBeGreaterThan(20);
    expect(report).toMatchObject({
      _tag: "Verified",
      treeSize: await test.count("events"),
    });
  });
});
