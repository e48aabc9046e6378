/**
 * The legal section's oversight of interference records over HTTP against a real server and SQLite file,
 * with the day fixed at 2026年4月8日: a spot check (IF.4) whose committed seed reproduces its sample from the
 * log, drawn again only as a new commitment; two failures to record (IF.12b) leading to a discipline
 * referral, with the instructing supervisor liable; monthly attestation showing who has not attested, and
 * the agency's switch turning it off; statistics by category, method, department and month, a record about
 * the head counted only for the judicial supervision.
 */
import { createHash } from "node:crypto";
import { CaseClock } from "@liuhen/api";
import { drawSample } from "@liuhen/domain";
import { Effect, Ref } from "effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { call, type SignedIn, signIn } from "./support/http.js";
import {
  assembleInterferenceCast,
  type CastMember,
  contact,
  IF_CAST,
  type InterferenceCast,
  recordContact,
  registerPerson,
  staffMember,
} from "./support/interference-driver.js";
import { describeOnDatabases } from "./support/test-databases.js";
import { ADMIN, AGENCY, startTestServer, type TestServer } from "./support/test-server.js";

const ADDRESS = "198.51.100.41";
const TODAY = "2026-04-08";

const HANDLER_2 = {
  username: "of-handler-2",
  personId: "person-of-handler-2",
  name: "陈办案",
  department: "执法二科",
  roles: ["handler"],
} as const satisfies CastMember;
/** Named in records as the colleague who interferes: in the directory, without an account. */
const COLLEAGUE = {
  username: "of-colleague",
  personId: "person-of-colleague",
  name: "孙同事",
  department: "综合科",
  roles: [],
} as const satisfies CastMember;
/** The supervisor who told a handler not to record (主管领导授意). */
const CHIEF = {
  username: "of-chief",
  personId: "person-of-chief",
  name: "吴科长",
  department: "执法二科",
  roles: [],
} as const satisfies CastMember;

