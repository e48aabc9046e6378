/**
 * Interference records (IF.3–IF.12a) over HTTP against a real server and SQLite file: a record from the
 * handler's entry through the legal section's review, the head's investigation, the finding, the approval
 * and the notification (通报); a record about the head, which goes only to the district judicial
 * supervision; need-to-know for the person recorded; the protection of recorders against personnel actions
 * (IF.9); the categorisation kept with its citations; bad input refused by field with nothing written.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, headersOf, type SignedIn, signIn, uploadFile } from "./support/http.js";
import {
  assembleInterferenceCast,
  at,
  contact,
  IF_CAST,
  type InterferenceCast,
  ifStep,
  type RecordPosition,
  recordContact,
  staffMember,
} from "./support/interference-driver.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";

describeOnDatabases(
  "IF interference records over HTTP",
  (database) => {
    let test: TestServer;
    let url: string;
    let root: SignedIn;
    let cast: InterferenceCast;
    /** A colleague who interferes; an investigator too, so the head could try to put them on their own case. */
    let colleague: SignedIn;
    /** Recorded interfering, and holding the legal section's and the judicial supervision's roles. */
    let officer: SignedIn;
    const ADDRESS = "198.51.100.21";

    const COLLEAGUE = {
      username: "if-colleague",
      personId: "person-if-colleague",
      name: "孙同事",
      department: "执法二科",
      roles: ["handler", "investigator"],
    } as const;
    const OFFICER = {
      username: "if-officer",
      personId: "person-if-officer",
      name: "周法治",
      department: "法治科",
      roles: ["legal-officer", "judicial-supervision"],
    } as const;

    beforeAll(async () => {
      test = await startTestServer({}, { database });
      url = test.server.url;
      root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
      cast = await assembleInterferenceCast(url, root, ADDRESS);
      colleague = await staffMember(url, root, COLLEAGUE, ADDRESS);
      officer = await staffMember(url, root, OFFICER, ADDRESS);
    }, 180_000);

    afterAll(async () => {
      await test?.close();
    });

    const record = async (who: SignedIn, recordId: string) =>
      call(url, "query", "interference.get", { recordId }, who);

    const listed = async (who: SignedIn) =>
      (
        (await call(url, "query", "interference.list", undefined, who)).data as Array<{ recordId: string }>
      ).map((r) => r.recordId);

    const notificationsOf = async (who: SignedIn) =>
      (await call(url, "query", "notifications.list", {}, who)).data as Array<{
        kind: string;
        streamId: string | null;
        details: Record<string, string>;
      }>;

    const aboutColleague = () => contact({ staff: COLLEAGUE.personId, employment: "established" });

    it("IF.3 IF.4 IF.10: runs from the record through investigation, finding and approval to the notification", async () => {
      const made = await recordContact(url, cast.handler, aboutColleague());
      expect(made.recordId).toMatch(/^IF-\d{4}-\d{3}$/);
      expect(made.answer.data).toMatchObject({
        route: "legal-section",
        categorisation: { finding: "interference", categories: ["IF.10.1"], notification: true },
      });
      let position: RecordPosition = made;
      position = await ifStep(url, cast.handler, "reportToLegalSection", position);
      position = await ifStep(url, cast.legal, "review", position);
      // IF.4 向机关负责人报告: the head reads the record from the lead on, not before.
      expect((await record(cast.head, position.recordId)).error).toMatchObject({ code: "FORBIDDEN" });
      position = await ifStep(url, cast.legal, "leadToHead", position, {
        head: IF_CAST.head.personId,
        lead: "来电要求从轻处罚，涉嫌超越职权下达降格处罚指示",
      });
      expect((await record(cast.head, position.recordId)).data).toMatchObject({ access: "head" });

      // The person recorded may not investigate their own case.
      const onOwnCase = await call(
        url,
        "mutation",
        "interference.openInvestigation",
        { ...at(position), investigators: [COLLEAGUE.personId] },
        cast.head,
      );
      expect(onOwnCase.error).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        tag: "ConflictOfInterest",
        field: ["investigators", "0"],
      });
      position = await ifStep(url, cast.head, "openInvestigation", position, {
        investigators: [IF_CAST.investigator.personId],
      });
      position = await ifStep(url, cast.investigator, "noteInvestigation", position, {
        note: "询问当事人，调取通话记录",
      });
      position = await ifStep(url, cast.legal, "findInterference", position, {
        categories: ["IF.10.1"],
        reasons: "超越职权要求降格处罚",
      });

      // IF.10 报经批准后予以通报: no notification before the approval.
      const before = await test.count("events");
      const early = await call(
        url,
        "mutation",
        "interference.notify",
        { ...at(position), notice: "关于孙某某违规干预案件办理的通报" },
        cast.legal,
      );
      expect(early.error).toMatchObject({ code: "CONFLICT", tag: "IllegalTransition" });
      expect(await test.count("events")).toBe(before);
      // Nor may the legal section approve in the head's place.
      const byLegal = await call(
        url,
        "mutation",
        "interference.approveNotification",
        { ...at(position), authority: "局党组人事管理权限" },
        cast.legal,
      );
      expect(byLegal.error).toMatchObject({ code: "FORBIDDEN" });

      position = await ifStep(url, cast.head, "approveNotification", position, {
        authority: "局党组人事管理权限",
      });
      position = await ifStep(url, cast.legal, "notify", position, {
        notice: "关于孙某某违规干预案件办理的通报",
      });
      position = await ifStep(url, cast.legal, "referForDiscipline", position, {
        basis: "违反《中国共产党纪律处分条例》",
      });
      position = await ifStep(url, cast.legal, "close", position);

      const closed = (await record(cast.legal, position.recordId)).data as {
        stage: string;
        route: string;
        access: string;
        state: {
          approval: { approver: string; authority: string };
          notification: { by: string };
          record: { handler: string; elements: { person: string } };
        };
        history: Array<{ type: string; citations: string[] }>;
        nextSteps: Array<{ event: string }>;
      };
      expect(closed).toMatchObject({ stage: "closed", route: "legal-section", access: "legal-section" });
      expect(closed.state.approval).toMatchObject({
        approver: IF_CAST.head.personId,
        authority: "局党组人事管理权限",
      });
      expect(closed.state.notification.by).toBe(IF_CAST.legal.personId);
      expect(closed.state.record).toMatchObject({
        handler: IF_CAST.handler.personId,
        elements: { person: COLLEAGUE.personId },
      });
      expect(closed.history.map((h) => h.type)).toEqual([
        "InterferenceRecord.InterferenceRecorded",
        "InterferenceRecord.ReportedToLegalSection",
        "InterferenceRecord.RecordReviewed",
        "InterferenceRecord.LeadReportedToHead",
        "InterferenceRecord.InterferenceInvestigationOpened",
        "InterferenceRecord.InterferenceInvestigationNoted",
        "InterferenceRecord.InterferenceFound",
        "InterferenceRecord.NotificationApproved",
        "InterferenceRecord.InterferenceNotified",
        "InterferenceRecord.ReferredForDiscipline",
        "InterferenceRecord.InterferenceRecordClosed",
      ]);
      expect(closed.history.find((h) => h.type.endsWith("NotificationApproved"))?.citations).toEqual([
        "IF.10",
      ]);
      expect(closed.history.find((h) => h.type.endsWith("ReferredForDiscipline"))?.citations).toEqual([
        "IF.11",
      ]);
      // A correction (IF.3) and a retaliation referral (IF.12a) stay possible after the handling ends.
      expect(closed.nextSteps.map((s) => s.event)).toEqual(["RecordCorrected", "RetaliationReferred"]);

      // IF.12a: whoever is named as retaliating is shut out of the record from then on, team member or not.
      expect((await record(cast.investigator, position.recordId)).data).toMatchObject({ access: "team" });
      position = await ifStep(url, cast.legal, "referRetaliation", position, {
        against: { staff: IF_CAST.investigator.personId },
        referral: "discipline",
        facts: "调查期间对记录人施加压力",
      });
      expect((await record(cast.investigator, position.recordId)).error).toMatchObject({ code: "FORBIDDEN" });
      const referred = (await record(cast.legal, position.recordId)).data as {
        history: Array<{ type: string; citations: string[] }>;
      };
      expect(referred.history.at(-1)).toMatchObject({
        type: "InterferenceRecord.RetaliationReferred",
        citations: ["IF.9", "IF.12a"],
      });
    });

    it("IF.3: a record about the head goes only to the district judicial supervision, who alone reads it", async () => {
      const made = await recordContact(
        url,
        cast.handler,
        contact({ staff: IF_CAST.head.personId, employment: "established" }, { capacity: "leader" }),
      );
      expect(made.answer.data).toMatchObject({ route: "judicial-supervision" });
      const fresh = (await record(cast.handler, made.recordId)).data as {
        nextSteps: Array<{ event: string }>;
      };
      expect(fresh.nextSteps.map((s) => s.event)).not.toContain("ReportedToLegalSection");

      const before = await test.count("events");
      const toSection = await call(
        url,
        "mutation",
        "interference.reportToLegalSection",
        at(made),
        cast.handler,
      );
      expect(toSection.error).toMatchObject({ code: "UNPROCESSABLE_CONTENT", tag: "RouteRequired" });
      expect(toSection.error?.message).toContain("reportToJudicialSupervision");
      expect(await test.count("events")).toBe(before);

      const reported = await ifStep(url, cast.handler, "reportToJudicialSupervision", made, {
        reason: "被记录人为局主要负责人",
      });
      for (const bureau of [cast.head, cast.legal]) {
        expect((await record(bureau, made.recordId)).error).toMatchObject({ code: "FORBIDDEN" });
        expect(await listed(bureau)).not.toContain(made.recordId);
      }
      const seen = (await record(cast.judicial, made.recordId)).data as {
        access: string;
        route: string;
        stage: string;
        state: { record: { handler: string } };
      };
      expect(seen).toMatchObject({
        access: "judicial-supervision",
        route: "judicial-supervision",
        stage: "reported-to-judicial-supervision",
        state: { record: { handler: IF_CAST.handler.personId } },
      });
      expect(await listed(cast.judicial)).toContain(made.recordId);
      // The legal section's steps are not the bureau's here.
      const review = await call(url, "mutation", "interference.review", at(reported), cast.legal);
      expect(review.error).toMatchObject({ code: "FORBIDDEN" });
    });

    it("IF.3: a record keeps the files the handler attached; the legal section downloads them, the person recorded cannot", async () => {
      const photo = new TextEncoder().encode("通话记录截图");
      const uploaded = await uploadFile(url, cast.handler, photo, "通话记录.png", "image/png");
      expect(uploaded.status).toBe(201);
      const made = await recordContact(
        url,
        cast.handler,
        contact(
          { staff: COLLEAGUE.personId, employment: "established" },
          { attachments: [{ sha256: uploaded.sha256 }] },
        ),
      );
      const kept = (await record(cast.legal, made.recordId)).data as {
        state: { record: { attachments: Array<{ sha256: string; name: string; size: number }> } };
      };
      expect(kept.state.record.attachments).toEqual([
        expect.objectContaining({ sha256: uploaded.sha256, name: "通话记录.png", size: photo.length }),
      ]);
      const byLegal = await fetch(new URL(`/attachments/${uploaded.sha256}`, url), {
        headers: headersOf(cast.legal),
      });
      expect(byLegal.status).toBe(200);
      expect(new Uint8Array(await byLegal.arrayBuffer())).toEqual(photo);
      const bySubject = await fetch(new URL(`/attachments/${uploaded.sha256}`, url), {
        headers: headersOf(colleague),
      });
      expect(bySubject.status).toBe(404);
    });

    it("need-to-know: the person recorded never reads the record nor learns its recorder, even holding the roles that would", async () => {
      const made = await recordContact(
        url,
        cast.handler,
        contact(
          { staff: OFFICER.personId, employment: "established" },
          { acts: [{ act: "plead-for-party" }] },
        ),
      );
      await ifStep(url, cast.handler, "reportToJudicialSupervision", made, {
        reason: "被记录人为法治科人员",
      });
      const denied = await record(officer, made.recordId);
      expect(denied.error).toMatchObject({ code: "FORBIDDEN" });
      expect(denied.body).not.toContain(IF_CAST.handler.personId);
      expect(await listed(officer)).not.toContain(made.recordId);
      expect((await record(cast.judicial, made.recordId)).data).toMatchObject({
        access: "judicial-supervision",
      });
      // A colleague recorded in a record routed to the legal section is shut out of it as well.
      const aboutThem = await recordContact(url, cast.handler, aboutColleague());
      expect((await record(colleague, aboutThem.recordId)).error).toMatchObject({ code: "FORBIDDEN" });
      expect(await listed(colleague)).not.toContain(aboutThem.recordId);
    });

    it("IF.7 IF.13: the categorisation is kept in the record with its citations, explanation and receipt", async () => {
      const made = await recordContact(
        url,
        cast.handler,
        contact(
          { staff: IF_CAST.head.personId, employment: "established" },
          {
            capacity: "leader",
            method: "oral",
            acts: [{ act: "guidance", withinAuthority: true }],
            content: "口头提出调查取证方面的指导意见",
            response: null,
          },
        ),
      );
      expect(made.answer.data).toMatchObject({
        categorisation: { finding: "permitted-record-required", categories: [], notification: false },
      });
      const seen = (await record(cast.judicial, made.recordId)).data as {
        state: {
          record: {
            categorisation: {
              request: { kind: string; recorded: boolean; person: { relation: string; role: string } };
              result: { finding: string; citations: string[]; basis: Array<{ citation: string }> };
              receipt: { algorithm: string; digest: string };
              explanation: { zh: string[]; en: string[] };
            };
          };
        };
        history: Array<{ type: string; citations: string[] }>;
      };
      const { categorisation } = seen.state.record;
      expect(categorisation.request).toMatchObject({
        kind: "interference",
        recorded: true,
        person: { relation: "current", role: "leader" },
      });
      expect(categorisation.result.finding).toBe("permitted-record-required");
      expect(categorisation.result.citations).toEqual(expect.arrayContaining(["IF.2", "IF.3", "IF.7"]));
      expect(categorisation.result.citations).not.toContain("IF.10");
      expect(categorisation.receipt).toMatchObject({ algorithm: "sha-256/jcs" });
      expect(categorisation.receipt.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(categorisation.explanation.zh.some((line) => line.includes("IF.7"))).toBe(true);
      expect(categorisation.explanation.en.length).toBe(categorisation.result.basis.length);
      expect(seen.history).toEqual([
        expect.objectContaining({ type: "InterferenceRecord.InterferenceRecorded", citations: ["IF.3"] }),
      ]);

      // Former staff and outsiders are recorded by name; IF.8: another agency's request off procedure.
      const outsider = await recordContact(
        url,
        cast.handler,
        contact(
          { other: "区税务局某科员", relation: "none" },
          { capacity: "other-agency", acts: [{ act: "inquiry" }] },
        ),
      );
      expect(outsider.answer.data).toMatchObject({
        route: "legal-section",
        categorisation: { finding: "not-internal", citations: ["IF.2", "IF.8"] },
      });
      const retired = await recordContact(
        url,
        cast.handler,
        contact({ other: "原执法二科科长刘某", relation: "former", employment: "retired" }),
      );
      expect(retired.answer.data).toMatchObject({ categorisation: { finding: "interference" } });
      const stored = (await record(cast.handler, retired.recordId)).data as {
        access: string;
        state: { record: { elements: { person: string } } };
      };
      expect(stored).toMatchObject({
        access: "author",
        state: { record: { elements: { person: "原执法二科科长刘某" } } },
      });
    });

    it("IF.3: a correction is added beside the record as first made", async () => {
      const made = await recordContact(url, cast.handler, aboutColleague());
      const corrected = await ifStep(url, cast.handler, "correct", made, {
        corrections: { place: "执法一科会议室" },
        reason: "地点记错",
      });
      const seen = (await record(cast.handler, corrected.recordId)).data as {
        state: {
          record: { elements: { place: string } };
          corrections: Array<{ corrections: { place: string } }>;
        };
      };
      expect(seen.state.record.elements.place).toBe("执法一科办公室");
      expect(seen.state.corrections.map((c) => c.corrections.place)).toEqual(["执法一科会议室"]);
      // Only the one who recorded it corrects it.
      const byOther = await call(
        url,
        "mutation",
        "interference.correct",
        { ...at(corrected), corrections: { place: "别处" }, reason: "改" },
        cast.legal,
      );
      expect(byOther.error).toMatchObject({ code: "FORBIDDEN" });
    });

    it("IF.4: a lead goes to someone who holds the head's role", async () => {
      let position: RecordPosition = await recordContact(url, cast.handler, aboutColleague());
      position = await ifStep(url, cast.handler, "reportToLegalSection", position);
      position = await ifStep(url, cast.legal, "review", position);
      const before = await test.count("events");
      const notHead = await call(
        url,
        "mutation",
        "interference.leadToHead",
        { ...at(position), head: IF_CAST.investigator.personId, lead: "线索" },
        cast.legal,
      );
      expect(notHead.error).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        tag: "RoleMissing",
        field: ["head"],
      });
      const nobody = await call(
        url,
        "mutation",
        "interference.leadToHead",
        { ...at(position), head: "person-nobody", lead: "线索" },
        cast.legal,
      );
      expect(nobody.error).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        tag: "UnknownPerson",
        field: ["head"],
      });
      expect(await test.count("events")).toBe(before);
      // IF.13: a check that finds no lead ends the record as legitimate.
      position = await ifStep(url, cast.legal, "findLegitimate", position, {
        grounds: ["IF.13.2"],
        reasons: "经核实系依照工作程序了解案情",
      });
      expect(((await record(cast.legal, position.recordId)).data as { stage: string }).stage).toBe(
        "legitimate",
      );
    });

    it("IF.9: a personnel action against a recorder alerts the legal section and needs its statutory cause", async () => {
      const recorder = await staffMember(
        url,
        root,
        {
          username: "if-recorder",
          personId: "person-if-recorder",
          name: "吴记录",
          department: "执法三科",
          roles: ["handler"],
        },
        ADDRESS,
      );
      const made = await recordContact(url, recorder, aboutColleague());

      const before = await test.count("events");
      const withoutCause = await call(
        url,
        "mutation",
        "interference.registerPersonnelAction",
        {
          personId: "person-if-recorder",
          kind: "transfer",
          date: "2026-11-20",
          statutoryCause: "",
          statutoryProcedure: "经局党组会议研究决定",
        },
        cast.head,
      );
      expect(withoutCause.error).toMatchObject({ code: "BAD_REQUEST", field: ["statutoryCause"] });
      const withoutProcedure = await call(
        url,
        "mutation",
        "interference.registerPersonnelAction",
        {
          personId: "person-if-recorder",
          kind: "transfer",
          date: "2026-11-20",
          statutoryCause: "机构改革岗位调整",
        },
        cast.head,
      );
      expect(withoutProcedure.error).toMatchObject({ code: "BAD_REQUEST", field: ["statutoryProcedure"] });
      expect(await test.count("events")).toBe(before);
      expect((await notificationsOf(cast.legal)).filter((n) => n.kind === "protection-alert")).toEqual([]);

      // Entering personnel decisions is the head's (人事管理权限), not the legal section's nor an administrator's.
      for (const who of [cast.legal, root]) {
        const refused = await call(
          url,
          "mutation",
          "interference.registerPersonnelAction",
          {
            personId: "person-if-recorder",
            kind: "transfer",
            date: "2026-11-20",
            statutoryCause: "机构改革岗位调整",
            statutoryProcedure: "经局党组会议研究决定",
          },
          who,
        );
        expect(refused.error).toMatchObject({ code: "FORBIDDEN" });
      }

      const registered = await call(
        url,
        "mutation",
        "interference.registerPersonnelAction",
        {
          personId: "person-if-recorder",
          kind: "transfer",
          date: "2026-11-20",
          statutoryCause: "机构改革岗位调整",
          statutoryProcedure: "经局党组会议研究决定",
        },
        cast.head,
      );
      expect(registered.error).toBeNull();
      // The answer does not tell the one entering it whether the person has recorded interference.
      expect(registered.data).not.toHaveProperty("protection");
      expect(registered.body).not.toContain(made.recordId);
      const { actionId } = registered.data as { actionId: string };

      const alerts = (await notificationsOf(cast.legal)).filter((n) => n.kind === "protection-alert");
      expect(alerts).toEqual([
        expect.objectContaining({
          streamId: `personnel-action/${actionId}`,
          details: expect.objectContaining({
            article: "IF.9",
            person: "person-if-recorder",
            action: "transfer",
            records: made.recordId,
          }),
        }),
      ]);
      // The officer who holds the legal section's role is alerted too; the colleague recorded is not.
      expect((await notificationsOf(officer)).filter((n) => n.kind === "protection-alert")).toHaveLength(1);
      expect((await notificationsOf(colleague)).filter((n) => n.kind === "protection-alert")).toEqual([]);
      expect((await notificationsOf(cast.judicial)).filter((n) => n.kind === "protection-alert")).toEqual([]);

      // An action against someone who has recorded nothing raises no alert.
      const legalBefore = (await notificationsOf(cast.legal)).length;
      const plain = await call(
        url,
        "mutation",
        "interference.registerPersonnelAction",
        {
          personId: IF_CAST.investigator.personId,
          kind: "other-sanction",
          date: "2026-11-20",
          statutoryCause: "年度考核不称职",
          statutoryProcedure: "经考核委员会审议",
        },
        cast.head,
      );
      expect(plain.error).toBeNull();
      expect((await notificationsOf(cast.legal)).length).toBe(legalBefore);

      const actions = (
        await call(
          url,
          "query",
          "interference.personnelActions",
          { personId: "person-if-recorder" },
          cast.head,
        )
      ).data as Array<{ actionId: string; kind: string }>;
      expect(actions).toEqual([expect.objectContaining({ actionId, kind: "transfer" })]);
    });

    it("IF.9: a recorder of a record about the head is protected through the judicial supervision", async () => {
      const recorder = await staffMember(
        url,
        root,
        {
          username: "if-recorder-2",
          personId: "person-if-recorder-2",
          name: "郑记录",
          department: "执法三科",
          roles: ["handler"],
        },
        ADDRESS,
      );
      const made = await recordContact(
        url,
        recorder,
        contact({ staff: IF_CAST.head.personId, employment: "established" }, { capacity: "leader" }),
      );
      const legalBefore = (await notificationsOf(cast.legal)).length;
      const registered = await call(
        url,
        "mutation",
        "interference.registerPersonnelAction",
        {
          personId: "person-if-recorder-2",
          kind: "demotion",
          date: "2026-11-21",
          statutoryCause: "违反工作纪律",
          statutoryProcedure: "经局党组会议研究决定",
        },
        cast.head,
      );
      expect(registered.error).toBeNull();
      const alerts = (await notificationsOf(cast.judicial)).filter(
        (n) => n.kind === "protection-alert" && n.details.person === "person-if-recorder-2",
      );
      expect(alerts).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ records: made.recordId }) }),
      ]);
      // Not the legal section: the record is not theirs to read.
      expect((await notificationsOf(cast.legal)).length).toBe(legalBefore);
    });

    it("bad input names the field and writes nothing", async () => {
      const before = await test.count("events");
      const cases: Array<[Record<string, unknown>, string, ReadonlyArray<string | number>]> = [
        [{ ...aboutColleague(), place: undefined }, "BAD_REQUEST", ["place"]],
        [{ ...aboutColleague(), content: "   " }, "BAD_REQUEST", ["content"]],
        [{ ...aboutColleague(), time: "2026-3-14" }, "BAD_REQUEST", ["time"]],
        [{ ...aboutColleague(), method: "carrier-pigeon" }, "BAD_REQUEST", ["method"]],
        [{ ...aboutColleague(), acts: [] }, "BAD_REQUEST", ["acts"]],
        [{ ...aboutColleague(), acts: [{ act: "other" }] }, "BAD_REQUEST", ["acts", 0, "description"]],
        [{ ...aboutColleague(), content: "长".repeat(20_001) }, "BAD_REQUEST", ["content"]],
        [{ ...aboutColleague(), time: "2999-01-01T09:00" }, "BAD_REQUEST", ["time"]],
        [contact({ other: "某退休人员", relation: "former" }), "BAD_REQUEST", ["person", "employment"]],
        [
          contact({ staff: "person-nobody", employment: "established" }),
          "UNPROCESSABLE_CONTENT",
          ["person", "staff"],
        ],
        [contact({ other: COLLEAGUE.personId, relation: "none" }), "BAD_REQUEST", ["person", "other"]],
        [
          contact({ staff: IF_CAST.handler.personId, employment: "established" }),
          "UNPROCESSABLE_CONTENT",
          ["person", "staff"],
        ],
      ];
      for (const [input, code, field] of cases) {
        const answer = await call(url, "mutation", "interference.record", input, cast.handler);
        expect(answer.error, JSON.stringify(field)).toMatchObject({ code, field });
      }
      const made = await recordContact(url, cast.handler, aboutColleague());
      const afterRecord = await test.count("events");
      const steps: Array<[string, SignedIn, Record<string, unknown>, ReadonlyArray<string | number>]> = [
        ["correct", cast.handler, { corrections: {}, reason: "无" }, ["corrections"]],
        ["reportToJudicialSupervision", cast.handler, { reason: "" }, ["reason"]],
        ["reportToLegalSection", cast.handler, { expectedVersion: 0 }, ["expectedVersion"]],
        ["reportToLegalSection", cast.handler, { recordId: "IF-26-1" }, ["recordId"]],
      ];
      for (const [name, who, fields, field] of steps) {
        const answer = await call(url, "mutation", `interference.${name}`, { ...at(made), ...fields }, who);
        expect(answer.error, name).toMatchObject({ code: "BAD_REQUEST", field });
      }
      expect(await test.count("events")).toBe(afterRecord);
      expect(afterRecord).toBe(before + 1);
    });

    it("the staff directory: the administrator registers people, and staff list who works where", async () => {
      const byHandler = await call(
        url,
        "mutation",
        "directory.register",
        { personId: "person-if-new", name: "新人", department: "执法一科" },
        cast.handler,
      );
      expect(byHandler.error).toMatchObject({ code: "FORBIDDEN" });
      const people = (await call(url, "query", "directory.list", {}, cast.handler)).data as Array<{
        personId: string;
        department: string;
      }>;
      expect(people.map((p) => p.personId)).toEqual(
        expect.arrayContaining([IF_CAST.head.personId, IF_CAST.legal.personId, COLLEAGUE.personId]),
      );
      const again = await call(
        url,
        "mutation",
        "directory.register",
        { personId: IF_CAST.head.personId, name: "张局长", department: "局领导" },
        root,
      );
      expect(again.error).toMatchObject({ code: "CONFLICT", tag: "PersonAlreadyRegistered" });
      const joined = await call(
        url,
        "mutation",
        "directory.register",
        { personId: "person-if-leaver", name: "冯离职", department: "执法二科", position: "科员" },
        root,
      );
      expect(joined.data).toMatchObject({ status: "active", position: "科员" });
      const departed = await call(
        url,
        "mutation",
        "directory.depart",
        { personId: "person-if-leaver", date: "2026-11-25" },
        root,
      );
      expect(departed.data).toMatchObject({ status: "departed", departedOn: "2026-11-25" });
    });
  },
  { timeout: 180_000 },
);