describeOnDatabases(
  "IF oversight by the legal section over HTTP",
  (database) => {
    let test: TestServer;
    let url: string;
    let root: SignedIn;
    let cast: InterferenceCast;
    let handler2: SignedIn;
    /** The March records of the cast's handler, the population of the spot check. */
    let march: ReadonlyArray<string>;

    const day = Effect.runSync(Ref.make(TODAY));

    const query = (who: SignedIn, path: string, input?: unknown) =>
      call(url, "query", `oversight.${path}`, input, who);
    const mutate = (who: SignedIn, path: string, input: unknown) =>
      call(url, "mutation", `oversight.${path}`, input, who);

    const ok = <T>(answer: Awaited<ReturnType<typeof call>>, what: string): T => {
      expect(answer.error, what).toBeNull();
      return answer.data as T;
    };

    const aboutColleague = (overrides: Record<string, unknown>) =>
      contact({ staff: COLLEAGUE.personId, employment: "established" }, overrides);

    beforeAll(async () => {
      test = await startTestServer({}, { caseClock: CaseClock.fixed(day), database });
      url = test.server.url;
      root = await signIn(url, { agency: AGENCY, ...ADMIN }, ADDRESS);
      cast = await assembleInterferenceCast(url, root, ADDRESS);
      handler2 = await staffMember(url, root, HANDLER_2, ADDRESS);
      await registerPerson(url, root, COLLEAGUE);
      await registerPerson(url, root, CHIEF);

      // March: three phone calls asking the cast's handler to lower a penalty (IF.10.1).
      const made: string[] = [];
      for (const dayOfMonth of ["10", "17", "24"]) {
        const { recordId } = await recordContact(
          url,
          cast.handler,
          aboutColleague({ time: `2026-03-${dayOfMonth}T09:00`, date: `2026-03-${dayOfMonth}` }),
        );
        made.push(recordId);
      }
      march = made;
      // April: a proposal to meet the party privately, in person (IF.10.4), recorded by the second handler…
      await recordContact(
        url,
        handler2,
        aboutColleague({
          time: "2026-04-02T15:00",
          date: "2026-04-02",
          method: "in-person",
          acts: [{ act: "propose-private-meeting" }],
        }),
      );
      // …and a call from the head, which goes to the district judicial supervision only (IF.3).
      await recordContact(
        url,
        handler2,
        contact(
          { staff: IF_CAST.head.personId, employment: "established" },
          { capacity: "leader", time: "2026-04-03T11:00", date: "2026-04-03" },
        ),
      );
    }, 240_000);

    afterAll(async () => {
      await test?.close();
    });

    interface SampleItem {
      readonly id: string;
      readonly position: number;
      readonly check: { readonly checkedOn: string; readonly by: string; readonly outcome: string } | null;
    }

    interface SpotCheckAnswer {
      readonly drawId: string;
      readonly seedHash: string;
      readonly populationSize: { readonly records: number; readonly handlers: number };
      readonly sizes: { readonly records: number; readonly handlers: number };
      readonly committedBy: string;
      readonly commitLeafIndex: number;
      readonly draw: {
        readonly seed: string;
        readonly anchor: { readonly treeSize: number; readonly rootHash: string };
        readonly by: string;
      } | null;
      readonly sample: {
        readonly records: ReadonlyArray<SampleItem>;
        readonly handlers: ReadonlyArray<SampleItem>;
      } | null;
      readonly version: number;
    }

    interface Verification {
      readonly drawn: boolean;
      readonly population: {
        readonly records: ReadonlyArray<string>;
        readonly handlers: ReadonlyArray<string>;
      };
      readonly seedMatches?: boolean;
      readonly populationMatches?: boolean;
      readonly anchorMatches?: boolean;
      readonly sampleMatches?: boolean;
      readonly reproduced?: boolean;
    }

    const sha256Hex = (hex: string) => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");

    it("IF.4: the committed seed reproduces the sample from the log; a second draw is a new commitment", async () => {
      const committed = ok<SpotCheckAnswer>(
        await mutate(cast.legal, "commitSpotCheck", {
          from: "2026-03-01",
          to: "2026-03-31",
          records: 2,
          handlers: 1,
          purpose: "2026年3月干预记录抽查",
        }),
        "commitSpotCheck",
      );
      expect(committed).toMatchObject({
        populationSize: { records: 3, handlers: 2 },
        sizes: { records: 2, handlers: 1 },
        committedBy: IF_CAST.legal.personId,
        draw: null,
        sample: null,
      });
      expect(committed.seedHash).toMatch(/^[0-9a-f]{64}$/);

      // Before the draw the log holds the population and the seed's hash, and no sample.
      const pending = ok<SpotCheckAnswer & { verification: Verification }>(
        await query(cast.legal, "spotCheck", { drawId: committed.drawId }),
        "spotCheck before the draw",
      );
      expect(pending.verification).toMatchObject({
        drawn: false,
        population: {
          records: [...march].sort(),
          handlers: [IF_CAST.handler.personId, HANDLER_2.personId].sort(),
        },
      });

      // Only the legal section commits and draws.
      const byHandler = await mutate(cast.handler, "drawSpotCheck", { drawId: committed.drawId });
      expect(byHandler.error).toMatchObject({ code: "FORBIDDEN" });

      const drawn = ok<SpotCheckAnswer>(
        await mutate(cast.legal, "drawSpotCheck", { drawId: committed.drawId }),
        "drawSpotCheck",
      );
      expect(drawn.draw?.by).toBe(IF_CAST.legal.personId);
      expect(sha256Hex(drawn.draw?.seed ?? "")).toBe(committed.seedHash);
      expect(drawn.draw?.anchor.treeSize).toBe(committed.commitLeafIndex + 1);
      expect(drawn.sample?.records).toHaveLength(2);
      expect(drawn.sample?.handlers).toHaveLength(1);

      // Any legal officer can recompute it from the log: seed, population, anchor and sample all agree.
      const read = ok<SpotCheckAnswer & { verification: Verification }>(
        await query(cast.legal, "spotCheck", { drawId: committed.drawId }),
        "spotCheck",
      );
      expect(read.verification).toMatchObject({
        drawn: true,
        seedMatches: true,
        populationMatches: true,
        anchorMatches: true,
        sampleMatches: true,
        reproduced: true,
      });
      const recomputed = drawSample({
        seed: drawn.draw?.seed ?? "",
        anchor: drawn.draw?.anchor.rootHash ?? "",
        population: read.verification.population,
        sizes: { records: 2, handlers: 1 },
      });
      expect(recomputed.records).toEqual(drawn.sample?.records.map((r) => r.id));
      expect(recomputed.handlers).toEqual(drawn.sample?.handlers.map((h) => h.id));

      // A commitment is drawn once; another draw is another commitment, and both stay listed.
      const again = await mutate(cast.legal, "drawSpotCheck", { drawId: committed.drawId });
      expect(again.error).toMatchObject({ code: "CONFLICT", tag: "SpotCheckAlreadyDrawn" });
      const second = ok<SpotCheckAnswer>(
        await mutate(cast.legal, "commitSpotCheck", {
          from: "2026-03-01",
          to: "2026-03-31",
          records: 2,
          handlers: 1,
        }),
        "second commitSpotCheck",
      );
      expect(second.drawId).not.toBe(committed.drawId);
      expect(second.seedHash).not.toBe(committed.seedHash);
      ok(await mutate(cast.legal, "drawSpotCheck", { drawId: second.drawId }), "second drawSpotCheck");
      const listed = ok<ReadonlyArray<SpotCheckAnswer>>(await query(cast.legal, "spotChecks"), "spotChecks");
      expect(listed.map((s) => s.drawId)).toEqual([committed.drawId, second.drawId]);

      // A record drawn is checked under the draw (IF.4 检查); one not drawn is not.
      const [first] = drawn.sample?.records ?? [];
      const notDrawn = march.find((id) => !drawn.sample?.records.some((r) => r.id === id)) as string;
      const refused = await mutate(cast.legal, "checkSampledRecord", {
        drawId: committed.drawId,
        recordId: notDrawn,
        expectedVersion: 1,
      });
      expect(refused.error).toMatchObject({ tag: "NotInSpotCheckSample" });
      const checked = ok<{ stage: string; version: number }>(
        await mutate(cast.legal, "checkSampledRecord", {
          drawId: committed.drawId,
          recordId: first?.id,
          expectedVersion: 1,
        }),
        "checkSampledRecord",
      );
      expect(checked).toMatchObject({ stage: "checked", version: 2 });
      const record = await call(url, "query", "interference.get", { recordId: first?.id }, cast.legal);
      expect((record.data as { state: { check: unknown } }).state.check).toMatchObject({
        _tag: "RecordSpotChecked",
        sampleRef: committed.drawId,
        by: IF_CAST.legal.personId,
      });

      const [drawnHandler] = drawn.sample?.handlers ?? [];
      const handlerChecked = ok<SpotCheckAnswer>(
        await mutate(cast.legal, "checkSampledHandler", {
          drawId: committed.drawId,
          handler: drawnHandler?.id,
          outcome: "no-issue",
          note: "核对三月办案记录，记录完整",
        }),
        "checkSampledHandler",
      );
      expect(handlerChecked.sample?.handlers[0]?.check).toMatchObject({
        outcome: "no-issue",
        by: IF_CAST.legal.personId,
        checkedOn: TODAY,
      });
      expect(handlerChecked.sample?.records.find((r) => r.id === first?.id)?.check).toMatchObject({
        outcome: "checked",
      });
    });

    it("IF.12b: two failures to record lead to a discipline referral, and the instructing supervisor is liable", async () => {
      const failure = {
        handler: HANDLER_2.personId,
        kind: "not-recorded",
        caseRef: "黔江市监处罚〔2026〕21号",
        facts: "局内人员为当事人说情，办案人员未作记录",
        occurredOn: "2026-02-11",
      };
      const first = ok<{ ordinal: number; consequence: Record<string, unknown> }>(
        await mutate(cast.legal, "registerNonRecording", failure),
        "first registerNonRecording",
      );
      expect(first).toMatchObject({
        ordinal: 1,
        consequence: {
          sanctions: ["warning", "circulated-criticism"],
          referDiscipline: false,
          supervisorLiable: false,
          citations: ["IF.12b"],
        },
      });
      const second = ok<{ ordinal: number; consequence: Record<string, unknown> }>(
        await mutate(cast.legal, "registerNonRecording", {
          ...failure,
          kind: "untruthful",
          caseRef: "黔江市监处罚〔2026〕30号",
          occurredOn: "2026-03-05",
          instructedBy: CHIEF.personId,
        }),
        "second registerNonRecording",
      );
      expect(second).toMatchObject({
        ordinal: 2,
        consequence: {
          sanctions: ["warning", "circulated-criticism"],
          referDiscipline: true,
          supervisorLiable: true,
          citations: ["IF.12b"],
        },
      });

      const counted = ok<{
        handlers: ReadonlyArray<{
          handler: string;
          count: number;
          referDiscipline: boolean;
          department: string;
        }>;
        supervisors: ReadonlyArray<{ supervisor: string; instructed: number }>;
      }>(await query(cast.legal, "nonRecordingByHandler"), "nonRecordingByHandler");
      expect(counted.handlers).toEqual([
        expect.objectContaining({
          handler: HANDLER_2.personId,
          count: 2,
          referDiscipline: true,
          department: "执法二科",
        }),
      ]);
      expect(counted.supervisors).toEqual([
        expect.objectContaining({ supervisor: CHIEF.personId, instructed: 1 }),
      ]);

      // Refused, with nothing written: about oneself, about someone not in the directory, by a handler.
      const before = await test.count("events");
      const self = await mutate(cast.legal, "registerNonRecording", {
        ...failure,
        handler: IF_CAST.legal.personId,
      });
      expect(self.error).toMatchObject({ tag: "ConflictOfInterest", field: ["handler"] });
      const stranger = await mutate(cast.legal, "registerNonRecording", {
        ...failure,
        handler: "person-nobody",
      });
      expect(stranger.error).toMatchObject({ code: "NOT_FOUND", tag: "PersonNotFound" });
      const byHandler = await mutate(cast.handler, "registerNonRecording", failure);
      expect(byHandler.error).toMatchObject({ code: "FORBIDDEN" });
      expect(await test.count("events")).toBe(before);
    });

    it("monthly attestation: the status shows the handler who has not attested, and the switch turns it off", async () => {
      const mine = ok<{
        enabled: boolean;
        records: ReadonlyArray<{ recordId: string }>;
        attestation: unknown;
      }>(await query(cast.handler, "myAttestation", { month: "2026-03" }), "myAttestation");
      expect(mine).toMatchObject({ enabled: true, attestation: null });
      expect(mine.records.map((r) => r.recordId)).toEqual([...march].sort());
      // Asked without a month, the answer is for the month the case clock is in, whatever the machine's date.
      const current = ok<{ month: string }>(await query(cast.handler, "myAttestation", {}), "myAttestation");
      expect(current.month).toBe(TODAY.slice(0, 7));

      // A nil return for a month with records, or a list leaving one out, is refused.
      const nil = await mutate(cast.handler, "attest", { month: "2026-03", kind: "none" });
      expect(nil.error).toMatchObject({ tag: "AttestationMismatch", field: ["kind"] });
      const partial = await mutate(cast.handler, "attest", {
        month: "2026-03",
        kind: "records",
        recordIds: march.slice(0, 2),
      });
      expect(partial.error).toMatchObject({ tag: "AttestationMismatch", field: ["recordIds"] });
      const future = await mutate(cast.handler, "attest", { month: "2026-05", kind: "none" });
      expect(future.error).toMatchObject({ tag: "MonthInFuture", field: ["month"] });

      ok(
        await mutate(cast.handler, "attest", {
          month: "2026-03",
          kind: "records",
          recordIds: [...march].reverse(),
        }),
        "attest",
      );
      const status = ok<{
        enabled: boolean;
        handlers: ReadonlyArray<{ handler: string; attested: boolean; attestedOn: string | null }>;
        missing: ReadonlyArray<string>;
      }>(await query(cast.legal, "attestationStatus", { month: "2026-03" }), "attestationStatus");
      expect(status.enabled).toBe(true);
      expect(status.missing).toEqual([HANDLER_2.personId]);
      expect(status.handlers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ handler: IF_CAST.handler.personId, attested: true, attestedOn: TODAY }),
          expect.objectContaining({ handler: HANDLER_2.personId, attested: false, attestedOn: null }),
        ]),
      );
      // What a handler attested (records or none) is not the legal section's to see.
      expect(JSON.stringify(status)).not.toContain(march[0] as string);

      ok(await mutate(handler2, "attest", { month: "2026-03", kind: "none" }), "nil return");
      const complete = ok<{ missing: ReadonlyArray<string> }>(
        await query(cast.legal, "attestationStatus", { month: "2026-03" }),
        "attestationStatus after the nil return",
      );
      expect(complete.missing).toEqual([]);
      const april = ok<{ missing: ReadonlyArray<string> }>(
        await query(cast.legal, "attestationStatus", { month: "2026-04" }),
        "attestationStatus for April",
      );
      expect(april.missing).toEqual([IF_CAST.handler.personId, HANDLER_2.personId].sort());

      // Only an administrator switches it; switched off, nobody is missing and nothing can be attested.
      const byLegal = await mutate(cast.legal, "setMonthlyAttestation", { enabled: false });
      expect(byLegal.error).toMatchObject({ code: "FORBIDDEN" });
      const off = ok<{ monthlyAttestation: boolean; version: number }>(
        await mutate(root, "setMonthlyAttestation", { enabled: false }),
        "setMonthlyAttestation",
      );
      expect(off).toMatchObject({ monthlyAttestation: false, version: 1 });
      const unchanged = await mutate(root, "setMonthlyAttestation", { enabled: false });
      expect(unchanged.error).toMatchObject({ code: "CONFLICT", tag: "NothingToChange" });
      expect(
        ok(await query(cast.legal, "attestationStatus", { month: "2026-04" }), "status when off"),
      ).toEqual({
        month: "2026-04",
        enabled: false,
        handlers: [],
        missing: [],
      });
      const refused = await mutate(cast.handler, "attest", { month: "2026-04", kind: "none" });
      expect(refused.error).toMatchObject({ tag: "MonthlyAttestationOff" });
      ok(await mutate(root, "setMonthlyAttestation", { enabled: true }), "switched back on");
    });

    it("statistics count by category, method, department and month; a record about the head counts only for the judicial supervision", async () => {
      const figures = ok<{
        routes: ReadonlyArray<string>;
        total: number;
        byRecordedCategory: Record<string, number>;
        byFinding: Record<string, number>;
        byMethod: Record<string, number>;
        byDepartment: ReadonlyArray<{ department: string | null; count: number }>;
        byMonth: ReadonlyArray<{ month: string; count: number }>;
      }>(await query(cast.legal, "statistics", {}), "statistics");
      expect(figures).toMatchObject({
        routes: ["legal-section"],
        total: 4,
        byRecordedCategory: { "IF.10.1": 3, "IF.10.4": 1, "IF.10.2": 0, none: 0 },
        byFinding: { pending: 4, legitimate: 0, "IF.10.1": 0 },
        byMethod: { phone: 3, "in-person": 1, oral: 0, written: 0, message: 0 },
        byDepartment: [
          { department: "执法一科", count: 3 },
          { department: "执法二科", count: 1 },
        ],
        byMonth: [
          { month: "2026-03", count: 3 },
          { month: "2026-04", count: 1 },
        ],
      });
      // No name, no record id, no case.
      const text = JSON.stringify(figures);
      for (const secret of [COLLEAGUE.personId, IF_CAST.handler.personId, ...march, "黔江市监处罚"]) {
        expect(text).not.toContain(secret);
      }

      // The head reads the same figures; April alone narrows them.
      const byHead = ok<{ total: number }>(await query(cast.head, "statistics", {}), "head's statistics");
      expect(byHead.total).toBe(4);
      const aprilOnly = ok<{ total: number; byMonth: unknown }>(
        await query(cast.legal, "statistics", { from: "2026-04" }),
        "April statistics",
      );
      expect(aprilOnly).toMatchObject({ total: 1, byMonth: [{ month: "2026-04", count: 1 }] });

      // The record about the head is the judicial supervision's alone.
      const judicial = ok<{ routes: ReadonlyArray<string>; total: number; byDepartment: unknown }>(
        await query(cast.judicial, "statistics", {}),
        "judicial supervision's statistics",
      );
      expect(judicial).toMatchObject({
        routes: ["judicial-supervision"],
        total: 1,
        byDepartment: [{ department: "执法二科", count: 1 }],
      });

      const byHandler = await query(cast.handler, "statistics", {});
      expect(byHandler.error).toMatchObject({ code: "FORBIDDEN" });
    });
  },
  { timeout: 180_000 },
);
